<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="122"/>
        <source>About StoryClip Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="136"/>
        <source>Turns long videos into vertical story clips, and shows every job live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="143"/>
        <source>asking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="108"/>
        <source>Drop videos or folders here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="115"/>
        <source>Each video is cut into vertical story clips with the options on the left. Folders are searched for videos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="123"/>
        <source>Add videos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="136"/>
        <source>Change folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="145"/>
        <source>Clips are saved in {folder}, in one folder per video.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="51"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="52"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="53"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="54"/>
        <source>Clips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="55"/>
        <source>Took</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="56"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="71"/>
        <source>Jobs: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="72"/>
        <source>Clips: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="78"/>
        <source>Failure rate: {p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="84"/>
        <source>Mean speed: {s}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="201"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="202"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="203"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="204"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="206"/>
        <source>Unfinished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="211"/>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="212"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="213"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="214"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="264"/>
        <source>Search by file name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="272"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="295"/>
        <source>Re-run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="296"/>
        <source>Re-run with current options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="297"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="298"/>
        <source>Export JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="378"/>
        <source>Export history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="395"/>
        <source>Export failed: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="399"/>
        <source>Exported {n} jobs to {p}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Intake</name>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="21"/>
        <source>is longer than 4096 characters, so it names no file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="22"/>
        <source>is not a valid path (it holds a NUL character)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="23"/>
        <source>has a name that is not valid UTF-8, so it cannot be handed to ffmpeg; rename the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="24"/>
        <source>is not an absolute path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="25"/>
        <source>does not exist (was it moved?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="26"/>
        <source>cannot be opened: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="27"/>
        <source>is a folder, not a video file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="28"/>
        <source>holds no videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="29"/>
        <source>is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="30"/>
        <source>is hidden (hidden files are often partial copies; they are not taken)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="31"/>
        <source>is not a video file ({detail})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="32"/>
        <source>is empty (0 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="33"/>
        <source>cannot be read (permission denied)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDetail</name>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="144"/>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="204"/>
        <source>Select a job to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="169"/>
        <source>Open clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="170"/>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="177"/>
        <source>Clips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="190"/>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="191"/>
        <source>ffmpeg output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="192"/>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="193"/>
        <source>ffmpeg command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="224"/>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="235"/>
        <source>(ffmpeg has not started yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="249"/>
        <source>— ffmpeg&apos;s last output —</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="79"/>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="80"/>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="81"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="82"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="83"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="84"/>
        <source>Interrupted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="71"/>
        <source>All jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="72"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="73"/>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="74"/>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="75"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="76"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="77"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="81"/>
        <source>Running {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="82"/>
        <source>Queued {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="83"/>
        <source>Done {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="84"/>
        <source>Failed {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="85"/>
        <source>Cancelled {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="86"/>
        <source>Interrupted {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="195"/>
        <source>Add videos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="197"/>
        <source>Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="201"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="204"/>
        <source>Stop the selected jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="206"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="208"/>
        <source>Remove from list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="211"/>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="214"/>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="217"/>
        <source>Open output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="219"/>
        <source>Copy WebSocket URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="220"/>
        <location filename="../../storyclip_gui/ui/main_window.py" line="583"/>
        <source>Pause queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="222"/>
        <source>Clear finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="224"/>
        <source>Retry all failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="226"/>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="227"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="230"/>
        <source>Check setup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="232"/>
        <source>Run `storyclip doctor`: ffmpeg, encoders and folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="235"/>
        <source>About StoryClip Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="238"/>
        <location filename="../../storyclip_gui/ui/main_window.py" line="393"/>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="263"/>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="311"/>
        <source>Story options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="343"/>
        <source>Filter by name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="400"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="410"/>
        <location filename="../../storyclip_gui/ui/main_window.py" line="697"/>
        <source>Server: off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="428"/>
        <source>The story options are not valid: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="436"/>
        <source>Not added:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="436"/>
        <source>Not added —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="440"/>
        <source>{n} videos queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="460"/>
        <source>Videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="460"/>
        <source>All files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="463"/>
        <source>Add videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="471"/>
        <source>Add folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="573"/>
        <source>Resume queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="687"/>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="700"/>
        <source>Server: {u} · {n} observers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="731"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="732"/>
        <source>The observer server now: {u}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="751"/>
        <source>Saved. Applies after restart: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="769"/>
        <source>ffmpeg in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="770"/>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="790"/>
        <source>The watched folder {0} and the output folder overlap: the app&apos;s own clips there are not taken as new videos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="857"/>
        <source>Quit StoryClip Studio?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="859"/>
        <source>{n} jobs are still queued or running. They stop now and resume at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionsPanel</name>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="48"/>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="57"/>
        <source>Crop to fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="58"/>
        <source>Fit on blurred copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="59"/>
        <source>Fit with bars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="67"/>
        <source>Low (fast)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="68"/>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="69"/>
        <source>High (slow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="76"/>
        <source>Choose the output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="82"/>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="83"/>
        <source>Clip length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="84"/>
        <source>Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="85"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="86"/>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="87"/>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="155"/>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="37"/>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="43"/>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="44"/>
        <source>Working folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="45"/>
        <source>Monitoring interval (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="46"/>
        <source>ffmpeg program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="47"/>
        <source>Jobs at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="48"/>
        <source>Stall timeout (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="49"/>
        <source>Default quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="50"/>
        <source>Default clip length (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="51"/>
        <source>Resume interrupted jobs at start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="52"/>
        <source>Keep history (days, 0: always)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="53"/>
        <source>Keep finished jobs listed (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="54"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="55"/>
        <source>Port (0: any free port)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="56"/>
        <source>Allowed web origins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="57"/>
        <source>Allowed host names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="58"/>
        <source>Most WebSocket connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="59"/>
        <source>Most queued jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="107"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="121"/>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="134"/>
        <source>* applies after a restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="138"/>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="144"/>
        <source>Keep running in the tray when the window closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="146"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="148"/>
        <source>A new language applies at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="151"/>
        <source>Watch folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="156"/>
        <source>A video saved into one of these folders is queued once it stops growing; each file only once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="165"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="165"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="123"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="198"/>
        <source>Applies after a restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="240"/>
        <source>Keep history for {d} days: finished jobs that ended earlier are deleted from the history at every start. Their clips are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="245"/>
        <source>At the next start {n} jobs will be deleted, the oldest from {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="250"/>
        <source>Delete old history?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="306"/>
        <source>Choose a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="311"/>
        <source>Watch folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupCheckDialog</name>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="40"/>
        <source>Check setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="47"/>
        <source>What “storyclip doctor” finds on this computer: ffmpeg, the H.264 encoder and the folders StoryClip writes to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="57"/>
        <source>Checking ffmpeg, encoders and folders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="59"/>
        <source>Copy report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="84"/>
        <source>The setup check itself failed: {e}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../storyclip_gui/ui/tray.py" line="36"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/tray.py" line="37"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/tray.py" line="56"/>
        <source>A job failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/tray.py" line="62"/>
        <source>{done} completed, {failed} failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/tray.py" line="66"/>
        <source>The queue is done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
