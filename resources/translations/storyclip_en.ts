<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="125" />
        <source>About StoryClip Studio</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="139" />
        <source>Turns long videos into vertical story clips, and shows every job live.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="146" />
        <source>asking…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CountdownBar</name>
    <message>
        <location filename="../../storyclip_gui/ui/countdown_bar.py" line="31" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/countdown_bar.py" line="33" />
        <source>Stay awake: do not sleep or shut down (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../storyclip_gui/ui/countdown_bar.py" line="43" />
        <source>The queue is done. Going to sleep in %n s</source>
        <translation>
            <numerusform>The queue is done. Going to sleep in %n s</numerusform>
            <numerusform>The queue is done. Going to sleep in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../storyclip_gui/ui/countdown_bar.py" line="45" />
        <source>The queue is done. Shutting down in %n s</source>
        <translation>
            <numerusform>The queue is done. Shutting down in %n s</numerusform>
            <numerusform>The queue is done. Shutting down in %n s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/countdown_bar.py" line="60" />
        <source>Going to sleep…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/countdown_bar.py" line="62" />
        <source>Shutting down…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/countdown_bar.py" line="63" />
        <source>Running the command for the finished queue…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="108" />
        <source>Drop videos or folders here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="115" />
        <source>Each video is cut into vertical story clips with the options on the left. Folders are searched for videos.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="123" />
        <source>Add videos…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="136" />
        <source>Change folder…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="145" />
        <source>Clips are saved in {folder}, in one folder per video.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EngineText</name>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="15" />
        <source>Waiting in queue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="16" />
        <source>Starting video processing...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="17" />
        <source>Processing video files...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="18" />
        <source>Video processing completed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="19" />
        <source>Cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="20" />
        <source>Cancelled before it started.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="21" />
        <source>Interrupted: resumes at next start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="22" />
        <source>Interrupted: the app stopped while this job ran</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="23" />
        <source>ffmpeg stopped unexpectedly (it crashed or was killed).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="25" />
        <source>Sleep cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="26" />
        <source>Shutdown cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="27" />
        <source>The countdown was cancelled: a new job was queued.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="28" />
        <source>The countdown was cancelled: the action changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="29" />
        <source>Going to sleep…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="30" />
        <source>Shutting down…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../storyclip_gui/ui/engine_text.py" line="39" />
        <source>Generated %n of {total} clips</source>
        <translation>
            <numerusform>Generated %n of {total} clips</numerusform>
            <numerusform>Generated %n of {total} clips</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../storyclip_gui/ui/engine_text.py" line="42" />
        <source>Verified %n of {total} clips</source>
        <translation>
            <numerusform>Verified %n of {total} clips</numerusform>
            <numerusform>Verified %n of {total} clips</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../storyclip_gui/ui/engine_text.py" line="45" />
        <source>Stopped after %n interrupted attempts; retry it by hand.</source>
        <translation>
            <numerusform>Stopped after %n interrupted attempt; retry it by hand.</numerusform>
            <numerusform>Stopped after %n interrupted attempts; retry it by hand.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="52" />
        <source>Source</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="53" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="54" />
        <source>Created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="55" />
        <source>Clips</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="56" />
        <source>Took</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="57" />
        <source>Message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="70" />
        <source>Running time of the last attempt; time waiting in the queue is not counted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="74" />
        <source>{n} attempts; the summary's speed counts the time of all of them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="84" />
        <source>Jobs: {n}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="85" />
        <source>Clips: {n}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="91" />
        <source>Failure rate: {p}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="97" />
        <source>Mean speed: {s}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="219" />
        <source>All</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="220" />
        <source>Completed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="221" />
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="222" />
        <source>Cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="224" />
        <source>Unfinished</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="229" />
        <source>Any time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="230" />
        <source>Today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="231" />
        <source>Last 7 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="232" />
        <source>Last 30 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="282" />
        <source>Search by file name…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="290" />
        <source>Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="313" />
        <source>Re-run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="314" />
        <source>Re-run with current options</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="315" />
        <source>Export CSV…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="316" />
        <source>Export JSON…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="397" />
        <source>Export history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="414" />
        <source>Export failed: {e}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="418" />
        <source>Exported {n} jobs to {p}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Intake</name>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="21" />
        <source>is longer than 4096 characters, so it names no file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="22" />
        <source>is not a valid path (it holds a NUL character)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="23" />
        <source>has a name that is not valid UTF-8, so it cannot be handed to ffmpeg; rename the file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="24" />
        <source>is not an absolute path</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="25" />
        <source>does not exist (was it moved?)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="26" />
        <source>cannot be opened: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="27" />
        <source>is a folder, not a video file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="28" />
        <source>holds no videos</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="29" />
        <source>is not a regular file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="30" />
        <source>is hidden (hidden files are often partial copies; they are not taken)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="31" />
        <source>is not a video file ({detail})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="32" />
        <source>is empty (0 bytes)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="33" />
        <source>cannot be read (permission denied)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>JobDetail</name>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="160" />
        <location filename="../../storyclip_gui/ui/job_detail.py" line="235" />
        <source>Select a job to see its details.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="186" />
        <source>Open clip</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="188" />
        <source>Open the selected clip in the video player</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="189" />
        <source>Show in folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="206" />
        <source>Preview</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="207" />
        <source>Clips</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="221" />
        <source>Log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="222" />
        <source>ffmpeg output</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="223" />
        <source>Options</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="224" />
        <source>ffmpeg command</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="258" />
        <source>Encoder used</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="258" />
        <source>(not started yet)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="259" />
        <source>Output folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="269" />
        <source>(ffmpeg has not started yet)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="285" />
        <source>— ffmpeg's last output —</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="309" />
        <source>QC passed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="309" />
        <source>QC: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="310" />
        <source>QC failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="323" />
        <source>Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="324" />
        <source>End</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="325" />
        <source>not moved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="329" />
        <source>Checked for %1:</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="32" />
        <source>Source</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="33" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="34" />
        <source>Progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="35" />
        <source>Message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="36" />
        <source>Clips</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="37" />
        <source>Speed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="38" />
        <source>ETA</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="39" />
        <source>Elapsed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="40" />
        <source>Folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="41" />
        <source>Workers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="89" />
        <source>Queued</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="90" />
        <source>Processing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="91" />
        <source>Completed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="92" />
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="93" />
        <source>Cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="94" />
        <source>Interrupted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="132" />
        <source>Running time of this attempt; time waiting in the queue is not counted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="137" />
        <source>Attempt {n}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="517" />
        <source>Likely done in {p50}; by {p90} nine times in ten (learned from the clips this machine made)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="92" />
        <source>All jobs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="93" />
        <source>Active</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="94" />
        <source>Queued</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="95" />
        <source>Processing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="96" />
        <source>Completed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="97" />
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="98" />
        <source>Cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="102" />
        <source>Running {n}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="103" />
        <source>Queued {n}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="104" />
        <source>Done {n}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="105" />
        <source>Failed {n}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="106" />
        <source>Cancelled {n}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="107" />
        <source>Interrupted {n}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="224" />
        <source>Add videos…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="226" />
        <source>Add folder…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="230" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="233" />
        <source>Stop the selected jobs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="236" />
        <source>Retry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="238" />
        <source>Remove from list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="240" />
        <source>Move up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="242" />
        <source>Move down</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="244" />
        <source>Open output folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="247" />
        <source>Copy WebSocket URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="249" />
        <location filename="../../storyclip_gui/ui/main_window.py" line="723" />
        <source>Pause queue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="252" />
        <source>Clear finished</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="254" />
        <source>Retry all failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="257" />
        <source>Settings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="260" />
        <source>Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="265" />
        <source>Check setup…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="268" />
        <source>Run `storyclip doctor`: ffmpeg, encoders and folders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="272" />
        <source>About StoryClip Studio</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="276" />
        <location filename="../../storyclip_gui/ui/main_window.py" line="291" />
        <location filename="../../storyclip_gui/ui/main_window.py" line="460" />
        <location filename="../../storyclip_gui/ui/main_window.py" line="842" />
        <source>Queue</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../storyclip_gui/ui/main_window.py" line="563" />
        <source>%n videos queued</source>
        <translation>
            <numerusform>%n video queued</numerusform>
            <numerusform>%n videos queued</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="834" />
        <source>estimated jobs done in {band}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../storyclip_gui/ui/main_window.py" line="835" />
        <source>%n job(s) not estimated yet</source>
        <translation>
            <numerusform>%n job not estimated yet</numerusform>
            <numerusform>%n jobs not estimated yet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="838" />
        <source>all done in {band}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="841" />
        <source>Queue · {band}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="870" />
        <source>Cancelled: the computer stays on.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../storyclip_gui/ui/main_window.py" line="1048" />
        <source>%n jobs are still queued or running. They stop now and resume at the next start.</source>
        <translation>
            <numerusform>%n job is still queued or running. It stops now and resumes at the next start.</numerusform>
            <numerusform>%n jobs are still queued or running. They stop now and resume at the next start.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="359" />
        <source>Story options</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="391" />
        <source>Filter by name…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="278" />
        <location filename="../../storyclip_gui/ui/main_window.py" line="468" />
        <source>History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="280" />
        <source>Filter by name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="281" />
        <source>Folder column</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="284" />
        <source>Queue order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="286" />
        <source>List the jobs as they run: finished and running first, then the queue in its order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="478" />
        <location filename="../../storyclip_gui/ui/main_window.py" line="851" />
        <source>Server: off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="488" />
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="490" />
        <source>&amp;Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="492" />
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="494" />
        <source>&amp;Queue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="498" />
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="552" />
        <source>The story options are not valid: {e}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="560" />
        <source>Not added:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="560" />
        <source>Not added —</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="582" />
        <source>Videos</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="582" />
        <source>All files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="585" />
        <source>Add videos</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="593" />
        <source>Add folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="685" />
        <source>The output folder {p} does not exist (any more).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="693" />
        <source>Nothing on this computer opened {p}. Its folder is {d}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="713" />
        <source>Resume queue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="829" />
        <source>paused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="854" />
        <source>Server: {u} · {n} observers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="915" />
        <source>off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="916" />
        <source>The observer server now: {u}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="935" />
        <source>Saved. Applies after restart: {names}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="953" />
        <source>ffmpeg in use</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="954" />
        <source>Data folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="974" />
        <source>The watched folder {0} and the output folder overlap: the app's own clips there are not taken as new videos.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="1046" />
        <source>Quit StoryClip Studio?</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OptionLabels</name>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="15" />
        <source>Preset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="16" />
        <source>Clip length</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="17" />
        <source>Layout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="18" />
        <source>Size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="19" />
        <source>Quality</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="20" />
        <source>Start at</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="21" />
        <source>End at</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="22" />
        <source>Most clips</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="23" />
        <source>Sound</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="24" />
        <source>Fast copy (no re-encoding)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="25" />
        <source>Shortest last clip</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="26" />
        <source>File names</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="27" />
        <source>Encoder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="30" />
        <source>Crop to fill</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="31" />
        <source>Fit on blurred copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="32" />
        <source>Fit with bars</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="33" />
        <source>Low (fast)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="34" />
        <source>Medium</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="35" />
        <source>High (slow)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="37" />
        <source>This computer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="38" />
        <source>A Dask cluster</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="39" />
        <source>Automatic (hardware if it works)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="40" />
        <source>x264 (software)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="41" />
        <source>NVIDIA NVENC</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="42" />
        <source>VA-API (Intel, AMD)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="43" />
        <source>Intel Quick Sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="44" />
        <source>Apple VideoToolbox</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="46" />
        <source>Nothing (notify only)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="47" />
        <source>Run a command</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="48" />
        <source>Sleep</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="49" />
        <source>Shut down</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="66" />
        <source>Custom</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="68" />
        <source>the end of the video</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="70" />
        <source>no limit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="72" />
        <source>Yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="73" />
        <source>No</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OptionsPanel</name>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="56" />
        <source>Custom</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="65" />
        <source>Crop to fill</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="66" />
        <source>Fit on blurred copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="67" />
        <source>Fit with bars</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="68" />
        <source>Follow the subject</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="76" />
        <source>Low (fast)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="77" />
        <source>Medium</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="78" />
        <source>High (slow)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="83" />
        <source>As in Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="86" />
        <source>A hardware encoder that fails falls back to x264 for the rest of the job (the job's log says why).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="90" />
        <source>Every clip length</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="91" />
        <source>At silences and scene changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="92" />
        <source>Smart cuts move each cut up to 2 s to a pause in the sound or a change of shot; the clip list says why.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="94" />
        <source>Normalise loudness</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="95" />
        <source>Bring each clip to the platform's loudness target (two passes).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="101" />
        <source>Choose the output folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="115" />
        <source>Preset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="116" />
        <source>Clip length</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="117" />
        <source>Layout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="118" />
        <source>Size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="119" />
        <source>Quality</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="120" />
        <source>Encoder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="121" />
        <source>Cuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="123" />
        <location filename="../../storyclip_gui/ui/options_panel.py" line="234" />
        <source>Output folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="197" />
        <source>%1 takes clips of up to %2 s.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="185" />
        <source>Webhook secret</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="187" />
        <source>Copy this secret to the receiver at {url} now: it is shown only this once. The receiver checks the X-StoryClip-Signature header with it (docs/webhooks.md).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="200" />
        <source>Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="211" />
        <source>Copied</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="53" />
        <source>System</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="62" />
        <source>Output folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="63" />
        <source>Working folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="64" />
        <source>Monitoring interval (ms)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="65" />
        <source>ffmpeg program</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="66" />
        <source>Jobs at once</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="67" />
        <source>Stall timeout (s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="68" />
        <source>Default quality</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="69" />
        <source>Default encoder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="70" />
        <source>Default clip length (s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="71" />
        <source>Resume interrupted jobs at start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="72" />
        <source>Keep history (days, 0: always)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="73" />
        <source>Keep finished jobs listed (s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="74" />
        <source>Address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="75" />
        <source>Port (0: any free port)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="76" />
        <source>Allowed web origins</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="77" />
        <source>Allowed host names</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="78" />
        <source>Most WebSocket connections</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="79" />
        <source>Most queued jobs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="80" />
        <source>Render clips on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="81" />
        <source>Dask scheduler address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="82" />
        <source>Render here when the cluster is gone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="84" />
        <source>Action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="85" />
        <source>Command</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="86" />
        <source>Countdown before sleep or shutdown (s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="88" />
        <source>Stop the command after (s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="90" />
        <source>Keep the computer awake while jobs run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="91" />
        <source>Wait for webhooks at the end of a terminal run (s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="148" />
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="164" />
        <source>General</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="166" />
        <source>Webhooks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="168" />
        <source>Processing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="176" />
        <source>When the queue is done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="191" />
        <source>Checking which encoders work here…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="196" />
        <source>Run as given, without a shell. The queue's results (each job, its state, error and clips with their paths) arrive as JSON on the command's standard input.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="203" />
        <source>Sleep and shut down wait for the countdown first; a bar in the window can cancel it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="205" />
        <source>* applies after a restart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="210" />
        <source>Window</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="217" />
        <source>Keep running in the tray when the window closes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="219" />
        <source>Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="221" />
        <source>A new language applies at the next start.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="226" />
        <source>Watch folders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="230" />
        <source>A video saved into one of these folders is queued once it stops growing; each file only once.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="240" />
        <source>Add…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="240" />
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="171" />
        <source>Server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="274" />
        <source>Applies after a restart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="312" />
        <source>Automatic uses {e} here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="321" />
        <source>works here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="322" />
        <source>not usable here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="322" />
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="328" />
        <source>not in this ffmpeg</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="326" />
        <source>works</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="329" />
        <source>listed, fails: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="349" />
        <source>Keep history for {d} days: finished jobs that ended earlier are deleted from the history at every start. Their clips are kept.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="354" />
        <source>At the next start {n} jobs will be deleted, the oldest from {date}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="359" />
        <source>Delete old history?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="417" />
        <source>Choose a folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="422" />
        <source>Watch folder</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SetupCheckDialog</name>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="41" />
        <source>Check setup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="48" />
        <source>What “storyclip doctor” finds on this computer: ffmpeg, the H.264 encoder and the folders StoryClip writes to.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="59" />
        <source>Checking ffmpeg, encoders and folders…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="61" />
        <source>Copy report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="87" />
        <source>The setup check itself failed: {e}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SourcePreview</name>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="84" />
        <location filename="../../storyclip_gui/ui/preview.py" line="109" />
        <source>Select a job to preview its cuts and framing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="120" />
        <source>Reading the source…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="163" />
        <source>No preview: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="167" />
        <source>No preview: the source has no measurable video.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="185" />
        <source>No framing estimate: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="254" />
        <source>centre crop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="254" />
        <source>fit on blur</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="255" />
        <source>fit with bars</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="256" />
        <source>smart crop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="261" />
        <source> (finding the subject…)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="263" />
        <source> (estimated from these frames; the job analyses 4 per second)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="265" />
        <source> (the job's analysis)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="266" />
        <source>Cuts and framing — {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="321" />
        <source>Crop window over time (top: left edge of the source)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="342" />
        <source>Clips as written (their real framing)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../storyclip_gui/ui/tray.py" line="37" />
        <source>Show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/tray.py" line="38" />
        <source>Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/tray.py" line="57" />
        <source>A job failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/tray.py" line="63" />
        <source>{done} completed, {failed} failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/tray.py" line="67" />
        <location filename="../../storyclip_gui/ui/tray.py" line="74" />
        <source>The queue is done</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WebhookEditor</name>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="120" />
        <source>Edit webhook</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="120" />
        <source>Add webhook</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="128" />
        <source>Address (URL)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="130" />
        <source>All events (also ones added later)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="144" />
        <source>On (send deliveries)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="175" />
        <source>Not saved: {e}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WebhooksPage</name>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="48" />
        <source>Job registered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="49" />
        <source>Job completed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="50" />
        <source>Job failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="51" />
        <source>Job cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="52" />
        <source>Clip verified</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="53" />
        <source>Queue finished</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="54" />
        <source>Test event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="58" />
        <source>Enter the address that receives the events, like https://example.org/storyclip.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="60" />
        <source>The address must start with http:// or https://.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="62" />
        <source>The address has no host name, like https://example.org/storyclip.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="64" />
        <source>The address must not contain spaces.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="65" />
        <source>This is not a valid address (check the port number).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="67" />
        <source>The address is longer than 2048 characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="69" />
        <source>Choose at least one event.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="70" />
        <source>This webhook no longer exists (removed over the REST API?).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="72" />
        <source>This webhook is off: turn it on to send a test event.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="76" />
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="246" />
        <source>Pending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="77" />
        <source>Delivered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="78" />
        <source>Given up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="79" />
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="105" />
        <source>All events</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="228" />
        <source>Events are POSTed, signed, to each address below, and retried until delivered. Changes on this page are kept at once, as over the REST API: OK and Cancel below do not undo them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="234" />
        <source>Webhooks need the job history, which could not be opened: they are off in this session.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="244" />
        <source>Address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="244" />
        <source>Events</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="245" />
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="312" />
        <source>On</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="245" />
        <source>Last delivery</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="254" />
        <source>Add…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="255" />
        <source>Edit…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="256" />
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="257" />
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="343" />
        <source>Turn off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="258" />
        <source>Send test event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="259" />
        <source>New secret…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="275" />
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="355" />
        <source>Recent deliveries</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="279" />
        <source>Event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="279" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="280" />
        <source>Tries</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="280" />
        <source>Next try</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="281" />
        <source>Last error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="282" />
        <source>Created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="304" />
        <source>The webhooks cannot be read now: {e}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="313" />
        <source>Off</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="333" />
        <source>(%n given up)</source>
        <translation>
            <numerusform>(%n given up)</numerusform>
            <numerusform>(%n given up)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="342" />
        <source>Turn on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="354" />
        <source>Recent deliveries to {url}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="383" />
        <source>Added. Deliveries to {url} are signed with the secret shown now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="396" />
        <source>Saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="403" />
        <source>Delete the webhook to {url}? Its pending deliveries are dropped.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="406" />
        <source>Deleted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="411" />
        <source>Turned off: deliveries wait until it is on again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="412" />
        <source>Turned on: waiting deliveries go out now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="419" />
        <source>Test event queued: see Recent deliveries.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="424" />
        <source>Make a new secret for {url}? Deliveries are signed with it from now on: the receiver needs the new one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="429" />
        <source>New secret made.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="444" />
        <source>Not saved: {e}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="479" />
        <source>Webhooks</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WorkersPanel</name>
    <message>
        <location filename="../../storyclip_gui/ui/workers_panel.py" line="47" />
        <source>Workers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/workers_panel.py" line="54" />
        <source>Worker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/workers_panel.py" line="54" />
        <source>Rendering</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/workers_panel.py" line="54" />
        <source>Speed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/workers_panel.py" line="55" />
        <source>Done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/workers_panel.py" line="64" />
        <source>idle</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/workers_panel.py" line="76" />
        <source>Workers ({n})</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>