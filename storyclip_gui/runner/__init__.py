"""QtCore adapters: the QProcess runner behind core's Runner port, and the Qt signal bridge."""
