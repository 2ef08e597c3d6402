"""The observer server: REST, WebSocket hub and web dashboard on the app's own event loop."""

from storyclip_gui.server.security import TOKEN_FILE_NAME, load_or_create_token
from storyclip_gui.server.webapp import (
    ServerConfig,
    ServerHandle,
    ServerStartError,
    start_web_server,
)

__all__ = [
    "TOKEN_FILE_NAME",
    "ServerConfig",
    "ServerHandle",
    "ServerStartError",
    "load_or_create_token",
    "start_web_server",
]
