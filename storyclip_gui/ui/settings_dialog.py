"""SettingsDialog: the engine settings (generated from config.SETTINGS) and the window's own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from storyclip_gui.config import (
    ENCODERS,
    LIVE_SETTINGS,
    SETTINGS,
    Settings,
    SettingsError,
    with_overrides,
)
from storyclip_gui.core.encoder_detect import EncoderStatus, choose
from storyclip_gui.core.ffmpeg.encoders import FFMPEG_NAME
from storyclip_gui.core.options import EncoderChoice
from storyclip_gui.core.webhooks import Webhooks
from storyclip_gui.core.when_done import ACTIONS
from storyclip_gui.ui.option_labels import choice_label
from storyclip_gui.ui.webhooks_page import WebhooksPage
from storyclip_gui.ui.wheel_guard import guard_wheels

LANGUAGES: tuple[tuple[str, str], ...] = (
    ("", QT_TRANSLATE_NOOP("SettingsDialog", "System")),
    ("en", "English"),
    ("es", "Español"),
)
CHOICES: dict[str, tuple[str, ...]] = {"default_quality": ("low", "medium", "high"),
                                       "default_encoder": ENCODERS,
                                       "executor": ("local", "dask"),
                                       "when_done": ACTIONS}  # fmt: skip
LABELS: dict[str, str] = {
    "output_dir": QT_TRANSLATE_NOOP("SettingsDialog", "Output folder"),
    "temp_dir": QT_TRANSLATE_NOOP("SettingsDialog", "Working folder"),
    "monitoring_interval_ms": QT_TRANSLATE_NOOP("SettingsDialog", "Monitoring interval (ms)"),
    "ffmpeg": QT_TRANSLATE_NOOP("SettingsDialog", "ffmpeg program"),
    "concurrency": QT_TRANSLATE_NOOP("SettingsDialog", "Jobs at once"),
    "stall_timeout_s": QT_TRANSLATE_NOOP("SettingsDialog", "Stall timeout (s)"),
    "default_quality": QT_TRANSLATE_NOOP("SettingsDialog", "Default quality"),
    "default_encoder": QT_TRANSLATE_NOOP("SettingsDialog", "Default encoder"),
    "default_clip_seconds": QT_TRANSLATE_NOOP("SettingsDialog", "Default clip length (s)"),
    "auto_resume": QT_TRANSLATE_NOOP("SettingsDialog", "Resume interrupted jobs at start"),
    "history_retention_days": QT_TRANSLATE_NOOP("SettingsDialog", "Keep history (days, 0: always)"),
    "finished_display_s": QT_TRANSLATE_NOOP("SettingsDialog", "Keep finished jobs listed (s)"),
    "server_host": QT_TRANSLATE_NOOP("SettingsDialog", "Address"),
    "server_port": QT_TRANSLATE_NOOP("SettingsDialog", "Port (0: any free port)"),
    "server_allowed_origins": QT_TRANSLATE_NOOP("SettingsDialog", "Allowed web origins"),
    "server_allowed_hosts": QT_TRANSLATE_NOOP("SettingsDialog", "Allowed host names"),
    "server_max_connections": QT_TRANSLATE_NOOP("SettingsDialog", "Most WebSocket connections"),
    "max_queued_jobs": QT_TRANSLATE_NOOP("SettingsDialog", "Most queued jobs"),
    "executor": QT_TRANSLATE_NOOP("SettingsDialog", "Render clips on"),
    "dask_scheduler": QT_TRANSLATE_NOOP("SettingsDialog", "Dask scheduler address"),
    "dask_fallback_local": QT_TRANSLATE_NOOP("SettingsDialog", "Render here when the cluster is "
                                             "gone"),
    "when_done": QT_TRANSLATE_NOOP("SettingsDialog", "Action"),
    "when_done_command": QT_TRANSLATE_NOOP("SettingsDialog", "Command"),
    "when_done_countdown_s": QT_TRANSLATE_NOOP("SettingsDialog", "Countdown before sleep or "
                                               "shutdown (s)"),
    "when_done_command_timeout_s": QT_TRANSLATE_NOOP("SettingsDialog", "Stop the command after "
                                                     "(s)"),
    "keep_awake": QT_TRANSLATE_NOOP("SettingsDialog", "Keep the computer awake while jobs run"),
    "webhook_drain_s": QT_TRANSLATE_NOOP("SettingsDialog", "Wait for webhooks at the end of a "
                                         "terminal run (s)"),
}
WHEN_DONE_SETTINGS = frozenset({"when_done", "when_done_command", "when_done_countdown_s",
                                "when_done_command_timeout_s", "keep_awake"})  # fmt: skip
SERVER_SETTINGS = frozenset(name for name in LABELS if name.startswith("server_")) | {
    "max_queued_jobs"
}
# (jobs, oldest end time) a retention of this many days would forget now
RetentionPreview = Callable[[float], tuple[int, float | None]]


@dataclass
class WindowPrefs:
    """The window's own preferences, kept in QSettings (not in settings.json)."""

    language: str = ""  # "" follows the system locale
    close_to_tray: bool = False
    watch_folders: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, qs: QSettings) -> WindowPrefs:
        folders = qs.value("watch/folders", []) or []
        if isinstance(folders, str):
            folders = [folders]
        return cls(
            language=str(qs.value("ui/language", "") or ""),
            close_to_tray=str(qs.value("ui/closeToTray", "false")).lower() == "true",
            watch_folders=[str(f) for f in folders],
        )

    def save(self, qs: QSettings) -> None:
        qs.setValue("ui/language", self.language)
        qs.setValue("ui/closeToTray", "true" if self.close_to_tray else "false")
        qs.setValue("watch/folders", list(self.watch_folders))
        qs.sync()


class SettingsDialog(QDialog):
    """Edits a copy of the settings; `result()` is validated with each setting's own parser.

    Two tabs: General (the settings and the window's preferences: OK applies them, Cancel
    drops them) and Webhooks (subscriptions, kept at once as over the REST API; OK and Cancel
    neither apply nor undo them: ui/webhooks_page.py).
    """

    def __init__(
        self,
        settings: Settings,
        prefs: WindowPrefs,
        parent: QWidget | None = None,
        *,
        server_panel: QWidget | None = None,
        retention_preview: RetentionPreview | None = None,
        webhooks: Webhooks | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        self._editors: dict[str, QWidget] = {}
        self._retention_preview = retention_preview
        # asks before a retention that deletes history is saved; tests replace it
        self.confirm: Callable[[str], bool] = self._ask
        outer = QVBoxLayout(self)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # everything wraps to the dialog's width: it scrolls down, never sideways
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        column = QVBoxLayout(body)
        scroll.setWidget(body)
        self.tabs.addTab(scroll, self.tr("General"))
        self.webhooks_page = WebhooksPage(webhooks)
        self.tabs.addTab(self.webhooks_page, self.tr("Webhooks"))

        engine_box = QGroupBox(self.tr("Processing"))
        form = QFormLayout(engine_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        server_box = QGroupBox(self.tr("Server"))
        server_form = QFormLayout(server_box)
        server_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        if server_panel is not None:  # where it listens now, where its token is
            server_form.addRow(server_panel)
        done_box = QGroupBox(self.tr("When the queue is done"))
        done_box.setObjectName("whenDoneBox")
        done_form = QFormLayout(done_box)
        done_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for spec in SETTINGS:
            editor = self._editor(spec.name, getattr(settings, spec.name), spec.kind)
            editor.setToolTip(spec.description)
            self._editors[spec.name] = editor
            target = form
            if spec.name in SERVER_SETTINGS:
                target = server_form
            elif spec.name in WHEN_DONE_SETTINGS:
                target = done_form
            target.addRow(self._label(spec.name), editor)
            if spec.name == "default_encoder":  # which encoders really work (show_encoders)
                self.encoder_note = QLabel(self.tr("Checking which encoders work here…"))
                self.encoder_note.setObjectName("encoderNote")
                self.encoder_note.setWordWrap(True)
                form.addRow("", self.encoder_note)
            if spec.name == "when_done_command":
                note = QLabel(self.tr("Run as given, without a shell. The queue's results (each "
                                      "job, its state, error and clips with their paths) arrive "
                                      "as JSON on the command's standard input."))
                note.setObjectName("whenDoneCommandNote")
                note.setWordWrap(True)
                done_form.addRow(note)
        self._editors["when_done"].setToolTip(self.tr(
            "Sleep and shut down wait for the countdown first; a bar in the window can cancel it."))
        for target in (form, server_form):
            target.addRow(QLabel(self.tr("* applies after a restart")))
        column.addWidget(engine_box)
        column.addWidget(done_box)
        column.addWidget(server_box)

        window_box = QGroupBox(self.tr("Window"))
        wform = QFormLayout(window_box)
        wform.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.language = QComboBox()
        for code, label in LANGUAGES:
            self.language.addItem(self.tr(label) if code == "" else label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        self.close_to_tray = QCheckBox(self.tr("Keep running in the tray when the window closes"))
        self.close_to_tray.setChecked(prefs.close_to_tray)
        wform.addRow(self.tr("Language"), self.language)
        wform.addRow(self.close_to_tray)
        language_note = QLabel(self.tr("A new language applies at the next start."))
        language_note.setWordWrap(True)
        wform.addRow(language_note)
        column.addWidget(window_box)

        watch_box = QGroupBox(self.tr("Watch folders"))
        wl = QVBoxLayout(watch_box)
        watch_note = QLabel(
            self.tr(
                "A video saved into one of these folders is queued once it "
                "stops growing; each file only once."
            )
        )
        watch_note.setWordWrap(True)
        wl.addWidget(watch_note)
        self.watch_list = QListWidget()
        self.watch_list.addItems(prefs.watch_folders)
        wl.addWidget(self.watch_list)
        buttons = QHBoxLayout()
        add, remove = QPushButton(self.tr("Add…")), QPushButton(self.tr("Remove"))
        add.clicked.connect(self._add_watch)
        remove.clicked.connect(lambda: self.watch_list.takeItem(self.watch_list.currentRow()))
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        wl.addLayout(buttons)
        column.addWidget(watch_box)

        column.addStretch(1)

        self.error = QLabel()
        self.error.setObjectName("settingsError")
        self.error.setStyleSheet("color: #d64541")
        self.error.setWordWrap(True)
        outer.addWidget(self.error)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        box.accepted.connect(self._accept)
        box.rejected.connect(self.reject)
        outer.addWidget(box)
        guard_wheels(body)
        self.resize(fit_to_parent(QSize(560, 640), parent))

    def editor(self, name: str) -> QWidget:
        return self._editors[name]

    def _label(self, name: str) -> QLabel:
        """The setting's name; marked * when it applies only at the next start."""
        text = self.tr(LABELS.get(name, name))
        label = QLabel(text if name in LIVE_SETTINGS else f"{text} *")
        if name not in LIVE_SETTINGS:
            label.setObjectName(f"restartNote_{name}")
            label.setToolTip(self.tr("Applies after a restart"))
        return label

    def result_settings(self) -> Settings:
        """The edited settings; raises SettingsError naming the first bad value."""
        changes: dict[str, Any] = {}
        for spec in SETTINGS:
            raw = self._value(self._editors[spec.name])
            try:
                empty = raw in (None, "")
                default = spec.default(self._settings.data_dir)
                changes[spec.name] = default if empty and default is not None else spec.kind(raw)
            except (TypeError, ValueError) as exc:
                label = self.tr(LABELS.get(spec.name, spec.name))
                raise SettingsError(f"{label}: {exc}") from None
        return with_overrides(self._settings, **changes)

    def result_prefs(self) -> WindowPrefs:
        return WindowPrefs(
            language=self.language.currentData() or "",
            close_to_tray=self.close_to_tray.isChecked(),
            watch_folders=[self.watch_list.item(i).text() for i in range(self.watch_list.count())],
        )

    def show_encoders(self, statuses: dict[str, EncoderStatus]) -> None:
        """What detection found (a one-frame encode each, off the Qt thread): each encoder's
        entry says whether it works here, and the note what `auto` uses."""
        combo = self._editors["default_encoder"]
        assert isinstance(combo, QComboBox)
        for i in range(combo.count()):
            choice = EncoderChoice(combo.itemData(i))
            status = statuses.get(FFMPEG_NAME.get(choice, ""))
            label = choice_label(choice.value)
            if status is not None:
                label += " — " + self._verdict(status)
                combo.setItemData(i, self._describe(status), Qt.ItemDataRole.ToolTipRole)
            combo.setItemText(i, label)
        auto = choose(EncoderChoice.AUTO, statuses).encoder
        lines = [self.tr("Automatic uses {e} here.").replace("{e}", auto)]
        lines += [f"{s.name}: {self._describe(s)}" for s in statuses.values()]
        note = self.encoder_note
        note.setText("\n".join(lines))
        # a wrapped label's row does not grow by itself once the dialog is laid out
        note.setMinimumHeight(note.heightForWidth(max(note.width(), 240)))

    def _verdict(self, status: EncoderStatus) -> str:
        if status.works:
            return self.tr("works here")
        return self.tr("not usable here") if status.listed else self.tr("not in this ffmpeg")

    def _describe(self, status: EncoderStatus) -> str:
        if status.works:
            return self.tr("works")
        if not status.listed:
            return self.tr("not in this ffmpeg")
        return self.tr("listed, fails: {reason}").replace("{reason}", status.reason)

    def _accept(self) -> None:
        try:
            settings = self.result_settings()
        except SettingsError as exc:
            self.error.setText(str(exc))
            return
        warning = self.retention_warning(settings.history_retention_days)
        if warning is not None and not self.confirm(warning):
            return
        self.accept()

    def retention_warning(self, days: float) -> str | None:
        """What a new, shorter retention will delete, for a person to confirm (None: nothing
        new is deleted)."""
        before = self._settings.history_retention_days
        if days <= 0 or (0 < before <= days):
            return None  # keeps everything, or keeps as much as before or more
        count, oldest = self._retention_preview(days) if self._retention_preview else (0, None)
        text = self.tr("Keep history for {d} days: finished jobs that ended earlier are "
                       "deleted from the history at every start. Their clips are kept.")
        text = text.replace("{d}", f"{days:g}")
        if count:
            when = datetime.fromtimestamp(oldest or 0).strftime("%Y-%m-%d")
            text += " " + self.tr("At the next start {n} jobs will be deleted, the oldest from "
                                  "{date}.").replace("{n}", str(count)).replace("{date}", when)
        return text

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Delete old history?"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _editor(self, name: str, value: Any, kind: Any = None) -> QWidget:
        if name in CHOICES:
            combo = QComboBox()
            for choice in CHOICES[name]:  # "medium" is shown as "Medium" (or "Media")
                combo.addItem(choice_label(choice), choice)
            combo.setCurrentIndex(max(0, combo.findData(str(value))))
            return combo
        if isinstance(value, bool):
            check = QCheckBox()
            check.setChecked(value)
            return check
        # a number's widget covers the setting's whole range, "off" (0) included where the
        # setting accepts it: a widget that cannot show the value would change it on OK
        if isinstance(value, int):
            spin = QSpinBox()
            top = 10**7 if _accepts(kind, 10**7) else 65535
            spin.setRange(0 if _accepts(kind, 0) else 1, top)
            spin.setValue(value)
            return spin
        if isinstance(value, float):
            dspin = QDoubleSpinBox()
            dspin.setDecimals(3)
            dspin.setRange(0.0 if _accepts(kind, 0.0) else 0.001, 10**6)
            dspin.setValue(value)
            return dspin
        line = QLineEdit("" if value is None else str(value))
        line.setMinimumWidth(120)  # long paths scroll inside the field, not the dialog
        if isinstance(value, Path):
            holder = QWidget()
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(line)
            browse = QToolButton()
            browse.setText("…")
            browse.clicked.connect(lambda: self._browse(line))
            row.addWidget(browse)
            return holder
        return line

    @staticmethod
    def _value(editor: QWidget) -> Any:
        line = editor.findChild(QLineEdit) if type(editor) is QWidget else None
        if line is not None:
            return line.text().strip()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, (QSpinBox, QDoubleSpinBox)):
            return editor.value()
        if isinstance(editor, QLineEdit):
            return editor.text().strip()
        return None

    def _browse(self, line: QLineEdit) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), line.text())
        if folder:
            line.setText(folder)

    def _add_watch(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Watch folder"))
        if folder:
            self.watch_list.addItem(folder)


def fit_to_parent(size: QSize, parent: QWidget | None) -> QSize:
    """`size`, made smaller where the parent window is smaller (a dialog never outgrows it)."""
    if parent is None:
        return size
    room = parent.window().size()
    return QSize(min(size.width(), max(320, room.width() - 40)),
                 min(size.height(), max(240, room.height() - 40)))  # fmt: skip


def _accepts(kind: Any, value: Any) -> bool:
    """Does the setting's own check take `value`? (No check: anything goes.)"""
    if kind is None:
        return True
    try:
        kind(value)
    except (TypeError, ValueError):
        return False
    return True
