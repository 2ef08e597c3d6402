<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="125" />
        <source>About StoryClip Studio</source>
        <translation>Acerca de StoryClip Studio</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="139" />
        <source>Turns long videos into vertical story clips, and shows every job live.</source>
        <translation>Convierte vídeos largos en clips verticales para historias y muestra cada trabajo en directo.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="146" />
        <source>asking…</source>
        <translation>consultando…</translation>
    </message>
</context>
<context>
    <name>CountdownBar</name>
    <message>
        <location filename="../../storyclip_gui/ui/countdown_bar.py" line="31" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/countdown_bar.py" line="33" />
        <source>Stay awake: do not sleep or shut down (Esc)</source>
        <translation>Seguir encendido: no suspender ni apagar (Esc)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../storyclip_gui/ui/countdown_bar.py" line="43" />
        <source>The queue is done. Going to sleep in %n s</source>
        <translation>
            <numerusform>La cola ha terminado. Suspensión en %n s</numerusform>
            <numerusform>La cola ha terminado. Suspensión en %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../storyclip_gui/ui/countdown_bar.py" line="45" />
        <source>The queue is done. Shutting down in %n s</source>
        <translation>
            <numerusform>La cola ha terminado. Apagado en %n s</numerusform>
            <numerusform>La cola ha terminado. Apagado en %n s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/countdown_bar.py" line="60" />
        <source>Going to sleep…</source>
        <translation>Suspendiendo…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/countdown_bar.py" line="62" />
        <source>Shutting down…</source>
        <translation>Apagando…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/countdown_bar.py" line="63" />
        <source>Running the command for the finished queue…</source>
        <translation>Ejecutando el comando de la cola terminada…</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="108" />
        <source>Drop videos or folders here</source>
        <translation>Suelta aquí vídeos o carpetas</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="115" />
        <source>Each video is cut into vertical story clips with the options on the left. Folders are searched for videos.</source>
        <translation>Cada vídeo se corta en clips verticales para historias con las opciones de la izquierda. En las carpetas se buscan vídeos.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="123" />
        <source>Add videos…</source>
        <translation>Añadir vídeos…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="136" />
        <source>Change folder…</source>
        <translation>Cambiar carpeta…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="145" />
        <source>Clips are saved in {folder}, in one folder per video.</source>
        <translation>Los clips se guardan en {folder}, en una carpeta por vídeo.</translation>
    </message>
</context>
<context>
    <name>EngineText</name>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="15" />
        <source>Waiting in queue</source>
        <translation>Esperando en la cola</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="16" />
        <source>Starting video processing...</source>
        <translation>Empezando a procesar el vídeo…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="17" />
        <source>Processing video files...</source>
        <translation>Procesando los archivos de vídeo…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="18" />
        <source>Video processing completed</source>
        <translation>Procesamiento del vídeo terminado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="19" />
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="20" />
        <source>Cancelled before it started.</source>
        <translation>Cancelado antes de empezar.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="21" />
        <source>Interrupted: resumes at next start</source>
        <translation>Interrumpido: se reanuda al volver a abrir</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="22" />
        <source>Interrupted: the app stopped while this job ran</source>
        <translation>Interrumpido: la aplicación se cerró mientras este trabajo se ejecutaba</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="23" />
        <source>ffmpeg stopped unexpectedly (it crashed or was killed).</source>
        <translation>ffmpeg se detuvo de forma inesperada (falló o alguien lo terminó).</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="25" />
        <source>Sleep cancelled.</source>
        <translation>Suspensión cancelada.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="26" />
        <source>Shutdown cancelled.</source>
        <translation>Apagado cancelado.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="27" />
        <source>The countdown was cancelled: a new job was queued.</source>
        <translation>Se canceló la cuenta atrás: se añadió un trabajo nuevo.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="28" />
        <source>The countdown was cancelled: the action changed.</source>
        <translation>Se canceló la cuenta atrás: la acción cambió.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="29" />
        <source>Going to sleep…</source>
        <translation>Suspendiendo…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/engine_text.py" line="30" />
        <source>Shutting down…</source>
        <translation>Apagando…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../storyclip_gui/ui/engine_text.py" line="39" />
        <source>Generated %n of {total} clips</source>
        <translation>
            <numerusform>Generado %n de {total} clips</numerusform>
            <numerusform>Generados %n de {total} clips</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../storyclip_gui/ui/engine_text.py" line="42" />
        <source>Verified %n of {total} clips</source>
        <translation>
            <numerusform>Verificado %n de {total} clips</numerusform>
            <numerusform>Verificados %n de {total} clips</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../storyclip_gui/ui/engine_text.py" line="45" />
        <source>Stopped after %n interrupted attempts; retry it by hand.</source>
        <translation>
            <numerusform>Detenido tras %n intento interrumpido; reinténtalo a mano.</numerusform>
            <numerusform>Detenido tras %n intentos interrumpidos; reinténtalo a mano.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="52" />
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="53" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="54" />
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="55" />
        <source>Clips</source>
        <translation>Clips</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="56" />
        <source>Took</source>
        <translation>Duración</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="57" />
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="70" />
        <source>Running time of the last attempt; time waiting in the queue is not counted.</source>
        <translation>Tiempo de ejecución del último intento; no cuenta el tiempo de espera en la cola.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="74" />
        <source>{n} attempts; the summary's speed counts the time of all of them.</source>
        <translation>{n} intentos; la velocidad del resumen cuenta el tiempo de todos.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="84" />
        <source>Jobs: {n}</source>
        <translation>Trabajos: {n}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="85" />
        <source>Clips: {n}</source>
        <translation>Clips: {n}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="91" />
        <source>Failure rate: {p}</source>
        <translation>Tasa de fallos: {p}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="97" />
        <source>Mean speed: {s}</source>
        <translation>Velocidad media: {s}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="219" />
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="220" />
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="221" />
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="222" />
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="224" />
        <source>Unfinished</source>
        <translation>Sin terminar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="229" />
        <source>Any time</source>
        <translation>Cualquier fecha</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="230" />
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="231" />
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="232" />
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="282" />
        <source>Search by file name…</source>
        <translation>Buscar por nombre de archivo…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="290" />
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="313" />
        <source>Re-run</source>
        <translation>Volver a procesar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="314" />
        <source>Re-run with current options</source>
        <translation>Volver a procesar con las opciones actuales</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="315" />
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="316" />
        <source>Export JSON…</source>
        <translation>Exportar JSON…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="397" />
        <source>Export history</source>
        <translation>Exportar historial</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="414" />
        <source>Export failed: {e}</source>
        <translation>La exportación falló: {e}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="418" />
        <source>Exported {n} jobs to {p}</source>
        <translation>{n} trabajos exportados a {p}</translation>
    </message>
</context>
<context>
    <name>Intake</name>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="21" />
        <source>is longer than 4096 characters, so it names no file</source>
        <translation>tiene más de 4096 caracteres, así que no nombra ningún archivo</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="22" />
        <source>is not a valid path (it holds a NUL character)</source>
        <translation>no es una ruta válida (contiene un carácter NUL)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="23" />
        <source>has a name that is not valid UTF-8, so it cannot be handed to ffmpeg; rename the file</source>
        <translation>tiene un nombre que no es UTF-8 válido y no se puede pasar a ffmpeg; cambia su nombre</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="24" />
        <source>is not an absolute path</source>
        <translation>no es una ruta absoluta</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="25" />
        <source>does not exist (was it moved?)</source>
        <translation>no existe (¿se ha movido?)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="26" />
        <source>cannot be opened: {detail}</source>
        <translation>no se puede abrir: {detail}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="27" />
        <source>is a folder, not a video file</source>
        <translation>es una carpeta, no un archivo de vídeo</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="28" />
        <source>holds no videos</source>
        <translation>no contiene vídeos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="29" />
        <source>is not a regular file</source>
        <translation>no es un archivo normal</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="30" />
        <source>is hidden (hidden files are often partial copies; they are not taken)</source>
        <translation>está oculto (los archivos ocultos suelen ser copias a medias; no se toman)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="31" />
        <source>is not a video file ({detail})</source>
        <translation>no es un archivo de vídeo ({detail})</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="32" />
        <source>is empty (0 bytes)</source>
        <translation>está vacío (0 bytes)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="33" />
        <source>cannot be read (permission denied)</source>
        <translation>no se puede leer (permiso denegado)</translation>
    </message>
</context>
<context>
    <name>JobDetail</name>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="160" />
        <location filename="../../storyclip_gui/ui/job_detail.py" line="235" />
        <source>Select a job to see its details.</source>
        <translation>Selecciona un trabajo para ver sus detalles.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="186" />
        <source>Open clip</source>
        <translation>Abrir clip</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="188" />
        <source>Open the selected clip in the video player</source>
        <translation>Abrir el clip seleccionado en el reproductor</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="189" />
        <source>Show in folder</source>
        <translation>Mostrar en la carpeta</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="206" />
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="207" />
        <source>Clips</source>
        <translation>Clips</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="221" />
        <source>Log</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="222" />
        <source>ffmpeg output</source>
        <translation>Salida de ffmpeg</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="223" />
        <source>Options</source>
        <translation>Opciones</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="224" />
        <source>ffmpeg command</source>
        <translation>Comando de ffmpeg</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="258" />
        <source>Encoder used</source>
        <translation>Codificador usado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="258" />
        <source>(not started yet)</source>
        <translation>(aún no ha empezado)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="259" />
        <source>Output folder</source>
        <translation>Carpeta de salida</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="269" />
        <source>(ffmpeg has not started yet)</source>
        <translation>(ffmpeg aún no ha empezado)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="285" />
        <source>— ffmpeg's last output —</source>
        <translation>— última salida de ffmpeg —</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="309" />
        <source>QC passed</source>
        <translation>Control superado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="309" />
        <source>QC: %1</source>
        <translation>Control: %1</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="310" />
        <source>QC failed: %1</source>
        <translation>Control fallido: %1</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="323" />
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="324" />
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="325" />
        <source>not moved</source>
        <translation>sin mover</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="329" />
        <source>Checked for %1:</source>
        <translation>Comprobado para %1:</translation>
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="32" />
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="33" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="34" />
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="35" />
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="36" />
        <source>Clips</source>
        <translation>Clips</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="37" />
        <source>Speed</source>
        <translation>Velocidad</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="38" />
        <source>ETA</source>
        <translation>Restante</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="39" />
        <source>Elapsed</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="40" />
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="41" />
        <source>Workers</source>
        <translation>Equipos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="89" />
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="90" />
        <source>Processing</source>
        <translation>Procesando</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="91" />
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="92" />
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="93" />
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="94" />
        <source>Interrupted</source>
        <translation>Interrumpido</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="132" />
        <source>Running time of this attempt; time waiting in the queue is not counted.</source>
        <translation>Tiempo de ejecución de este intento; no cuenta el tiempo de espera en la cola.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="137" />
        <source>Attempt {n}</source>
        <translation>Intento {n}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="517" />
        <source>Likely done in {p50}; by {p90} nine times in ten (learned from the clips this machine made)</source>
        <translation>Probablemente listo en {p50}; antes de {p90} nueve de cada diez veces (aprendido de los clips que ha hecho este equipo)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="92" />
        <source>All jobs</source>
        <translation>Todos los trabajos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="93" />
        <source>Active</source>
        <translation>Activos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="94" />
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="95" />
        <source>Processing</source>
        <translation>Procesando</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="96" />
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="97" />
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="98" />
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="102" />
        <source>Running {n}</source>
        <translation>En curso {n}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="103" />
        <source>Queued {n}</source>
        <translation>En cola {n}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="104" />
        <source>Done {n}</source>
        <translation>Hechos {n}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="105" />
        <source>Failed {n}</source>
        <translation>Fallidos {n}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="106" />
        <source>Cancelled {n}</source>
        <translation>Cancelados {n}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="107" />
        <source>Interrupted {n}</source>
        <translation>Interrumpidos {n}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="224" />
        <source>Add videos…</source>
        <translation>Añadir vídeos…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="226" />
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="230" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="233" />
        <source>Stop the selected jobs</source>
        <translation>Detener los trabajos seleccionados</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="236" />
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="238" />
        <source>Remove from list</source>
        <translation>Quitar de la lista</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="240" />
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="242" />
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="244" />
        <source>Open output folder</source>
        <translation>Abrir carpeta de salida</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="247" />
        <source>Copy WebSocket URL</source>
        <translation>Copiar URL de WebSocket</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="249" />
        <location filename="../../storyclip_gui/ui/main_window.py" line="723" />
        <source>Pause queue</source>
        <translation>Pausar cola</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="252" />
        <source>Clear finished</source>
        <translation>Quitar terminados</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="254" />
        <source>Retry all failed</source>
        <translation>Reintentar todos los fallidos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="257" />
        <source>Settings…</source>
        <translation>Ajustes…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="260" />
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="265" />
        <source>Check setup…</source>
        <translation>Comprobar instalación…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="268" />
        <source>Run `storyclip doctor`: ffmpeg, encoders and folders</source>
        <translation>Ejecuta `storyclip doctor`: ffmpeg, codificadores y carpetas</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="272" />
        <source>About StoryClip Studio</source>
        <translation>Acerca de StoryClip Studio</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="276" />
        <location filename="../../storyclip_gui/ui/main_window.py" line="291" />
        <location filename="../../storyclip_gui/ui/main_window.py" line="460" />
        <location filename="../../storyclip_gui/ui/main_window.py" line="842" />
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message numerus="yes">
        <location filename="../../storyclip_gui/ui/main_window.py" line="563" />
        <source>%n videos queued</source>
        <translation>
            <numerusform>%n vídeo en cola</numerusform>
            <numerusform>%n vídeos en cola</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="834" />
        <source>estimated jobs done in {band}</source>
        <translation>los estimados, listos en {band}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../storyclip_gui/ui/main_window.py" line="835" />
        <source>%n job(s) not estimated yet</source>
        <translation>
            <numerusform>%n trabajo aún sin estimar</numerusform>
            <numerusform>%n trabajos aún sin estimar</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="838" />
        <source>all done in {band}</source>
        <translation>todo listo en {band}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="841" />
        <source>Queue · {band}</source>
        <translation>Cola · {band}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="870" />
        <source>Cancelled: the computer stays on.</source>
        <translation>Cancelado: el equipo sigue encendido.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../storyclip_gui/ui/main_window.py" line="1048" />
        <source>%n jobs are still queued or running. They stop now and resume at the next start.</source>
        <translation>
            <numerusform>%n trabajo sigue en cola o en curso. Se detiene ahora y se reanuda al volver a abrir la aplicación.</numerusform>
            <numerusform>%n trabajos siguen en cola o en curso. Se detienen ahora y se reanudan al volver a abrir la aplicación.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="359" />
        <source>Story options</source>
        <translation>Opciones de los clips</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="391" />
        <source>Filter by name…</source>
        <translation>Filtrar por nombre…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="278" />
        <location filename="../../storyclip_gui/ui/main_window.py" line="468" />
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="280" />
        <source>Filter by name</source>
        <translation>Filtrar por nombre</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="281" />
        <source>Folder column</source>
        <translation>Columna de carpeta</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="284" />
        <source>Queue order</source>
        <translation>Orden de la cola</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="286" />
        <source>List the jobs as they run: finished and running first, then the queue in its order</source>
        <translation>Lista los trabajos según se ejecutan: primero los terminados y en curso, después la cola en su orden</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="478" />
        <location filename="../../storyclip_gui/ui/main_window.py" line="851" />
        <source>Server: off</source>
        <translation>Servidor: apagado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="488" />
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="490" />
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="492" />
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="494" />
        <source>&amp;Queue</source>
        <translation>&amp;Cola</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="498" />
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="552" />
        <source>The story options are not valid: {e}</source>
        <translation>Las opciones de los clips no son válidas: {e}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="560" />
        <source>Not added:</source>
        <translation>No añadidos:</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="560" />
        <source>Not added —</source>
        <translation>No añadido —</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="582" />
        <source>Videos</source>
        <translation>Vídeos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="582" />
        <source>All files</source>
        <translation>Todos los archivos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="585" />
        <source>Add videos</source>
        <translation>Añadir vídeos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="593" />
        <source>Add folder</source>
        <translation>Añadir carpeta</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="685" />
        <source>The output folder {p} does not exist (any more).</source>
        <translation>La carpeta de salida {p} ya no existe.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="693" />
        <source>Nothing on this computer opened {p}. Its folder is {d}.</source>
        <translation>Ningún programa de este equipo abrió {p}. Su carpeta es {d}.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="713" />
        <source>Resume queue</source>
        <translation>Reanudar cola</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="829" />
        <source>paused</source>
        <translation>en pausa</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="854" />
        <source>Server: {u} · {n} observers</source>
        <translation>Servidor: {u} · {n} observadores</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="915" />
        <source>off</source>
        <translation>apagado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="916" />
        <source>The observer server now: {u}</source>
        <translation>El servidor de observadores ahora: {u}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="935" />
        <source>Saved. Applies after restart: {names}</source>
        <translation>Guardado. Se aplica al reiniciar: {names}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="953" />
        <source>ffmpeg in use</source>
        <translation>ffmpeg en uso</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="954" />
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="974" />
        <source>The watched folder {0} and the output folder overlap: the app's own clips there are not taken as new videos.</source>
        <translation>La carpeta vigilada {0} y la carpeta de salida se solapan: los clips de la propia aplicación no se toman como vídeos nuevos.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="1046" />
        <source>Quit StoryClip Studio?</source>
        <translation>¿Salir de StoryClip Studio?</translation>
    </message>
</context>
<context>
    <name>OptionLabels</name>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="15" />
        <source>Preset</source>
        <translation>Plataforma</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="16" />
        <source>Clip length</source>
        <translation>Duración del clip</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="17" />
        <source>Layout</source>
        <translation>Encuadre</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="18" />
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="19" />
        <source>Quality</source>
        <translation>Calidad</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="20" />
        <source>Start at</source>
        <translation>Empezar en</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="21" />
        <source>End at</source>
        <translation>Terminar en</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="22" />
        <source>Most clips</source>
        <translation>Máximo de clips</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="23" />
        <source>Sound</source>
        <translation>Sonido</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="24" />
        <source>Fast copy (no re-encoding)</source>
        <translation>Copia rápida (sin recodificar)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="25" />
        <source>Shortest last clip</source>
        <translation>Último clip más corto</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="26" />
        <source>File names</source>
        <translation>Nombres de archivo</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="27" />
        <source>Encoder</source>
        <translation>Codificador</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="30" />
        <source>Crop to fill</source>
        <translation>Recortar para llenar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="31" />
        <source>Fit on blurred copy</source>
        <translation>Encajar sobre copia desenfocada</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="32" />
        <source>Fit with bars</source>
        <translation>Encajar con bandas</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="33" />
        <source>Low (fast)</source>
        <translation>Baja (rápida)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="34" />
        <source>Medium</source>
        <translation>Media</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="35" />
        <source>High (slow)</source>
        <translation>Alta (lenta)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="37" />
        <source>This computer</source>
        <translation>Este ordenador</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="38" />
        <source>A Dask cluster</source>
        <translation>Un clúster de Dask</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="39" />
        <source>Automatic (hardware if it works)</source>
        <translation>Automático (por hardware si funciona)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="40" />
        <source>x264 (software)</source>
        <translation>x264 (por software)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="41" />
        <source>NVIDIA NVENC</source>
        <translation>NVIDIA NVENC</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="42" />
        <source>VA-API (Intel, AMD)</source>
        <translation>VA-API (Intel, AMD)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="43" />
        <source>Intel Quick Sync</source>
        <translation>Intel Quick Sync</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="44" />
        <source>Apple VideoToolbox</source>
        <translation>Apple VideoToolbox</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="46" />
        <source>Nothing (notify only)</source>
        <translation>Nada (solo avisar)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="47" />
        <source>Run a command</source>
        <translation>Ejecutar un comando</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="48" />
        <source>Sleep</source>
        <translation>Suspender</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="49" />
        <source>Shut down</source>
        <translation>Apagar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="66" />
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="68" />
        <source>the end of the video</source>
        <translation>el final del vídeo</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="70" />
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="72" />
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/option_labels.py" line="73" />
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>OptionsPanel</name>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="56" />
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="65" />
        <source>Crop to fill</source>
        <translation>Recortar para llenar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="66" />
        <source>Fit on blurred copy</source>
        <translation>Encajar sobre copia desenfocada</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="67" />
        <source>Fit with bars</source>
        <translation>Encajar con bandas</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="68" />
        <source>Follow the subject</source>
        <translation>Seguir al sujeto</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="76" />
        <source>Low (fast)</source>
        <translation>Baja (rápida)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="77" />
        <source>Medium</source>
        <translation>Media</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="78" />
        <source>High (slow)</source>
        <translation>Alta (lenta)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="83" />
        <source>As in Settings</source>
        <translation>Como en Ajustes</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="86" />
        <source>A hardware encoder that fails falls back to x264 for the rest of the job (the job's log says why).</source>
        <translation>Un codificador por hardware que falla se sustituye por x264 durante el resto del trabajo (el registro del trabajo dice por qué).</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="90" />
        <source>Every clip length</source>
        <translation>Cada duración de clip</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="91" />
        <source>At silences and scene changes</source>
        <translation>En silencios y cambios de plano</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="92" />
        <source>Smart cuts move each cut up to 2 s to a pause in the sound or a change of shot; the clip list says why.</source>
        <translation>Los cortes inteligentes mueven cada corte hasta 2 s a una pausa del sonido o a un cambio de plano; la lista de clips dice por qué.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="94" />
        <source>Normalise loudness</source>
        <translation>Normalizar el volumen</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="95" />
        <source>Bring each clip to the platform's loudness target (two passes).</source>
        <translation>Lleva cada clip al volumen objetivo de la plataforma (dos pasadas).</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="101" />
        <source>Choose the output folder</source>
        <translation>Elegir la carpeta de salida</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="115" />
        <source>Preset</source>
        <translation>Plataforma</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="116" />
        <source>Clip length</source>
        <translation>Duración del clip</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="117" />
        <source>Layout</source>
        <translation>Encuadre</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="118" />
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="119" />
        <source>Quality</source>
        <translation>Calidad</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="120" />
        <source>Encoder</source>
        <translation>Codificador</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="121" />
        <source>Cuts</source>
        <translation>Cortes</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="123" />
        <location filename="../../storyclip_gui/ui/options_panel.py" line="234" />
        <source>Output folder</source>
        <translation>Carpeta de salida</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="197" />
        <source>%1 takes clips of up to %2 s.</source>
        <translation>%1 admite clips de hasta %2 s.</translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="185" />
        <source>Webhook secret</source>
        <translation>Secreto del webhook</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="187" />
        <source>Copy this secret to the receiver at {url} now: it is shown only this once. The receiver checks the X-StoryClip-Signature header with it (docs/webhooks.md).</source>
        <translation>Copia ahora este secreto en el receptor de {url}: solo se muestra esta vez. El receptor comprueba con él la cabecera X-StoryClip-Signature (docs/webhooks.md).</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="200" />
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="211" />
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="53" />
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="62" />
        <source>Output folder</source>
        <translation>Carpeta de salida</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="63" />
        <source>Working folder</source>
        <translation>Carpeta de trabajo</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="64" />
        <source>Monitoring interval (ms)</source>
        <translation>Intervalo de seguimiento (ms)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="65" />
        <source>ffmpeg program</source>
        <translation>Programa ffmpeg</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="66" />
        <source>Jobs at once</source>
        <translation>Trabajos a la vez</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="67" />
        <source>Stall timeout (s)</source>
        <translation>Tiempo máximo sin progreso (s)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="68" />
        <source>Default quality</source>
        <translation>Calidad predeterminada</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="69" />
        <source>Default encoder</source>
        <translation>Codificador predeterminado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="70" />
        <source>Default clip length (s)</source>
        <translation>Duración de clip predeterminada (s)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="71" />
        <source>Resume interrupted jobs at start</source>
        <translation>Reanudar trabajos interrumpidos al iniciar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="72" />
        <source>Keep history (days, 0: always)</source>
        <translation>Conservar historial (días, 0: siempre)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="73" />
        <source>Keep finished jobs listed (s)</source>
        <translation>Mantener en la lista los trabajos terminados (s)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="74" />
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="75" />
        <source>Port (0: any free port)</source>
        <translation>Puerto (0: cualquiera libre)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="76" />
        <source>Allowed web origins</source>
        <translation>Orígenes web permitidos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="77" />
        <source>Allowed host names</source>
        <translation>Nombres de host permitidos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="78" />
        <source>Most WebSocket connections</source>
        <translation>Máximo de conexiones WebSocket</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="79" />
        <source>Most queued jobs</source>
        <translation>Máximo de trabajos en cola</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="80" />
        <source>Render clips on</source>
        <translation>Renderizar los clips en</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="81" />
        <source>Dask scheduler address</source>
        <translation>Dirección del planificador de Dask</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="82" />
        <source>Render here when the cluster is gone</source>
        <translation>Renderizar aquí si el clúster no responde</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="84" />
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="85" />
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="86" />
        <source>Countdown before sleep or shutdown (s)</source>
        <translation>Cuenta atrás antes de suspender o apagar (s)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="88" />
        <source>Stop the command after (s)</source>
        <translation>Detener el comando tras (s)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="90" />
        <source>Keep the computer awake while jobs run</source>
        <translation>Mantener el equipo despierto mientras hay trabajos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="91" />
        <source>Wait for webhooks at the end of a terminal run (s)</source>
        <translation>Esperar a los webhooks al final de una ejecución en terminal (s)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="148" />
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="164" />
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="166" />
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="168" />
        <source>Processing</source>
        <translation>Procesamiento</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="176" />
        <source>When the queue is done</source>
        <translation>Cuando termine la cola</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="191" />
        <source>Checking which encoders work here…</source>
        <translation>Comprobando qué codificadores funcionan aquí…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="196" />
        <source>Run as given, without a shell. The queue's results (each job, its state, error and clips with their paths) arrive as JSON on the command's standard input.</source>
        <translation>Se ejecuta tal cual, sin shell. Los resultados de la cola (cada trabajo, su estado, error y clips con sus rutas) llegan como JSON por la entrada estándar del comando.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="203" />
        <source>Sleep and shut down wait for the countdown first; a bar in the window can cancel it.</source>
        <translation>Suspender y apagar esperan primero la cuenta atrás; una barra en la ventana puede cancelarla.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="205" />
        <source>* applies after a restart</source>
        <translation>* se aplica al reiniciar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="210" />
        <source>Window</source>
        <translation>Ventana</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="217" />
        <source>Keep running in the tray when the window closes</source>
        <translation>Seguir en la bandeja del sistema al cerrar la ventana</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="219" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="221" />
        <source>A new language applies at the next start.</source>
        <translation>El nuevo idioma se aplica al volver a abrir.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="226" />
        <source>Watch folders</source>
        <translation>Carpetas vigiladas</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="230" />
        <source>A video saved into one of these folders is queued once it stops growing; each file only once.</source>
        <translation>Un vídeo guardado en una de estas carpetas se pone en cola cuando deja de crecer; cada archivo solo una vez.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="240" />
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="240" />
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="171" />
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="274" />
        <source>Applies after a restart</source>
        <translation>Se aplica al reiniciar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="312" />
        <source>Automatic uses {e} here.</source>
        <translation>Automático usa aquí {e}.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="321" />
        <source>works here</source>
        <translation>funciona aquí</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="322" />
        <source>not usable here</source>
        <translation>no se puede usar aquí</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="322" />
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="328" />
        <source>not in this ffmpeg</source>
        <translation>no está en este ffmpeg</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="326" />
        <source>works</source>
        <translation>funciona</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="329" />
        <source>listed, fails: {reason}</source>
        <translation>aparece, pero falla: {reason}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="349" />
        <source>Keep history for {d} days: finished jobs that ended earlier are deleted from the history at every start. Their clips are kept.</source>
        <translation>Conservar el historial {d} días: los trabajos terminados antes se borran del historial en cada inicio. Sus clips se conservan.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="354" />
        <source>At the next start {n} jobs will be deleted, the oldest from {date}.</source>
        <translation>En el próximo inicio se borrarán {n} trabajos; el más antiguo es del {date}.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="359" />
        <source>Delete old history?</source>
        <translation>¿Borrar el historial antiguo?</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="417" />
        <source>Choose a folder</source>
        <translation>Elegir una carpeta</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="422" />
        <source>Watch folder</source>
        <translation>Carpeta vigilada</translation>
    </message>
</context>
<context>
    <name>SetupCheckDialog</name>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="41" />
        <source>Check setup</source>
        <translation>Comprobar instalación</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="48" />
        <source>What “storyclip doctor” finds on this computer: ffmpeg, the H.264 encoder and the folders StoryClip writes to.</source>
        <translation>Lo que «storyclip doctor» encuentra en este equipo: ffmpeg, el codificador H.264 y las carpetas donde escribe StoryClip.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="59" />
        <source>Checking ffmpeg, encoders and folders…</source>
        <translation>Comprobando ffmpeg, codificadores y carpetas…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="61" />
        <source>Copy report</source>
        <translation>Copiar informe</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="87" />
        <source>The setup check itself failed: {e}</source>
        <translation>La comprobación de la instalación falló: {e}</translation>
    </message>
</context>
<context>
    <name>SourcePreview</name>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="84" />
        <location filename="../../storyclip_gui/ui/preview.py" line="109" />
        <source>Select a job to preview its cuts and framing.</source>
        <translation>Selecciona un trabajo para ver sus cortes y su encuadre.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="120" />
        <source>Reading the source…</source>
        <translation>Leyendo el origen…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="163" />
        <source>No preview: {0}</source>
        <translation>Sin vista previa: {0}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="167" />
        <source>No preview: the source has no measurable video.</source>
        <translation>Sin vista previa: el origen no tiene vídeo medible.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="185" />
        <source>No framing estimate: {0}</source>
        <translation>Sin estimación de encuadre: {0}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="254" />
        <source>centre crop</source>
        <translation>recorte centrado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="254" />
        <source>fit on blur</source>
        <translation>encajado sobre desenfoque</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="255" />
        <source>fit with bars</source>
        <translation>encajado con bandas</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="256" />
        <source>smart crop</source>
        <translation>recorte inteligente</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="261" />
        <source> (finding the subject…)</source>
        <translation> (buscando al sujeto…)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="263" />
        <source> (estimated from these frames; the job analyses 4 per second)</source>
        <translation> (estimado con estos fotogramas; el trabajo analiza 4 por segundo)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="265" />
        <source> (the job's analysis)</source>
        <translation> (el análisis del trabajo)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="266" />
        <source>Cuts and framing — {0}</source>
        <translation>Cortes y encuadre — {0}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="321" />
        <source>Crop window over time (top: left edge of the source)</source>
        <translation>Ventana de recorte en el tiempo (arriba: borde izquierdo del origen)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/preview.py" line="342" />
        <source>Clips as written (their real framing)</source>
        <translation>Clips tal como se escribieron (su encuadre real)</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../storyclip_gui/ui/tray.py" line="37" />
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/tray.py" line="38" />
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/tray.py" line="57" />
        <source>A job failed</source>
        <translation>Un trabajo ha fallado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/tray.py" line="63" />
        <source>{done} completed, {failed} failed</source>
        <translation>{done} completados, {failed} fallidos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/tray.py" line="67" />
        <location filename="../../storyclip_gui/ui/tray.py" line="74" />
        <source>The queue is done</source>
        <translation>La cola ha terminado</translation>
    </message>
</context>
<context>
    <name>WebhookEditor</name>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="120" />
        <source>Edit webhook</source>
        <translation>Editar webhook</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="120" />
        <source>Add webhook</source>
        <translation>Añadir webhook</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="128" />
        <source>Address (URL)</source>
        <translation>Dirección (URL)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="130" />
        <source>All events (also ones added later)</source>
        <translation>Todos los eventos (también los que se añadan)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="144" />
        <source>On (send deliveries)</source>
        <translation>Activo (enviar entregas)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="175" />
        <source>Not saved: {e}</source>
        <translation>No se ha guardado: {e}</translation>
    </message>
</context>
<context>
    <name>WebhooksPage</name>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="48" />
        <source>Job registered</source>
        <translation>Trabajo registrado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="49" />
        <source>Job completed</source>
        <translation>Trabajo completado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="50" />
        <source>Job failed</source>
        <translation>Trabajo fallido</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="51" />
        <source>Job cancelled</source>
        <translation>Trabajo cancelado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="52" />
        <source>Clip verified</source>
        <translation>Clip verificado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="53" />
        <source>Queue finished</source>
        <translation>Cola terminada</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="54" />
        <source>Test event</source>
        <translation>Evento de prueba</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="58" />
        <source>Enter the address that receives the events, like https://example.org/storyclip.</source>
        <translation>Escribe la dirección que recibe los eventos, como https://example.org/storyclip.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="60" />
        <source>The address must start with http:// or https://.</source>
        <translation>La dirección debe empezar por http:// o https://.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="62" />
        <source>The address has no host name, like https://example.org/storyclip.</source>
        <translation>La dirección no tiene nombre de host, como https://example.org/storyclip.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="64" />
        <source>The address must not contain spaces.</source>
        <translation>La dirección no puede contener espacios.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="65" />
        <source>This is not a valid address (check the port number).</source>
        <translation>No es una dirección válida (revisa el número de puerto).</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="67" />
        <source>The address is longer than 2048 characters.</source>
        <translation>La dirección tiene más de 2048 caracteres.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="69" />
        <source>Choose at least one event.</source>
        <translation>Elige al menos un evento.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="70" />
        <source>This webhook no longer exists (removed over the REST API?).</source>
        <translation>Este webhook ya no existe (¿eliminado por la API REST?).</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="72" />
        <source>This webhook is off: turn it on to send a test event.</source>
        <translation>Este webhook está inactivo: actívalo para enviar un evento de prueba.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="76" />
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="246" />
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="77" />
        <source>Delivered</source>
        <translation>Entregada</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="78" />
        <source>Given up</source>
        <translation>Abandonada</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="79" />
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="105" />
        <source>All events</source>
        <translation>Todos los eventos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="228" />
        <source>Events are POSTed, signed, to each address below, and retried until delivered. Changes on this page are kept at once, as over the REST API: OK and Cancel below do not undo them.</source>
        <translation>Los eventos se envían por POST, firmados, a cada dirección de abajo, y se reintentan hasta entregarlos. Los cambios de esta página se guardan al momento, como por la API REST: Aceptar y Cancelar no los deshacen.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="234" />
        <source>Webhooks need the job history, which could not be opened: they are off in this session.</source>
        <translation>Los webhooks necesitan el historial de trabajos, que no se pudo abrir: están desactivados en esta sesión.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="244" />
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="244" />
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="245" />
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="312" />
        <source>On</source>
        <translation>Activo</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="245" />
        <source>Last delivery</source>
        <translation>Última entrega</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="254" />
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="255" />
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="256" />
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="257" />
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="343" />
        <source>Turn off</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="258" />
        <source>Send test event</source>
        <translation>Enviar evento de prueba</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="259" />
        <source>New secret…</source>
        <translation>Secreto nuevo…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="275" />
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="355" />
        <source>Recent deliveries</source>
        <translation>Entregas recientes</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="279" />
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="279" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="280" />
        <source>Tries</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="280" />
        <source>Next try</source>
        <translation>Próximo intento</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="281" />
        <source>Last error</source>
        <translation>Último error</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="282" />
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="304" />
        <source>The webhooks cannot be read now: {e}</source>
        <translation>Ahora no se pueden leer los webhooks: {e}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="313" />
        <source>Off</source>
        <translation>Inactivo</translation>
    </message>
    <message numerus="yes">
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="333" />
        <source>(%n given up)</source>
        <translation>
            <numerusform>(%n abandonada)</numerusform>
            <numerusform>(%n abandonadas)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="342" />
        <source>Turn on</source>
        <translation>Activar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="354" />
        <source>Recent deliveries to {url}</source>
        <translation>Entregas recientes a {url}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="383" />
        <source>Added. Deliveries to {url} are signed with the secret shown now.</source>
        <translation>Añadido. Las entregas a {url} se firman con el secreto que se muestra ahora.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="396" />
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="403" />
        <source>Delete the webhook to {url}? Its pending deliveries are dropped.</source>
        <translation>¿Eliminar el webhook a {url}? Sus entregas pendientes se descartan.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="406" />
        <source>Deleted.</source>
        <translation>Eliminado.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="411" />
        <source>Turned off: deliveries wait until it is on again.</source>
        <translation>Desactivado: las entregas esperan hasta que se active de nuevo.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="412" />
        <source>Turned on: waiting deliveries go out now.</source>
        <translation>Activado: las entregas en espera salen ahora.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="419" />
        <source>Test event queued: see Recent deliveries.</source>
        <translation>Evento de prueba en cola: míralo en Entregas recientes.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="424" />
        <source>Make a new secret for {url}? Deliveries are signed with it from now on: the receiver needs the new one.</source>
        <translation>¿Crear un secreto nuevo para {url}? Las entregas se firman con él desde ahora: el receptor necesita el nuevo.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="429" />
        <source>New secret made.</source>
        <translation>Secreto nuevo creado.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="444" />
        <source>Not saved: {e}</source>
        <translation>No se ha guardado: {e}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/webhooks_page.py" line="479" />
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
</context>
<context>
    <name>WorkersPanel</name>
    <message>
        <location filename="../../storyclip_gui/ui/workers_panel.py" line="47" />
        <source>Workers</source>
        <translation>Equipos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/workers_panel.py" line="54" />
        <source>Worker</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/workers_panel.py" line="54" />
        <source>Rendering</source>
        <translation>Generando</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/workers_panel.py" line="54" />
        <source>Speed</source>
        <translation>Velocidad</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/workers_panel.py" line="55" />
        <source>Done</source>
        <translation>Hechos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/workers_panel.py" line="64" />
        <source>idle</source>
        <translation>libre</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/workers_panel.py" line="76" />
        <source>Workers ({n})</source>
        <translation>Equipos ({n})</translation>
    </message>
</context>
</TS>