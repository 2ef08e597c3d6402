"""Settings ▸ Webhooks on a real SQLite history: each action is kept at once (as over REST),
the dialog's Cancel neither loses nor changes a webhook nor applies a setting, and a test event
reaches a real receiver on a loopback port, signed."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QWidget

from storyclip_gui.app import Engine, build_engine
from storyclip_gui.config import load_settings
from storyclip_gui.core.webhooks import Subscription, verify_signature
from storyclip_gui.ui.settings_dialog import SettingsDialog, WindowPrefs
from storyclip_gui.ui.webhooks_page import WebhookEditor, WebhooksPage
from tests.server.test_webhooks_e2e import Receiver


@pytest.fixture
def engine(qloop: asyncio.AbstractEventLoop, qtbot: Any) -> Iterator[Engine]:
    """The window's engine on the SQLite history in the test's data folder (webhooks need it)."""
    engine = build_engine(load_settings(), recover=False)
    assert engine.facade.webhooks is not None
    yield engine
    stopped = asyncio.ensure_future(engine.stop_deliveries())
    qtbot.waitUntil(stopped.done, timeout=15_000)
    engine.store.close()  # type: ignore[attr-defined]


def click(qtbot: Any, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def press(qtbot: Any, dialog: QWidget, which: QDialogButtonBox.StandardButton) -> None:
    [box] = dialog.findChildren(QDialogButtonBox, options=Qt.FindChildOption.FindDirectChildrenOnly)
    click(qtbot, box.button(which))


OK, CANCEL = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel


def page_of(dialog: SettingsDialog) -> WebhooksPage:
    dialog.tabs.setCurrentWidget(dialog.webhooks_page)
    return dialog.webhooks_page


def cells(page: WebhooksPage, table: Any = None) -> list[list[str]]:
    table = table or page.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]  # fmt: skip


def test_cancel_neither_loses_nor_changes_a_webhook_nor_applies_a_setting(
    make_window, engine, qtbot
) -> None:
    hooks = engine.facade.webhooks
    concurrency = engine.settings.concurrency
    window = make_window()
    dialog = window.open_settings()
    page = page_of(dialog)
    secrets: list[Subscription] = []
    page.show_secret = secrets.append
    assert cells(page) == [] and not page.edit_button.isEnabled()

    editor = page.add()
    editor.url.setText("ftp://example.org/hook")
    press(qtbot, editor, OK)  # refused, said plainly; the editor stays open, nothing kept
    assert editor.isVisible() and hooks.subscriptions() == []
    assert editor.error.text() == "The address must start with http:// or https://."
    editor.url.setText("http://127.0.0.1:9/hook")
    editor.all_events.setChecked(False)
    press(qtbot, editor, OK)
    assert editor.error.text() == "Choose at least one event." and hooks.subscriptions() == []
    editor.event_boxes["jobCompleted"].setChecked(True)
    editor.event_boxes["jobFailed"].setChecked(True)
    press(qtbot, editor, OK)
    assert not editor.isVisible()
    [sub] = hooks.subscriptions()
    assert (sub.url, sub.events, sub.enabled) == ("http://127.0.0.1:9/hook",
                                                  ("jobCompleted", "jobFailed"), True)  # fmt: skip
    assert [s.secret for s in secrets] == [sub.secret]  # shown once, when made
    assert cells(page) == [["http://127.0.0.1:9/hook", "Job completed, Job failed", "On", "—",
                            "0"]]  # fmt: skip

    editor = page.edit()
    assert isinstance(editor, WebhookEditor) and editor.url.text() == sub.url
    editor.url.setText("http://127.0.0.1:9/elsewhere")
    editor.enabled.setChecked(False)
    press(qtbot, editor, CANCEL)  # the editor's Cancel keeps nothing
    assert hooks.subscriptions() == [sub]

    dialog.tabs.setCurrentIndex(0)
    dialog.editor("concurrency").setValue(concurrency + 4)
    press(qtbot, dialog, CANCEL)
    assert engine.settings.concurrency == concurrency  # the setting was not applied
    assert not engine.settings.settings_file.exists()
    assert hooks.subscriptions() == [sub]  # the webhook made meanwhile is neither lost nor changed

    dialog = window.open_settings()  # and it is there next time, from the database
    assert cells(page_of(dialog))[0][0] == sub.url
    press(qtbot, dialog, OK)  # OK applies the settings; it does not touch webhooks either
    assert hooks.subscriptions() == [sub]
    assert not engine.settings.settings_file.exists()  # nothing changed: nothing written


def test_each_action_is_kept_at_once_and_a_test_event_reaches_a_real_receiver_signed(
    make_window, engine, qtbot
) -> None:
    receiver = Receiver()
    try:
        engine.start_deliveries()  # what the window's session does
        hooks = engine.facade.webhooks
        sub = hooks.subscribe(receiver.url, ["queueFinished"])
        dialog = make_window().open_settings()
        page = page_of(dialog)
        secrets: list[Subscription] = []
        page.show_secret = secrets.append
        asked: list[str] = []
        page.confirm = lambda text: asked.append(text) or True

        click(qtbot, page.test_button)  # whatever events it asks for
        assert page.message.text() == "Test event queued: see Recent deliveries."
        qtbot.waitUntil(lambda: receiver.events() == ["webhookTest"], timeout=15_000)
        [request] = receiver.requests
        assert verify_signature(sub.secret, request["headers"]["X-StoryClip-Signature"],
                                request["body"], now=request["at"])  # fmt: skip

        def shown() -> list[str]:
            page.refresh()
            return cells(page, page.deliveries)[0][:3] if page.deliveries.rowCount() else []

        qtbot.waitUntil(lambda: shown() == ["Test event", "Delivered", "1"], timeout=15_000)
        assert page.table.item(0, 3).text().startswith("Delivered ")

        click(qtbot, page.toggle_button)  # off: kept at once, and no test event while off
        assert not hooks.get(sub.id).enabled and page.toggle_button.text() == "Turn on"
        assert not page.test_button.isEnabled() and cells(page)[0][2] == "Off"

        click(qtbot, page.secret_button)
        assert "new secret" in asked[-1] and len(secrets) == 1
        rolled = hooks.get(sub.id)
        assert secrets[0].secret == rolled.secret != sub.secret

        click(qtbot, page.toggle_button)
        assert hooks.get(sub.id).enabled
        click(qtbot, page.test_button)
        qtbot.waitUntil(lambda: len(receiver.events()) == 2, timeout=15_000)
        second = receiver.requests[1]
        assert verify_signature(rolled.secret, second["headers"]["X-StoryClip-Signature"],
                                second["body"], now=second["at"])  # fmt: skip
        assert not verify_signature(sub.secret, second["headers"]["X-StoryClip-Signature"],
                                    second["body"], now=second["at"])  # fmt: skip

        page.confirm = lambda text: False
        click(qtbot, page.delete_button)
        assert [s.id for s in hooks.subscriptions()] == [sub.id]  # said no: kept
        page.confirm = lambda text: True
        click(qtbot, page.delete_button)
        assert hooks.subscriptions() == [] and cells(page) == []
        assert page.message.text() == "Deleted."
        dialog.reject()
    finally:
        receiver.server.shutdown()
        receiver.server.server_close()


def test_without_a_history_the_page_says_webhooks_are_off(qtbot) -> None:
    dialog = SettingsDialog(load_settings(), WindowPrefs(), webhooks=None)
    qtbot.addWidget(dialog)
    note = dialog.webhooks_page.findChild(QLabel, "webhooksUnavailable")
    assert note is not None and "could not be opened" in note.text()
