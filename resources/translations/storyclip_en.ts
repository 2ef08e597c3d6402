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
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="40"/>
        <source>no videos found in this folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="47"/>
        <source>the file does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="51"/>
        <source>hidden files are not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="54"/>
        <source>no extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="58"/>
        <source>not a video file ({kind})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="133"/>
        <source>Drop videos or folders here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="140"/>
        <source>Each video is cut into vertical story clips with the options on the left. Folders are searched for videos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="148"/>
        <source>Add videos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="161"/>
        <source>Change folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="170"/>
        <source>Clips are saved in {folder}, in one folder per video.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="50"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="51"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="52"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="53"/>
        <source>Clips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="54"/>
        <source>Took</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="55"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="88"/>
        <source>Jobs: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="89"/>
        <source>Clips: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="95"/>
        <source>Failure rate: {p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="101"/>
        <source>Mean speed: {s}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="230"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="231"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="232"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="233"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="235"/>
        <source>Unfinished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="240"/>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="241"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="242"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="243"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="305"/>
        <source>Search by file name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="313"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="336"/>
        <source>Re-run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="337"/>
        <source>Re-run with current options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="338"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="339"/>
        <source>Export JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="419"/>
        <source>Export history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="436"/>
        <source>Export failed: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="440"/>
        <source>Exported {n} jobs to {p}</source>
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
        <location filename="../../storyclip_gui/ui/main_window.py" line="72"/>
        <source>All jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="73"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="74"/>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="75"/>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="76"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="77"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="78"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="82"/>
        <source>Running {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="83"/>
        <source>Queued {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="84"/>
        <source>Done {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="85"/>
        <source>Failed {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="86"/>
        <source>Cancelled {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="87"/>
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
        <location filename="../../storyclip_gui/ui/main_window.py" line="589"/>
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
        <location filename="../../storyclip_gui/ui/main_window.py" line="703"/>
        <source>Server: off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="427"/>
        <source>The story options are not valid: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="443"/>
        <source>Not added:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="443"/>
        <source>Not added —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="447"/>
        <source>{n} videos queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="467"/>
        <source>Videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="467"/>
        <source>All files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="470"/>
        <source>Add videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="478"/>
        <source>Add folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="579"/>
        <source>Resume queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="693"/>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="706"/>
        <source>Server: {u} · {n} observers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="737"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="738"/>
        <source>The observer server now: {u}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="757"/>
        <source>Saved. Applies after restart: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="775"/>
        <source>ffmpeg in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="776"/>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="796"/>
        <source>The watched folder {0} and the output folder overlap: the app&apos;s own clips there are not taken as new videos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="863"/>
        <source>Quit StoryClip Studio?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="865"/>
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
