"""Fill storyclip_es.ts (and storyclip_en.ts's plural forms) from the tables below: run after
pyside6-lupdate, then pyside6-lrelease."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

# fmt: off
SPANISH = {
    "QC passed": "Control superado",
    "QC: %1": "Control: %1",
    "QC failed: %1": "Control fallido: %1",
    "Start": "Inicio",
    "End": "Fin",
    "not moved": "sin mover",
    "Checked for %1:": "Comprobado para %1:",
    "Workers": "Equipos",
    "Every clip length": "Cada duración de clip",
    "At silences and scene changes": "En silencios y cambios de plano",
    "Smart cuts move each cut up to 2 s to a pause in the sound or a change of shot; "
    "the clip list says why.":
        "Los cortes inteligentes mueven cada corte hasta 2 s a una pausa del sonido o a un "
        "cambio de plano; la lista de clips dice por qué.",
    "Normalise loudness": "Normalizar el volumen",
    "Bring each clip to the platform's loudness target (two passes).":
        "Lleva cada clip al volumen objetivo de la plataforma (dos pasadas).",
    "Cuts": "Cortes",
    "%1 takes clips of up to %2 s.": "%1 admite clips de hasta %2 s.",
    "Worker": "Equipo",
    "Rendering": "Generando",
    "Done": "Hechos",
    "idle": "libre",
    "Workers ({n})": "Equipos ({n})",
    "all done in {band}": "todo listo en {band}",
    "Queue · {band}": "Cola · {band}",
    "estimated jobs done in {band}": "los estimados, listos en {band}",
    "%n job(s) not estimated yet": ("%n trabajo aún sin estimar", "%n trabajos aún sin estimar"),
    "Render clips on": "Renderizar los clips en",
    "Dask scheduler address": "Dirección del planificador de Dask",
    "Render here when the cluster is gone": "Renderizar aquí si el clúster no responde",
    "This computer": "Este ordenador",
    "A Dask cluster": "Un clúster de Dask",
    "Likely done in {p50}; by {p90} nine times in ten (learned from the clips this machine made)":
        "Probablemente listo en {p50}; antes de {p90} nueve de cada diez veces (aprendido de "
        "los clips que ha hecho este equipo)",
    "is longer than 4096 characters, so it names no file":
        "tiene más de 4096 caracteres, así que no nombra ningún archivo",
    "is not a valid path (it holds a NUL character)":
        "no es una ruta válida (contiene un carácter NUL)",
    "has a name that is not valid UTF-8, so it cannot be handed to ffmpeg; rename the file":
        "tiene un nombre que no es UTF-8 válido y no se puede pasar a ffmpeg; cambia su nombre",
    "is not an absolute path": "no es una ruta absoluta",
    "does not exist (was it moved?)": "no existe (¿se ha movido?)",
    "cannot be opened: {detail}": "no se puede abrir: {detail}",
    "is a folder, not a video file": "es una carpeta, no un archivo de vídeo",
    "holds no videos": "no contiene vídeos",
    "is not a regular file": "no es un archivo normal",
    "is hidden (hidden files are often partial copies; they are not taken)":
        "está oculto (los archivos ocultos suelen ser copias a medias; no se toman)",
    "is not a video file ({detail})": "no es un archivo de vídeo ({detail})",
    "is empty (0 bytes)": "está vacío (0 bytes)",
    "cannot be read (permission denied)": "no se puede leer (permiso denegado)",
    "Drop videos or folders here": "Suelta aquí vídeos o carpetas",
    "Each video is cut into vertical story clips with the options on the left. Folders are "
    "searched for videos.": "Cada vídeo se corta en clips verticales para historias con las "
    "opciones de la izquierda. En las carpetas se buscan vídeos.",
    "Add videos…": "Añadir vídeos…",
    "Source": "Origen",
    "Status": "Estado",
    "Created": "Creado",
    "Clips": "Clips",
    "Took": "Duración",
    "Message": "Mensaje",
    "Jobs: {n}": "Trabajos: {n}",
    "Clips: {n}": "Clips: {n}",
    "Failure rate: {p}": "Tasa de fallos: {p}",
    "Mean speed: {s}": "Velocidad media: {s}",
    "All": "Todos",
    "Completed": "Completado",
    "Failed": "Fallido",
    "Cancelled": "Cancelado",
    "Unfinished": "Sin terminar",
    "Any time": "Cualquier fecha",
    "Today": "Hoy",
    "Last 7 days": "Últimos 7 días",
    "Last 30 days": "Últimos 30 días",
    "Search by file name…": "Buscar por nombre de archivo…",
    "Refresh": "Actualizar",
    "Re-run": "Volver a procesar",
    "Re-run with current options": "Volver a procesar con las opciones actuales",
    "Export CSV…": "Exportar CSV…",
    "Export JSON…": "Exportar JSON…",
    "Export history": "Exportar historial",
    "Export failed: {e}": "La exportación falló: {e}",
    "Exported {n} jobs to {p}": "{n} trabajos exportados a {p}",
    "Select a job to see its details.": "Selecciona un trabajo para ver sus detalles.",
    "Open clip": "Abrir clip",
    "Show in folder": "Mostrar en la carpeta",
    "Log": "Registro",
    "Options": "Opciones",
    "ffmpeg command": "Comando de ffmpeg",
    "(ffmpeg has not started yet)": "(ffmpeg aún no ha empezado)",
    "— ffmpeg's last output —": "— última salida de ffmpeg —",
    "Output folder": "Carpeta de salida",
    "Queued": "En cola",
    "Processing": "Procesando",
    "Interrupted": "Interrumpido",
    "All jobs": "Todos los trabajos",
    "Active": "Activos",
    "Add folder…": "Añadir carpeta…",
    "Cancel": "Cancelar",
    "Stop the selected jobs": "Detener los trabajos seleccionados",
    "Retry": "Reintentar",
    "Remove from list": "Quitar de la lista",
    "Move up": "Subir",
    "Move down": "Bajar",
    "Open output folder": "Abrir carpeta de salida",
    "Copy WebSocket URL": "Copiar URL de WebSocket",
    "Pause queue": "Pausar cola",
    "Resume queue": "Reanudar cola",
    "Clear finished": "Quitar terminados",
    "Retry all failed": "Reintentar todos los fallidos",
    "Settings…": "Ajustes…",
    "Quit": "Salir",
    "Queue": "Cola",
    "Story options": "Opciones de los clips",
    "Filter by name…": "Filtrar por nombre…",
    "History": "Historial",
    "Server: off": "Servidor: apagado",
    "The story options are not valid: {e}": "Las opciones de los clips no son válidas: {e}",
    "Not added:": "No añadidos:",
    "Not added —": "No añadido —",
    "{n} videos queued": "{n} vídeos en cola",
    "Add videos": "Añadir vídeos",
    "Add folder": "Añadir carpeta",
    "Videos": "Vídeos",
    "All files": "Todos los archivos",
    "Running {r} · Queued {q} · Done {d}": "En curso {r} · En cola {q} · Hechos {d}",
    " · Failed {f}": " · Fallidos {f}",
    " · paused": " · en pausa",
    "Server: {u} · {n} observers": "Servidor: {u} · {n} observadores",
    "Quit StoryClip Studio?": "¿Salir de StoryClip Studio?",
    "{n} jobs are still queued or running. They stop now and resume at the next start.":
        "{n} trabajos siguen en cola o en curso. Se detienen ahora y se reanudan al volver "
    "a abrir la aplicación.",
    "Custom": "Personalizado",
    "Crop to fill": "Recortar para llenar",
    "Fit on blurred copy": "Encajar sobre copia desenfocada",
    "Fit with bars": "Encajar con bandas",
    "Follow the subject": "Seguir al sujeto",
    "Preview": "Vista previa",
    "Select a job to preview its cuts and framing.":
        "Selecciona un trabajo para ver sus cortes y su encuadre.",
    "Reading the source…": "Leyendo el origen…",
    "No preview: {0}": "Sin vista previa: {0}",
    "No preview: the source has no measurable video.":
        "Sin vista previa: el origen no tiene vídeo medible.",
    "No framing estimate: {0}": "Sin estimación de encuadre: {0}",
    "centre crop": "recorte centrado",
    "fit on blur": "encajado sobre desenfoque",
    "fit with bars": "encajado con bandas",
    "smart crop": "recorte inteligente",
    " (finding the subject…)": " (buscando al sujeto…)",
    " (estimated from these frames; the job analyses 4 per second)":
        " (estimado con estos fotogramas; el trabajo analiza 4 por segundo)",
    " (the job's analysis)": " (el análisis del trabajo)",
    "Cuts and framing — {0}": "Cortes y encuadre — {0}",
    "Crop window over time (top: left edge of the source)":
        "Ventana de recorte en el tiempo (arriba: borde izquierdo del origen)",
    "Clips as written (their real framing)": "Clips tal como se escribieron (su encuadre real)",
    "Low (fast)": "Baja (rápida)",
    "Medium": "Media",
    "High (slow)": "Alta (lenta)",
    "Choose the output folder": "Elegir la carpeta de salida",
    "Preset": "Plataforma",
    "Clip length": "Duración del clip",
    "Layout": "Encuadre",
    "Size": "Tamaño",
    "Quality": "Calidad",
    "System": "Sistema",
    "Working folder": "Carpeta de trabajo",
    "Monitoring interval (ms)": "Intervalo de seguimiento (ms)",
    "ffmpeg program": "Programa ffmpeg",
    "Jobs at once": "Trabajos a la vez",
    "Stall timeout (s)": "Tiempo máximo sin progreso (s)",
    "Default quality": "Calidad predeterminada",
    "Default clip length (s)": "Duración de clip predeterminada (s)",
    "Resume interrupted jobs at start": "Reanudar trabajos interrumpidos al iniciar",
    "Keep history (days, 0: always)": "Conservar historial (días, 0: siempre)",
    "Settings": "Ajustes",
    "Window": "Ventana",
    "Keep running in the tray when the window closes":
        "Seguir en la bandeja del sistema al cerrar la ventana",
    "Language": "Idioma",
    "A new language applies at the next start.": "El nuevo idioma se aplica al volver a abrir.",
    "Watch folders": "Carpetas vigiladas",
    "A video saved into one of these folders is queued once it stops growing; each file only "
    "once.": "Un vídeo guardado en una de estas carpetas se pone en cola cuando deja de crecer; "
    "cada archivo solo una vez.",
    "Add…": "Añadir…",
    "Remove": "Quitar",
    "Server": "Servidor",
    "Choose a folder": "Elegir una carpeta",
    "Watch folder": "Carpeta vigilada",
    "Show": "Mostrar",
    "A job failed": "Un trabajo ha fallado",
    "{done} completed, {failed} failed": "{done} completados, {failed} fallidos",
    "The queue is done": "La cola ha terminado",
    "About StoryClip Studio": "Acerca de StoryClip Studio",
    "Turns long videos into vertical story clips, and shows every job live.":
        "Convierte vídeos largos en clips verticales para historias y muestra cada trabajo en "
    "directo.",
    "asking…": "consultando…",
    "Change folder…": "Cambiar carpeta…",
    "Clips are saved in {folder}, in one folder per video.":
        "Los clips se guardan en {folder}, en una carpeta por vídeo.",
    "ffmpeg output": "Salida de ffmpeg",
    "Check setup…": "Comprobar instalación…",
    "Run `storyclip doctor`: ffmpeg, encoders and folders":
        "Ejecuta `storyclip doctor`: ffmpeg, codificadores y carpetas",
    "Help": "Ayuda",
    "ffmpeg in use": "ffmpeg en uso",
    "Data folder": "Carpeta de datos",
    "Check setup": "Comprobar instalación",
    "What “storyclip doctor” finds on this computer: ffmpeg, the H.264 encoder and the folders "
    "StoryClip writes to.": "Lo que «storyclip doctor» encuentra en este equipo: ffmpeg, el "
    "codificador H.264 y las carpetas donde escribe StoryClip.",
    "Checking ffmpeg, encoders and folders…": "Comprobando ffmpeg, codificadores y carpetas…",
    "Copy report": "Copiar informe",
    "The setup check itself failed: {e}": "La comprobación de la instalación falló: {e}",
    # the engine's messages, as the window shows them (the API keeps the English)
    "Waiting in queue": "Esperando en la cola",
    "Starting video processing...": "Empezando a procesar el vídeo…",
    "Processing video files...": "Procesando los archivos de vídeo…",
    "Video processing completed": "Procesamiento del vídeo terminado",
    "Cancelled before it started.": "Cancelado antes de empezar.",
    "Interrupted: resumes at next start": "Interrumpido: se reanuda al volver a abrir",
    "Interrupted: the app stopped while this job ran":
        "Interrumpido: la aplicación se cerró mientras este trabajo se ejecutaba",
    "ffmpeg stopped unexpectedly (it crashed or was killed).":
        "ffmpeg se detuvo de forma inesperada (falló o alguien lo terminó).",
    "Generated %n of {total} clips": ("Generado %n de {total} clips",
                                      "Generados %n de {total} clips"),
    "Verified %n of {total} clips": ("Verificado %n de {total} clips",
                                     "Verificados %n de {total} clips"),
    "Stopped after %n interrupted attempts; retry it by hand.": (
        "Detenido tras %n intento interrumpido; reinténtalo a mano.",
        "Detenido tras %n intentos interrumpidos; reinténtalo a mano."),
    # times
    "Running time of the last attempt; time waiting in the queue is not counted.":
        "Tiempo de ejecución del último intento; no cuenta el tiempo de espera en la cola.",
    "{n} attempts; the summary's speed counts the time of all of them.":
        "{n} intentos; la velocidad del resumen cuenta el tiempo de todos.",
    "Running time of this attempt; time waiting in the queue is not counted.":
        "Tiempo de ejecución de este intento; no cuenta el tiempo de espera en la cola.",
    "Attempt {n}": "Intento {n}",
    # the job table
    "Progress": "Progreso",
    "Speed": "Velocidad",
    "ETA": "Restante",
    "Elapsed": "Tiempo",
    "Folder": "Carpeta",
    "Open the selected clip in the video player": "Abrir el clip seleccionado en el reproductor",
    "%n videos queued": ("%n vídeo en cola", "%n vídeos en cola"),
    "%n jobs are still queued or running. They stop now and resume at the next start.": (
        "%n trabajo sigue en cola o en curso. Se detiene ahora y se reanuda al volver a abrir "
        "la aplicación.",
        "%n trabajos siguen en cola o en curso. Se detienen ahora y se reanudan al volver a "
        "abrir la aplicación."),
    # menus
    "Filter by name": "Filtrar por nombre",
    "Folder column": "Columna de carpeta",
    "Queue order": "Orden de la cola",
    "List the jobs as they run: finished and running first, then the queue in its order":
        "Lista los trabajos según se ejecutan: primero los terminados y en curso, después la "
        "cola en su orden",
    "&File": "&Archivo",
    "&Edit": "&Editar",
    "&View": "&Ver",
    "&Queue": "&Cola",
    "&Help": "A&yuda",
    "The output folder {p} does not exist (any more).": "La carpeta de salida {p} ya no existe.",
    "Nothing on this computer opened {p}. Its folder is {d}.":
        "Ningún programa de este equipo abrió {p}. Su carpeta es {d}.",
    "The watched folder {0} and the output folder overlap: the app's own clips there are not "
    "taken as new videos.": "La carpeta vigilada {0} y la carpeta de salida se solapan: los "
    "clips de la propia aplicación no se toman como vídeos nuevos.",
    # the Options tab
    "Start at": "Empezar en",
    "End at": "Terminar en",
    "Most clips": "Máximo de clips",
    "Sound": "Sonido",
    "Fast copy (no re-encoding)": "Copia rápida (sin recodificar)",
    "Shortest last clip": "Último clip más corto",
    "File names": "Nombres de archivo",
    "the end of the video": "el final del vídeo",
    "no limit": "sin límite",
    "Yes": "Sí",
    "No": "No",
    # the status bar's counts, the queue's pause, settings that apply after a restart
    "Running {n}": "En curso {n}",
    "Queued {n}": "En cola {n}",
    "Done {n}": "Hechos {n}",
    "Failed {n}": "Fallidos {n}",
    "Cancelled {n}": "Cancelados {n}",
    "Interrupted {n}": "Interrumpidos {n}",
    "paused": "en pausa",
    "off": "apagado",
    "The observer server now: {u}": "El servidor de observadores ahora: {u}",
    "Saved. Applies after restart: {names}": "Guardado. Se aplica al reiniciar: {names}",
    "Keep finished jobs listed (s)": "Mantener en la lista los trabajos terminados (s)",
    "Address": "Dirección",
    "Port (0: any free port)": "Puerto (0: cualquiera libre)",
    "Allowed web origins": "Orígenes web permitidos",
    "Allowed host names": "Nombres de host permitidos",
    "Most WebSocket connections": "Máximo de conexiones WebSocket",
    "Most queued jobs": "Máximo de trabajos en cola",
    "* applies after a restart": "* se aplica al reiniciar",
    "Applies after a restart": "Se aplica al reiniciar",
    "Keep history for {d} days: finished jobs that ended earlier are deleted from the history "
    "at every start. Their clips are kept.": "Conservar el historial {d} días: los trabajos "
    "terminados antes se borran del historial en cada inicio. Sus clips se conservan.",
    "At the next start {n} jobs will be deleted, the oldest from {date}.": "En el próximo inicio "
    "se borrarán {n} trabajos; el más antiguo es del {date}.",
    "Delete old history?": "¿Borrar el historial antiguo?",
    # branch hwenc: hardware encoders (issue 15)
    "Encoder": "Codificador",
    "Automatic (hardware if it works)": "Automático (por hardware si funciona)",
    "x264 (software)": "x264 (por software)",
    "NVIDIA NVENC": "NVIDIA NVENC",
    "VA-API (Intel, AMD)": "VA-API (Intel, AMD)",
    "Intel Quick Sync": "Intel Quick Sync",
    "Apple VideoToolbox": "Apple VideoToolbox",
    "Default encoder": "Codificador predeterminado",
    "Checking which encoders work here…": "Comprobando qué codificadores funcionan aquí…",
    "works here": "funciona aquí",
    "not usable here": "no se puede usar aquí",
    "not in this ffmpeg": "no está en este ffmpeg",
    "works": "funciona",
    "listed, fails: {reason}": "aparece, pero falla: {reason}",
    "Automatic uses {e} here.": "Automático usa aquí {e}.",
    "As in Settings": "Como en Ajustes",
    "A hardware encoder that fails falls back to x264 for the rest of the job (the job's log "
    "says why).": "Un codificador por hardware que falla se sustituye por x264 durante el resto "
    "del trabajo (el registro del trabajo dice por qué).",
    "Encoder used": "Codificador usado",
    "(not started yet)": "(aún no ha empezado)",
    # -- branch hooksui: Settings ▸ Webhooks ------------------------------------------------
    "General": "General",
    "Webhooks": "Webhooks",
    "Wait for webhooks at the end of a terminal run (s)":
        "Esperar a los webhooks al final de una ejecución en terminal (s)",
    "Copied": "Copiado",
    "Copy": "Copiar",
    "Copy this secret to the receiver at {url} now: it is shown only this once. The receiver "
    "checks the X-StoryClip-Signature header with it (docs/webhooks.md).":
        "Copia ahora este secreto en el receptor de {url}: solo se muestra esta vez. El "
        "receptor comprueba con él la cabecera X-StoryClip-Signature (docs/webhooks.md).",
    "Webhook secret": "Secreto del webhook",
    "Add webhook": "Añadir webhook",
    "Edit webhook": "Editar webhook",
    "Address (URL)": "Dirección (URL)",
    "All events (also ones added later)": "Todos los eventos (también los que se añadan)",
    "All events": "Todos los eventos",
    "Not saved: {e}": "No se ha guardado: {e}",
    "On (send deliveries)": "Activo (enviar entregas)",
    "(%n given up)": ("(%n abandonada)", "(%n abandonadas)"),
    "Added. Deliveries to {url} are signed with the secret shown now.":
        "Añadido. Las entregas a {url} se firman con el secreto que se muestra ahora.",
    "Choose at least one event.": "Elige al menos un evento.",
    "Clip verified": "Clip verificado",
    "Delete": "Eliminar",
    "Delete the webhook to {url}? Its pending deliveries are dropped.":
        "¿Eliminar el webhook a {url}? Sus entregas pendientes se descartan.",
    "Deleted.": "Eliminado.",
    "Delivered": "Entregada",
    "Edit…": "Editar…",
    "Enter the address that receives the events, like https://example.org/storyclip.":
        "Escribe la dirección que recibe los eventos, como https://example.org/storyclip.",
    "Event": "Evento",
    "Events": "Eventos",
    "Events are POSTed, signed, to each address below, and retried until delivered. Changes "
    "on this page are kept at once, as over the REST API: OK and Cancel below do not undo them.":
        "Los eventos se envían por POST, firmados, a cada dirección de abajo, y se reintentan "
        "hasta entregarlos. Los cambios de esta página se guardan al momento, como por la API "
        "REST: Aceptar y Cancelar no los deshacen.",
    "Given up": "Abandonada",
    "Job cancelled": "Trabajo cancelado",
    "Job completed": "Trabajo completado",
    "Job failed": "Trabajo fallido",
    "Job registered": "Trabajo registrado",
    "Last delivery": "Última entrega",
    "Last error": "Último error",
    "Make a new secret for {url}? Deliveries are signed with it from now on: the receiver "
    "needs the new one.": "¿Crear un secreto nuevo para {url}? Las entregas se firman con él "
    "desde ahora: el receptor necesita el nuevo.",
    "New secret made.": "Secreto nuevo creado.",
    "New secret…": "Secreto nuevo…",
    "Next try": "Próximo intento",
    "Off": "Inactivo",
    "On": "Activo",
    "Pending": "Pendiente",
    "Queue finished": "Cola terminada",
    "Recent deliveries": "Entregas recientes",
    "Recent deliveries to {url}": "Entregas recientes a {url}",
    "Saved.": "Guardado.",
    "Send test event": "Enviar evento de prueba",
    "Test event": "Evento de prueba",
    "Test event queued: see Recent deliveries.":
        "Evento de prueba en cola: míralo en Entregas recientes.",
    "The address has no host name, like https://example.org/storyclip.":
        "La dirección no tiene nombre de host, como https://example.org/storyclip.",
    "The address is longer than 2048 characters.":
        "La dirección tiene más de 2048 caracteres.",
    "The address must not contain spaces.": "La dirección no puede contener espacios.",
    "The address must start with http:// or https://.":
        "La dirección debe empezar por http:// o https://.",
    "The webhooks cannot be read now: {e}": "Ahora no se pueden leer los webhooks: {e}",
    "This is not a valid address (check the port number).":
        "No es una dirección válida (revisa el número de puerto).",
    "This webhook is off: turn it on to send a test event.":
        "Este webhook está inactivo: actívalo para enviar un evento de prueba.",
    "This webhook no longer exists (removed over the REST API?).":
        "Este webhook ya no existe (¿eliminado por la API REST?).",
    "Tries": "Intentos",
    "Turn off": "Desactivar",
    "Turn on": "Activar",
    "Turned off: deliveries wait until it is on again.":
        "Desactivado: las entregas esperan hasta que se active de nuevo.",
    "Turned on: waiting deliveries go out now.":
        "Activado: las entregas en espera salen ahora.",
    "Webhooks need the job history, which could not be opened: they are off in this session.":
        "Los webhooks necesitan el historial de trabajos, que no se pudo abrir: están "
        "desactivados en esta sesión.",
    # branch whendone: when the queue is done, keep awake
    "When the queue is done": "Cuando termine la cola",
    "Action": "Acción",
    "Command": "Comando",
    "Countdown before sleep or shutdown (s)": "Cuenta atrás antes de suspender o apagar (s)",
    "Stop the command after (s)": "Detener el comando tras (s)",
    "Keep the computer awake while jobs run":
        "Mantener el equipo despierto mientras hay trabajos",
    "Run as given, without a shell. The queue's results (each job, its state, error and clips "
    "with their paths) arrive as JSON on the command's standard input.":
        "Se ejecuta tal cual, sin shell. Los resultados de la cola (cada trabajo, su estado, "
        "error y clips con sus rutas) llegan como JSON por la entrada estándar del comando.",
    "Sleep and shut down wait for the countdown first; a bar in the window can cancel it.":
        "Suspender y apagar esperan primero la cuenta atrás; una barra en la ventana puede "
        "cancelarla.",
    "Nothing (notify only)": "Nada (solo avisar)",
    "Run a command": "Ejecutar un comando",
    "Sleep": "Suspender",
    "Shut down": "Apagar",
    "Stay awake: do not sleep or shut down (Esc)": "Seguir encendido: no suspender ni apagar (Esc)",
    "The queue is done. Going to sleep in %n s": (
        "La cola ha terminado. Suspensión en %n s", "La cola ha terminado. Suspensión en %n s"),
    "The queue is done. Shutting down in %n s": (
        "La cola ha terminado. Apagado en %n s", "La cola ha terminado. Apagado en %n s"),
    "Going to sleep…": "Suspendiendo…",
    "Shutting down…": "Apagando…",
    "Running the command for the finished queue…": "Ejecutando el comando de la cola terminada…",
    "Cancelled: the computer stays on.": "Cancelado: el equipo sigue encendido.",
    "Sleep cancelled.": "Suspensión cancelada.",
    "Shutdown cancelled.": "Apagado cancelado.",
    "The countdown was cancelled: a new job was queued.":
        "Se canceló la cuenta atrás: se añadió un trabajo nuevo.",
    "The countdown was cancelled: the action changed.":
        "Se canceló la cuenta atrás: la acción cambió.",
}

# English needs only its plural forms (every other text is its own source)
ENGLISH_PLURALS = {
    "%n videos queued": ("%n video queued", "%n videos queued"),
    "%n jobs are still queued or running. They stop now and resume at the next start.": (
        "%n job is still queued or running. It stops now and resumes at the next start.",
        "%n jobs are still queued or running. They stop now and resume at the next start."),
    "Generated %n of {total} clips": ("Generated %n of {total} clips",
                                      "Generated %n of {total} clips"),
    "Verified %n of {total} clips": ("Verified %n of {total} clips",
                                     "Verified %n of {total} clips"),
    "Stopped after %n interrupted attempts; retry it by hand.": (
        "Stopped after %n interrupted attempt; retry it by hand.",
        "Stopped after %n interrupted attempts; retry it by hand."),
    "(%n given up)": ("(%n given up)", "(%n given up)"),  # branch hooksui
    "%n job(s) not estimated yet": ("%n job not estimated yet", "%n jobs not estimated yet"),
    # branch whendone
    "The queue is done. Going to sleep in %n s": (
        "The queue is done. Going to sleep in %n s", "The queue is done. Going to sleep in %n s"),
    "The queue is done. Shutting down in %n s": (
        "The queue is done. Shutting down in %n s", "The queue is done. Shutting down in %n s"),
}
# fmt: on


BY_CONTEXT = {("SettingsDialog", "Processing"): "Procesamiento",
              ("WebhooksPage", "Failed"): "Fallida"}  # a delivery (branch hooksui)


def fill(
    path: Path,
    table: dict[str, str | tuple[str, ...]],
    by_context: dict[tuple[str, str], str],
    *,
    all_needed: bool,
) -> list[str]:
    """Write the table's translations into the .ts file; return the sources left without."""
    tree = ET.parse(path)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            text = by_context.get((name, source), table.get(source))
            if text is None:
                if message.get("numerus") == "yes" or all_needed:
                    missing.append(source)
                continue
            if message.get("numerus") == "yes":  # Qt's plural forms: one, then other
                assert isinstance(text, tuple), source
                for form, value in zip(translation.findall("numerusform"), text, strict=True):
                    form.text = value
            else:
                assert isinstance(text, str), source
                translation.text = text
            translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


def main(folder: Path) -> int:
    missing = fill(folder / "storyclip_es.ts", SPANISH, BY_CONTEXT, all_needed=True)
    missing += fill(folder / "storyclip_en.ts", ENGLISH_PLURALS, {}, all_needed=False)
    for source in missing:
        print(f"untranslated: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(Path(__file__).parent))
