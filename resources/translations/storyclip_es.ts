<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="122" />
        <source>About StoryClip Studio</source>
        <translation>Acerca de StoryClip Studio</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="136" />
        <source>Turns long videos into vertical story clips, and shows every job live.</source>
        <translation>Convierte vídeos largos en clips verticales para historias y muestra cada trabajo en directo.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="143" />
        <source>asking…</source>
        <translation>consultando…</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="40" />
        <source>no videos found in this folder</source>
        <translation>no hay vídeos en esta carpeta</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="47" />
        <source>the file does not exist</source>
        <translation>el archivo no existe</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="51" />
        <source>hidden files are not accepted</source>
        <translation>no se aceptan archivos ocultos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="54" />
        <source>no extension</source>
        <translation>sin extensión</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="58" />
        <source>not a video file ({kind})</source>
        <translation>no es un archivo de vídeo ({kind})</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="133" />
        <source>Drop videos or folders here</source>
        <translation>Suelta aquí vídeos o carpetas</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="140" />
        <source>Each video is cut into vertical story clips with the options on the left. Folders are searched for videos.</source>
        <translation>Cada vídeo se corta en clips verticales para historias con las opciones de la izquierda. En las carpetas se buscan vídeos.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="148" />
        <source>Add videos…</source>
        <translation>Añadir vídeos…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="161" />
        <source>Change folder…</source>
        <translation>Cambiar carpeta…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/drop_zone.py" line="170" />
        <source>Clips are saved in {folder}, in one folder per video.</source>
        <translation>Los clips se guardan en {folder}, en una carpeta por vídeo.</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="50" />
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="51" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="52" />
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="53" />
        <source>Clips</source>
        <translation>Clips</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="54" />
        <source>Took</source>
        <translation>Duración</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="55" />
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="88" />
        <source>Jobs: {n}</source>
        <translation>Trabajos: {n}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="89" />
        <source>Clips: {n}</source>
        <translation>Clips: {n}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="95" />
        <source>Failure rate: {p}</source>
        <translation>Tasa de fallos: {p}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="101" />
        <source>Mean speed: {s}</source>
        <translation>Velocidad media: {s}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="230" />
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="231" />
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="232" />
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="233" />
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="235" />
        <source>Unfinished</source>
        <translation>Sin terminar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="240" />
        <source>Any time</source>
        <translation>Cualquier fecha</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="241" />
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="242" />
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="243" />
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="305" />
        <source>Search by file name…</source>
        <translation>Buscar por nombre de archivo…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="313" />
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="336" />
        <source>Re-run</source>
        <translation>Volver a procesar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="337" />
        <source>Re-run with current options</source>
        <translation>Volver a procesar con las opciones actuales</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="338" />
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="339" />
        <source>Export JSON…</source>
        <translation>Exportar JSON…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="419" />
        <source>Export history</source>
        <translation>Exportar historial</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="436" />
        <source>Export failed: {e}</source>
        <translation>La exportación falló: {e}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/history_view.py" line="440" />
        <source>Exported {n} jobs to {p}</source>
        <translation>{n} trabajos exportados a {p}</translation>
    </message>
</context>
<context>
    <name>JobDetail</name>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="144" />
        <location filename="../../storyclip_gui/ui/job_detail.py" line="204" />
        <source>Select a job to see its details.</source>
        <translation>Selecciona un trabajo para ver sus detalles.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="169" />
        <source>Open clip</source>
        <translation>Abrir clip</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="170" />
        <source>Show in folder</source>
        <translation>Mostrar en la carpeta</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="177" />
        <source>Clips</source>
        <translation>Clips</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="190" />
        <source>Log</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="191" />
        <source>ffmpeg output</source>
        <translation>Salida de ffmpeg</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="192" />
        <source>Options</source>
        <translation>Opciones</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="193" />
        <source>ffmpeg command</source>
        <translation>Comando de ffmpeg</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="224" />
        <source>Output folder</source>
        <translation>Carpeta de salida</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="235" />
        <source>(ffmpeg has not started yet)</source>
        <translation>(ffmpeg aún no ha empezado)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_detail.py" line="249" />
        <source>— ffmpeg's last output —</source>
        <translation>— última salida de ffmpeg —</translation>
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="79" />
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="80" />
        <source>Processing</source>
        <translation>Procesando</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="81" />
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="82" />
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="83" />
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/job_table_model.py" line="84" />
        <source>Interrupted</source>
        <translation>Interrumpido</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="72" />
        <source>All jobs</source>
        <translation>Todos los trabajos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="73" />
        <source>Active</source>
        <translation>Activos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="74" />
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="75" />
        <source>Processing</source>
        <translation>Procesando</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="76" />
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="77" />
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="78" />
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="82" />
        <source>Running {n}</source>
        <translation>En curso {n}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="83" />
        <source>Queued {n}</source>
        <translation>En cola {n}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="84" />
        <source>Done {n}</source>
        <translation>Hechos {n}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="85" />
        <source>Failed {n}</source>
        <translation>Fallidos {n}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="86" />
        <source>Cancelled {n}</source>
        <translation>Cancelados {n}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="87" />
        <source>Interrupted {n}</source>
        <translation>Interrumpidos {n}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="195" />
        <source>Add videos…</source>
        <translation>Añadir vídeos…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="197" />
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="201" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="204" />
        <source>Stop the selected jobs</source>
        <translation>Detener los trabajos seleccionados</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="206" />
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="208" />
        <source>Remove from list</source>
        <translation>Quitar de la lista</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="211" />
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="214" />
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="217" />
        <source>Open output folder</source>
        <translation>Abrir carpeta de salida</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="219" />
        <source>Copy WebSocket URL</source>
        <translation>Copiar URL de WebSocket</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="220" />
        <location filename="../../storyclip_gui/ui/main_window.py" line="589" />
        <source>Pause queue</source>
        <translation>Pausar cola</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="222" />
        <source>Clear finished</source>
        <translation>Quitar terminados</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="224" />
        <source>Retry all failed</source>
        <translation>Reintentar todos los fallidos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="226" />
        <source>Settings…</source>
        <translation>Ajustes…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="227" />
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="230" />
        <source>Check setup…</source>
        <translation>Comprobar instalación…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="232" />
        <source>Run `storyclip doctor`: ffmpeg, encoders and folders</source>
        <translation>Ejecuta `storyclip doctor`: ffmpeg, codificadores y carpetas</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="235" />
        <source>About StoryClip Studio</source>
        <translation>Acerca de StoryClip Studio</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="238" />
        <location filename="../../storyclip_gui/ui/main_window.py" line="393" />
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="263" />
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="311" />
        <source>Story options</source>
        <translation>Opciones de los clips</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="343" />
        <source>Filter by name…</source>
        <translation>Filtrar por nombre…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="400" />
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="410" />
        <location filename="../../storyclip_gui/ui/main_window.py" line="703" />
        <source>Server: off</source>
        <translation>Servidor: apagado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="427" />
        <source>The story options are not valid: {e}</source>
        <translation>Las opciones de los clips no son válidas: {e}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="443" />
        <source>Not added:</source>
        <translation>No añadidos:</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="443" />
        <source>Not added —</source>
        <translation>No añadido —</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="447" />
        <source>{n} videos queued</source>
        <translation>{n} vídeos en cola</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="467" />
        <source>Videos</source>
        <translation>Vídeos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="467" />
        <source>All files</source>
        <translation>Todos los archivos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="470" />
        <source>Add videos</source>
        <translation>Añadir vídeos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="478" />
        <source>Add folder</source>
        <translation>Añadir carpeta</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="579" />
        <source>Resume queue</source>
        <translation>Reanudar cola</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="693" />
        <source>paused</source>
        <translation>en pausa</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="706" />
        <source>Server: {u} · {n} observers</source>
        <translation>Servidor: {u} · {n} observadores</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="737" />
        <source>off</source>
        <translation>apagado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="738" />
        <source>The observer server now: {u}</source>
        <translation>El servidor de observadores ahora: {u}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="757" />
        <source>Saved. Applies after restart: {names}</source>
        <translation>Guardado. Se aplica al reiniciar: {names}</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="775" />
        <source>ffmpeg in use</source>
        <translation>ffmpeg en uso</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="776" />
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="796" />
        <source>The watched folder {0} and the output folder overlap: the app's own clips there are not taken as new videos.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="863" />
        <source>Quit StoryClip Studio?</source>
        <translation>¿Salir de StoryClip Studio?</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/main_window.py" line="865" />
        <source>{n} jobs are still queued or running. They stop now and resume at the next start.</source>
        <translation>{n} trabajos siguen en cola o en curso. Se detienen ahora y se reanudan al volver a abrir la aplicación.</translation>
    </message>
</context>
<context>
    <name>OptionsPanel</name>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="48" />
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="57" />
        <source>Crop to fill</source>
        <translation>Recortar para llenar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="58" />
        <source>Fit on blurred copy</source>
        <translation>Encajar sobre copia desenfocada</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="59" />
        <source>Fit with bars</source>
        <translation>Encajar con bandas</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="67" />
        <source>Low (fast)</source>
        <translation>Baja (rápida)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="68" />
        <source>Medium</source>
        <translation>Media</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="69" />
        <source>High (slow)</source>
        <translation>Alta (lenta)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="76" />
        <source>Choose the output folder</source>
        <translation>Elegir la carpeta de salida</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="82" />
        <source>Preset</source>
        <translation>Plataforma</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="83" />
        <source>Clip length</source>
        <translation>Duración del clip</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="84" />
        <source>Layout</source>
        <translation>Encuadre</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="85" />
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="86" />
        <source>Quality</source>
        <translation>Calidad</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/options_panel.py" line="87" />
        <location filename="../../storyclip_gui/ui/options_panel.py" line="155" />
        <source>Output folder</source>
        <translation>Carpeta de salida</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="37" />
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="43" />
        <source>Output folder</source>
        <translation>Carpeta de salida</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="44" />
        <source>Working folder</source>
        <translation>Carpeta de trabajo</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="45" />
        <source>Monitoring interval (ms)</source>
        <translation>Intervalo de seguimiento (ms)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="46" />
        <source>ffmpeg program</source>
        <translation>Programa ffmpeg</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="47" />
        <source>Jobs at once</source>
        <translation>Trabajos a la vez</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="48" />
        <source>Stall timeout (s)</source>
        <translation>Tiempo máximo sin progreso (s)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="49" />
        <source>Default quality</source>
        <translation>Calidad predeterminada</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="50" />
        <source>Default clip length (s)</source>
        <translation>Duración de clip predeterminada (s)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="51" />
        <source>Resume interrupted jobs at start</source>
        <translation>Reanudar trabajos interrumpidos al iniciar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="52" />
        <source>Keep history (days, 0: always)</source>
        <translation>Conservar historial (días, 0: siempre)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="53" />
        <source>Keep finished jobs listed (s)</source>
        <translation>Mantener en la lista los trabajos terminados (s)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="54" />
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="55" />
        <source>Port (0: any free port)</source>
        <translation>Puerto (0: cualquiera libre)</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="56" />
        <source>Allowed web origins</source>
        <translation>Orígenes web permitidos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="57" />
        <source>Allowed host names</source>
        <translation>Nombres de host permitidos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="58" />
        <source>Most WebSocket connections</source>
        <translation>Máximo de conexiones WebSocket</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="59" />
        <source>Most queued jobs</source>
        <translation>Máximo de trabajos en cola</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="107" />
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="121" />
        <source>Processing</source>
        <translation>Procesamiento</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="134" />
        <source>* applies after a restart</source>
        <translation>* se aplica al reiniciar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="138" />
        <source>Window</source>
        <translation>Ventana</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="144" />
        <source>Keep running in the tray when the window closes</source>
        <translation>Seguir en la bandeja del sistema al cerrar la ventana</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="146" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="148" />
        <source>A new language applies at the next start.</source>
        <translation>El nuevo idioma se aplica al volver a abrir.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="151" />
        <source>Watch folders</source>
        <translation>Carpetas vigiladas</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="156" />
        <source>A video saved into one of these folders is queued once it stops growing; each file only once.</source>
        <translation>Un vídeo guardado en una de estas carpetas se pone en cola cuando deja de crecer; cada archivo solo una vez.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="165" />
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="165" />
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="123" />
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="198" />
        <source>Applies after a restart</source>
        <translation>Se aplica al reiniciar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="240" />
        <source>Keep history for {d} days: finished jobs that ended earlier are deleted from the history at every start. Their clips are kept.</source>
        <translation>Conservar el historial {d} días: los trabajos terminados antes se borran del historial en cada inicio. Sus clips se conservan.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="245" />
        <source>At the next start {n} jobs will be deleted, the oldest from {date}.</source>
        <translation>En el próximo inicio se borrarán {n} trabajos; el más antiguo es del {date}.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="250" />
        <source>Delete old history?</source>
        <translation>¿Borrar el historial antiguo?</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="306" />
        <source>Choose a folder</source>
        <translation>Elegir una carpeta</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/settings_dialog.py" line="311" />
        <source>Watch folder</source>
        <translation>Carpeta vigilada</translation>
    </message>
</context>
<context>
    <name>SetupCheckDialog</name>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="40" />
        <source>Check setup</source>
        <translation>Comprobar instalación</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="47" />
        <source>What “storyclip doctor” finds on this computer: ffmpeg, the H.264 encoder and the folders StoryClip writes to.</source>
        <translation>Lo que «storyclip doctor» encuentra en este equipo: ffmpeg, el codificador H.264 y las carpetas donde escribe StoryClip.</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="57" />
        <source>Checking ffmpeg, encoders and folders…</source>
        <translation>Comprobando ffmpeg, codificadores y carpetas…</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="59" />
        <source>Copy report</source>
        <translation>Copiar informe</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/help_dialogs.py" line="84" />
        <source>The setup check itself failed: {e}</source>
        <translation>La comprobación de la instalación falló: {e}</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../storyclip_gui/ui/tray.py" line="36" />
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/tray.py" line="37" />
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/tray.py" line="56" />
        <source>A job failed</source>
        <translation>Un trabajo ha fallado</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/tray.py" line="62" />
        <source>{done} completed, {failed} failed</source>
        <translation>{done} completados, {failed} fallidos</translation>
    </message>
    <message>
        <location filename="../../storyclip_gui/ui/tray.py" line="66" />
        <source>The queue is done</source>
        <translation>La cola ha terminado</translation>
    </message>
</context>
</TS>