"""Settings ▸ Webhooks: subscriptions, their deliveries, and the editor; changes apply at once.

Each action goes through core.webhooks.Webhooks, the same object the REST API uses, and is
kept the moment its own small dialog is confirmed (as a POST, PATCH or DELETE would be). The
Settings dialog's OK and Cancel do not apply or undo them: a secret already copied into a
receiver must not be thrown away by a Cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFontDatabase, QGuiApplication, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from storyclip_gui.core.ports import StoreError
from storyclip_gui.core.webhooks import (
    WEBHOOK_EVENTS,
    Delivery,
    DeliverySummary,
    Subscription,
    WebhookError,
    Webhooks,
)

REFRESH_MS = 2000  # deliveries change as the sender works: the page re-reads them while shown
RECENT_DELIVERIES = 50
EVENT_LABELS: dict[str, str] = {
    "jobRegistered": QT_TRANSLATE_NOOP("WebhooksPage", "Job registered"),
    "jobCompleted": QT_TRANSLATE_NOOP("WebhooksPage", "Job completed"),
    "jobFailed": QT_TRANSLATE_NOOP("WebhooksPage", "Job failed"),
    "jobCancelled": QT_TRANSLATE_NOOP("WebhooksPage", "Job cancelled"),
    "clipVerified": QT_TRANSLATE_NOOP("WebhooksPage", "Clip verified"),
    "queueFinished": QT_TRANSLATE_NOOP("WebhooksPage", "Queue finished"),
    "webhookTest": QT_TRANSLATE_NOOP("WebhooksPage", "Test event"),
}
# core.webhooks' rules (WebhookError.code) in the person's language
PROBLEMS: dict[str, str] = {
    "url_empty": QT_TRANSLATE_NOOP("WebhooksPage", "Enter the address that receives the "
                                   "events, like https://example.org/storyclip."),
    "url_scheme": QT_TRANSLATE_NOOP("WebhooksPage", "The address must start with http:// or "
                                    "https://."),
    "url_host": QT_TRANSLATE_NOOP("WebhooksPage", "The address has no host name, like "
                                  "https://example.org/storyclip."),
    "url_spaces": QT_TRANSLATE_NOOP("WebhooksPage", "The address must not contain spaces."),
    "url_invalid": QT_TRANSLATE_NOOP("WebhooksPage", "This is not a valid address (check the "
                                     "port number)."),
    "url_long": QT_TRANSLATE_NOOP("WebhooksPage", "The address is longer than 2048 "
                                  "characters."),
    "events_empty": QT_TRANSLATE_NOOP("WebhooksPage", "Choose at least one event."),
    "not_found": QT_TRANSLATE_NOOP("WebhooksPage", "This webhook no longer exists (removed "
                                   "over the REST API?)."),
    "off": QT_TRANSLATE_NOOP("WebhooksPage", "This webhook is off: turn it on to send a test "
                             "event."),
}
STATES: dict[str, str] = {
    "pending": QT_TRANSLATE_NOOP("WebhooksPage", "Pending"),
    "delivered": QT_TRANSLATE_NOOP("WebhooksPage", "Delivered"),
    "dead": QT_TRANSLATE_NOOP("WebhooksPage", "Given up"),
    "failed": QT_TRANSLATE_NOOP("WebhooksPage", "Failed"),
}
COL_URL, COL_EVENTS, COL_ON, COL_LAST, COL_PENDING = range(5)
D_EVENT, D_STATE, D_TRIES, D_NEXT, D_ERROR, D_CREATED = range(6)


def _tr(text: str) -> str:
    return QCoreApplication.translate("WebhooksPage", text)


def problem_text(exc: WebhookError) -> str:
    """What a person reads for a refused change: our words where we have them."""
    return _tr(PROBLEMS[exc.code]) if exc.code in PROBLEMS else str(exc)


def when(at: float | None) -> str:
    """A time of today as 14:03:07, another day's with its date; "—" for none."""
    if at is None:
        return "—"
    moment = datetime.fromtimestamp(at)
    return moment.strftime("%H:%M:%S" if moment.date() == datetime.now().date()
                           else "%Y-%m-%d %H:%M")  # fmt: skip


def events_text(events: tuple[str, ...]) -> str:
    if "*" in events:
        return _tr(QT_TRANSLATE_NOOP("WebhooksPage", "All events"))
    return ", ".join(_tr(EVENT_LABELS.get(e, e)) for e in events)


class WebhookEditor(QDialog):
    """Add or edit one subscription: URL, events, on/off. OK calls `save`, which keeps it or
    raises WebhookError; the editor then shows why and stays open. Cancel keeps nothing."""

    def __init__(
        self,
        save: Callable[[str, list[str], bool], Subscription],
        parent: QWidget | None = None,
        current: Subscription | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit webhook") if current else self.tr("Add webhook"))
        self._save = save
        self.saved: Subscription | None = None
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.url = QLineEdit(current.url if current else "")
        self.url.setPlaceholderText("https://example.org/storyclip")
        self.url.setMinimumWidth(320)
        form.addRow(self.tr("Address (URL)"), self.url)
        wanted = set(current.events) if current else {"*"}
        self.all_events = QCheckBox(self.tr("All events (also ones added later)"))
        self.all_events.setChecked("*" in wanted)
        form.addRow(self.all_events)
        grid = QGridLayout()
        self.event_boxes: dict[str, QCheckBox] = {}
        for i, name in enumerate(WEBHOOK_EVENTS):
            box = QCheckBox(_tr(EVENT_LABELS[name]))
            box.setObjectName(f"event_{name}")
            box.setChecked(name in wanted)
            grid.addWidget(box, i // 2, i % 2)
            self.event_boxes[name] = box
        form.addRow(grid)
        self.all_events.toggled.connect(self._all_toggled)
        self._all_toggled(self.all_events.isChecked())
        self.enabled = QCheckBox(self.tr("On (send deliveries)"))
        self.enabled.setChecked(current.enabled if current else True)
        form.addRow(self.enabled)
        self.error = QLabel()
        self.error.setObjectName("webhookError")
        self.error.setStyleSheet("color: #d64541")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def events(self) -> list[str]:
        if self.all_events.isChecked():
            return ["*"]
        return [name for name, box in self.event_boxes.items() if box.isChecked()]

    def _all_toggled(self, on: bool) -> None:
        for box in self.event_boxes.values():
            box.setEnabled(not on)

    def _accept(self) -> None:
        try:
            self.saved = self._save(self.url.text(), self.events(), self.enabled.isChecked())
        except WebhookError as exc:
            self.error.setText(problem_text(exc))
            return
        except StoreError as exc:
            self.error.setText(self.tr("Not saved: {e}").replace("{e}", str(exc)))
            return
        self.accept()


class SecretDialog(QDialog):
    """A new signing secret, shown this once, with a button that copies it."""

    def __init__(self, subscription: Subscription, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Webhook secret"))
        column = QVBoxLayout(self)
        note = QLabel(self.tr("Copy this secret to the receiver at {url} now: it is shown only "
                              "this once. The receiver checks the X-StoryClip-Signature "
                              "header with it (docs/webhooks.md).")
                      .replace("{url}", subscription.url))  # fmt: skip
        note.setWordWrap(True)
        column.addWidget(note)
        row = QHBoxLayout()
        self.secret = QLineEdit(subscription.secret)
        self.secret.setObjectName("webhookSecret")
        self.secret.setReadOnly(True)
        self.secret.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        metrics = self.secret.fontMetrics()  # all of it in view: it is copied by eye too
        self.secret.setMinimumWidth(metrics.horizontalAdvance(subscription.secret) + 16)
        self.copy = QPushButton(self.tr("Copy"))
        self.copy.clicked.connect(self._copy)
        row.addWidget(self.secret, 1)
        row.addWidget(self.copy)
        column.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        column.addWidget(buttons)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.secret.text())
        self.copy.setText(self.tr("Copied"))


class WebhooksPage(QWidget):
    """The subscriptions with how their deliveries stand, the selected one's recent
    deliveries, and the actions; every action is kept at once (see the module's note)."""

    def __init__(self, webhooks: Webhooks | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.webhooks = webhooks
        self._shown: list[Subscription] = []
        self._editor: WebhookEditor | None = None  # the open one (one at a time)
        # asks before a delete, shows a new secret; tests replace them
        self.confirm: Callable[[str], bool] = self._ask
        self.show_secret: Callable[[Subscription], None] = self._show_secret
        self.open_editor: Callable[[WebhookEditor], None] = lambda editor: editor.open()
        column = QVBoxLayout(self)
        note = QLabel(self.tr("Events are POSTed, signed, to each address below, and retried "
                              "until delivered. Changes on this page are kept at once, as over "
                              "the REST API: OK and Cancel below do not undo them."))
        note.setWordWrap(True)
        column.addWidget(note)
        if webhooks is None:
            missing = QLabel(self.tr("Webhooks need the job history, which could not be "
                                     "opened: they are off in this session."))  # fmt: skip
            missing.setObjectName("webhooksUnavailable")
            missing.setWordWrap(True)
            column.addWidget(missing)
            column.addStretch(1)
            return

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("webhookTable")
        self.table.setHorizontalHeaderLabels([self.tr("Address"), self.tr("Events"),
                                              self.tr("On"), self.tr("Last delivery"),
                                              self.tr("Pending")])  # fmt: skip
        self._table_look(self.table, stretch=(COL_URL, COL_EVENTS))
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long URL keeps its ends
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        column.addWidget(self.table, 2)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.toggle_button = QPushButton(self.tr("Turn off"))
        self.test_button = QPushButton(self.tr("Send test event"))
        self.secret_button = QPushButton(self.tr("New secret…"))
        for button, action in ((self.add_button, self.add), (self.edit_button, self.edit),
                               (self.delete_button, self.delete),
                               (self.toggle_button, self.toggle),
                               (self.test_button, self.send_test),
                               (self.secret_button, self.roll_secret)):  # fmt: skip
            button.clicked.connect(action)
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)

        self.message = QLabel()
        self.message.setObjectName("webhooksMessage")
        self.message.setWordWrap(True)
        column.addWidget(self.message)

        self.deliveries_label = QLabel(self.tr("Recent deliveries"))
        column.addWidget(self.deliveries_label)
        self.deliveries = QTableWidget(0, 6)
        self.deliveries.setObjectName("deliveryTable")
        self.deliveries.setHorizontalHeaderLabels([self.tr("Event"), self.tr("Status"),
                                                   self.tr("Tries"), self.tr("Next try"),
                                                   self.tr("Last error"),
                                                   self.tr("Created")])  # fmt: skip
        self._table_look(self.deliveries, stretch=(D_ERROR,))
        column.addWidget(self.deliveries, 3)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.refresh()

    # -- reading -----------------------------------------------------------------------------
    def selected(self) -> Subscription | None:
        row = self.table.currentRow()
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def refresh(self) -> None:
        """Re-read the subscriptions and the selected one's deliveries (keeps the selection)."""
        if self.webhooks is None:
            return
        keep = self.selected()
        try:
            subs, summaries = self.webhooks.subscriptions(), self.webhooks.summaries()
        except StoreError as exc:
            self._say(self.tr("The webhooks cannot be read now: {e}").replace("{e}", str(exc)),
                      error=True)  # fmt: skip
            return
        self._shown = subs
        self.table.blockSignals(True)
        self.table.setRowCount(len(subs))
        for row, sub in enumerate(subs):
            summary = summaries.get(sub.id, DeliverySummary())
            values = [sub.url, events_text(sub.events), self.tr("On") if sub.enabled
                      else self.tr("Off"), self._last_text(summary),
                      self._pending_text(summary)]  # fmt: skip
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(summary.last_error or "" if col == COL_LAST else text)
                self.table.setItem(row, col, item)
        row = next((i for i, s in enumerate(subs) if keep and s.id == keep.id), 0 if subs else -1)
        if row >= 0:
            self.table.setCurrentCell(row, 0)
        self.table.blockSignals(False)
        self._selection_changed()

    def _last_text(self, summary: DeliverySummary) -> str:
        if summary.last_state is None:
            return "—"
        return f"{_tr(STATES[summary.last_state])} {when(summary.last_at)}"  # why: tooltip

    def _pending_text(self, summary: DeliverySummary) -> str:
        text = str(summary.pending)
        if summary.dead:
            text += " " + self.tr("(%n given up)", "", summary.dead)
        return text

    def _selection_changed(self) -> None:
        sub = self.selected()
        for button in (self.edit_button, self.delete_button, self.toggle_button,
                       self.secret_button):  # fmt: skip
            button.setEnabled(sub is not None)
        self.test_button.setEnabled(sub is not None and sub.enabled)
        self.toggle_button.setText(self.tr("Turn on") if sub is not None and not sub.enabled
                                   else self.tr("Turn off"))  # fmt: skip
        self._show_deliveries(sub)

    def _show_deliveries(self, sub: Subscription | None) -> None:
        rows: list[Delivery] = []
        if sub is not None:
            try:
                rows = self._hooks.deliveries(sub.id, RECENT_DELIVERIES)
            except StoreError as exc:
                self._say(str(exc), error=True)
        self.deliveries_label.setText(
            self.tr("Recent deliveries to {url}").replace("{url}", sub.url) if sub
            else self.tr("Recent deliveries"))  # fmt: skip
        self.deliveries.setRowCount(len(rows))
        for row, d in enumerate(rows):
            waiting = d.state == "pending"
            values = [_tr(EVENT_LABELS.get(d.event, d.event)), _tr(STATES[d.state]),
                      str(d.attempts), when(d.next_at) if waiting else "—",
                      d.last_error or "", when(d.created_at)]  # fmt: skip
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if col == D_ERROR and d.last_error:
                    item.setToolTip(d.last_error)
                self.deliveries.setItem(row, col, item)

    # -- actions (each kept at once) ---------------------------------------------------------
    def add(self) -> WebhookEditor:
        def save(url: str, events: list[str], enabled: bool) -> Subscription:
            return self._hooks.subscribe(url, events, enabled=enabled)

        editor = self._new_editor(WebhookEditor(save, self))
        editor.accepted.connect(lambda: self._added(editor))
        self.open_editor(editor)
        return editor

    def _added(self, editor: WebhookEditor) -> None:
        if editor.saved is None:
            return
        self.refresh()
        self._select(editor.saved.id)
        self._say(self.tr("Added. Deliveries to {url} are signed with the secret shown "
                          "now.").replace("{url}", editor.saved.url))  # fmt: skip
        self.show_secret(editor.saved)

    def edit(self) -> WebhookEditor | None:
        sub = self.selected()
        if sub is None:
            return None

        def save(url: str, events: list[str], enabled: bool) -> Subscription:
            return self._hooks.update(sub.id, url=url, events=events, enabled=enabled)

        editor = self._new_editor(WebhookEditor(save, self, sub))
        editor.accepted.connect(lambda: (self.refresh(), self._say(self.tr("Saved."))))
        self.open_editor(editor)
        return editor

    def delete(self) -> None:
        sub = self.selected()
        if sub is None or not self.confirm(
            self.tr("Delete the webhook to {url}? Its pending deliveries are dropped.")
            .replace("{url}", sub.url)):  # fmt: skip
            return
        self._act(lambda: self._hooks.unsubscribe(sub.id), self.tr("Deleted."))

    def toggle(self) -> None:
        sub = self.selected()
        if sub is not None:
            done = self.tr("Turned off: deliveries wait until it is on again.") if sub.enabled \
                else self.tr("Turned on: waiting deliveries go out now.")  # fmt: skip
            self._act(lambda: self._hooks.update(sub.id, enabled=not sub.enabled), done)

    def send_test(self) -> None:
        sub = self.selected()
        if sub is not None:
            self._act(lambda: self._hooks.send_test(sub.id),
                      self.tr("Test event queued: see Recent deliveries."))  # fmt: skip

    def roll_secret(self) -> None:
        sub = self.selected()
        if sub is None or not self.confirm(
            self.tr("Make a new secret for {url}? Deliveries are signed with it from now on: "
                    "the receiver needs the new one.").replace("{url}", sub.url)):  # fmt: skip
            return
        rolled: list[Subscription] = []
        self._act(lambda: rolled.append(self._hooks.roll_secret(sub.id)),
                  self.tr("New secret made."))  # fmt: skip
        if rolled:
            self.show_secret(rolled[0])

    @property
    def _hooks(self) -> Webhooks:
        assert self.webhooks is not None  # the actions exist only when there are webhooks
        return self.webhooks

    def _act(self, action: Callable[[], object], done: str) -> None:
        try:
            action()
        except WebhookError as exc:
            self._say(problem_text(exc), error=True)
        except StoreError as exc:
            self._say(self.tr("Not saved: {e}").replace("{e}", str(exc)), error=True)
        else:
            self._say(done)
        self.refresh()

    # -- helpers -------------------------------------------------------------------------------
    def _new_editor(self, editor: WebhookEditor) -> WebhookEditor:
        if self._editor is not None:  # the last one is done with
            self._editor.deleteLater()
        self._editor = editor
        return editor

    def _select(self, subscription_id: str) -> None:
        for row, sub in enumerate(self._shown):
            if sub.id == subscription_id:
                self.table.setCurrentCell(row, 0)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #d64541" if error else "")
        self.message.setText(text)

    @staticmethod
    def _table_look(table: QTableWidget, stretch: tuple[int, ...]) -> None:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for col in stretch:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Webhooks"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _show_secret(self, subscription: Subscription) -> None:
        dialog = SecretDialog(subscription, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.webhooks is not None:
            self.refresh()
            self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if self.webhooks is not None:
            self._timer.stop()
