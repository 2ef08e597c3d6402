"""Fill storyclip_es.ts from the table below (run after pyside6-lupdate; then pyside6-lrelease)."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

# fmt: off
SPANISH = {
    "no videos found in this folder": "no hay vídeos en esta carpeta",
    "the file does not exist": "el archivo no existe",
    "hidden files are not accepted": "no se aceptan archivos ocultos",
    "no extension": "sin extensión",
    "not a video file ({kind})": "no es un archivo de vídeo ({kind})",
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
}
# fmt: on


BY_CONTEXT = {("SettingsDialog", "Processing"): "Procesamiento"}


def main(path: Path) -> int:
    tree = ET.parse(path)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            text = BY_CONTEXT.get((name, source), SPANISH.get(source))
            if text is not None:
                translation.text = text
                translation.attrib.pop("type", None)
            else:
                missing.append(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"untranslated: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(Path(__file__).with_name("storyclip_es.ts")))
