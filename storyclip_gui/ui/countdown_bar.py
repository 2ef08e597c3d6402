"""CountdownBar: the non-modal "Shutting down in 57 s [Cancel]" bar of the when-done action."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from storyclip_gui.core.events import WhenDoneState


class CountdownBar(QFrame):
    """Shown while a sleep or shutdown counts down, and while the action runs. Its Cancel
    button takes the focus when a countdown starts; Esc anywhere in the bar cancels.

    Signals:
        cancelRequested(): the person asked to stop the countdown.
    """

    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdownBar")
        self.setStyleSheet("#countdownBar { background: #fff4ce; border-bottom: 1px solid "
                           "#c8a600; } #countdownBar QLabel { color: #4a3b00; }")  # fmt: skip
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        self.text = QLabel()
        self.text.setObjectName("countdownText")
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setObjectName("countdownCancel")
        self.cancel.setToolTip(self.tr("Stay awake: do not sleep or shut down (Esc)"))
        self.cancel.clicked.connect(self.cancelRequested)
        row.addWidget(self.text, 1)
        row.addWidget(self.cancel)
        self.hide()

    def show_state(self, state: WhenDoneState) -> None:
        if state.phase == "countdown" and state.remaining is not None:
            starting = not self.isVisible() or not self.cancel.isVisible()
            if state.action == "sleep":
                text = self.tr("The queue is done. Going to sleep in %n s", "", state.remaining)
            else:
                text = self.tr("The queue is done. Shutting down in %n s", "", state.remaining)
            self.text.setText(text)
            self.cancel.show()
            self.show()
            if starting:
                self.cancel.setFocus(Qt.FocusReason.OtherFocusReason)
        elif state.phase == "running":
            self.text.setText(self._running_text(state.action))
            self.cancel.hide()
            self.show()
        else:
            self.hide()

    def _running_text(self, action: str) -> str:
        if action == "sleep":
            return self.tr("Going to sleep…")
        if action == "shutdown":
            return self.tr("Shutting down…")
        return self.tr("Running the command for the finished queue…")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.cancel.isVisible():
            self.cancelRequested.emit()
            return
        super().keyPressEvent(event)
