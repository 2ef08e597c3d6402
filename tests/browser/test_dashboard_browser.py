"""The web side in a real browser: Debian's chromium, headless, driven by Playwright for
Python (`executable_path`, no downloaded browser), against a real `storyclip serve` with real
ffmpeg jobs. Skipped, with the reason, only when chromium or Playwright is not installed
(`.ci/run` installs both)."""

from __future__ import annotations

import http.server
import json
import os
import shutil
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.procs import serving

CHROMIUM = os.environ.get("STORYCLIP_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         # a DNS-rebinding page: this name resolves to the server's loopback address
         "--host-resolver-rules=MAP rebind.example 127.0.0.1"]  # fmt: skip
TOKEN = "Zp3u1Cq5m1bH2Vw0Xr7-T4s9_kLfYjN8aQeGdRcUvBo"
JOB_OPTIONS = {"clipSeconds": 1, "size": "720x1280", "quality": "low"}

if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
    pytest.skip(f"chromium is not installed at {CHROMIUM} (apt-get install -y chromium; "
                ".ci/run does it)", allow_module_level=True)  # fmt: skip
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="Playwright for Python is not installed (pip install "
                                      "-e '.[test]')")  # fmt: skip


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[str]:
    """`storyclip serve --port 0` (the real engine, real ffmpeg) in its own process."""
    env = {**os.environ, "STORYCLIP_DATA_DIR": str(tmp_path / "data"),
           "STORYCLIP_TOKEN": TOKEN, "OUTPUT_DIR": str(tmp_path / "out"),
           "TEMP_DIR": str(tmp_path / "tmp"), "QT_QPA_PLATFORM": "offscreen"}  # fmt: skip
    with serving(env) as url:
        yield url


@pytest.fixture
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                  args=FLAGS)  # fmt: skip
        except sync_api.Error as exc:  # installed but cannot start here: say why
            pytest.skip(f"chromium at {CHROMIUM} cannot be started: {str(exc)[:300]}")
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def other_origin(tmp_path: Path) -> Iterator[str]:
    """A page served from another origin (another port of 127.0.0.1)."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><title>elsewhere</title><p>elsewhere",
                                     "utf-8")  # fmt: skip

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(site), **kwargs)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def api(url: str, path: str, body: dict[str, Any] | None = None, method: str | None = None) -> Any:
    data = None if body is None else json.dumps(body).encode()
    method = method or ("POST" if data else "GET")
    request = urllib.request.Request(f"{url}{path}", data=data, method=method,
                                     headers={"Authorization": f"Bearer {TOKEN}",
                                              "Content-Type": "application/json"})  # fmt: skip
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


RECORD_ROWS = """() => {
  window.__seen = [];
  const body = document.getElementById("jobs");
  new MutationObserver(() => {
    window.__seen.push([...body.rows].map((row) => [row.cells[0].textContent, row.className]));
  }).observe(body, { childList: true, subtree: true });
}"""


def test_dashboard_token_entry_and_a_real_job_from_queued_to_completed(
    serve: str, browser: Any, video: Any, tmp_path: Path
) -> None:
    source = video("browser.mp4", seconds=2, size="160x120")
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{serve}/")
    assert page.locator("form#login").is_visible()  # no token yet: it asks for one
    page.fill("#token", TOKEN)
    page.click("form#login button[type=submit]")
    # a locator assertion, not wait_for_function: Playwright polls a string predicate with eval,
    # which the page's CSP forbids (it failed whenever the socket was not live at once: loaded)
    sync_api.expect(page.locator("#conn")).to_have_text("live", timeout=30_000)
    page.evaluate(RECORD_ROWS)
    # when the queue is done: sleep after a countdown (the tests' serve only says the command)
    api(serve, "/api/v1/when-done", {"action": "sleep", "countdownSeconds": 120}, method="PUT")
    accepted = api(serve, "/api/v1/process/story", {"jobId": "browser-job",
                                                    "tempPath": str(source),
                                                    "options": JOB_OPTIONS})  # fmt: skip
    assert accepted["status"] == "queued"
    page.wait_for_selector("#jobs tr.completed", timeout=180_000)
    states = [cls for snapshot in page.evaluate("window.__seen")
              for job_id, cls in snapshot if job_id == "browser-job"]  # fmt: skip
    assert states[0] == "queued", states
    assert states[-1] == "completed" and "processing" in states, states
    row = page.locator("#jobs tr.completed")
    assert "browser.mp4" in row.inner_text() and "2/2" in row.inner_text()
    # the countdown is on the page, and its Cancel stops it on the server
    banner = page.locator("#whendone")
    banner.wait_for(state="visible", timeout=30_000)
    assert "Going to sleep in" in banner.inner_text()
    shots = Path(os.environ.get("STORYCLIP_SCREENSHOT_DIR", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / "dashboard.png"), full_page=True)
    assert (shots / "dashboard.png").stat().st_size > 1000
    page.click("#whendone-cancel")
    page.locator("#whendone-cancel").wait_for(state="hidden", timeout=30_000)
    assert "Going to sleep in" not in banner.inner_text()
    assert api(serve, "/api/v1/when-done")["state"]["phase"] == "idle"
    assert errors == []


def test_the_old_story_api_flow_runs_unchanged_in_the_page(serve: str, browser: Any,
                                                           video: Any) -> None:  # fmt: skip
    source = video("seed.mp4", seconds=2, size="160x120")
    page = browser.new_page()
    page.goto(f"{serve}/")
    # the seed's browser code: fetch POST, then new WebSocket(result.websocketUrl), no header
    outcome = page.evaluate("""async ({ base, token, tempPath, options }) => {
      const result = await (await fetch(`${base}/api/v1/process/story`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ tempPath, options }),
      })).json();
      const seen = [];
      await new Promise((resolve) => {
        const ws = new WebSocket(result.websocketUrl);
        ws.onmessage = (event) => {
          const msg = JSON.parse(event.data);
          seen.push([msg.type, msg.status, msg.progress]);
          if (msg.type === "completed" || msg.type === "error") { ws.close(); resolve(); }
        };
        ws.onclose = () => resolve();
      });
      return { result, seen };
    }""", {"base": serve, "token": TOKEN, "tempPath": str(source), "options": JOB_OPTIONS})
    assert outcome["result"]["websocketUrl"].startswith(serve.replace("http", "ws", 1) + "/ws?")
    types = [m[0] for m in outcome["seen"]]
    assert types[0] == "snapshot" and "status" in types, types
    assert outcome["seen"][-1][:2] == ["completed", "completed"], outcome["seen"]
    assert outcome["seen"][-1][2] == 100


def test_a_page_from_another_origin_can_neither_read_nor_start_a_job(
    serve: str, browser: Any, other_origin: str, video: Any
) -> None:
    source = video("cross.mp4", seconds=2, size="160x120")
    page = browser.new_page()
    page.goto(f"{other_origin}/index.html")
    # the worst case: the hostile page even knows the token
    outcome = page.evaluate("""async ({ base, token, tempPath }) => {
      const out = {};
      const auth = { Authorization: `Bearer ${token}` };
      try { out.read = (await fetch(`${base}/api/ws/info`, { headers: auth })).status; }
      catch (e) { out.read = "blocked"; }
      try {
        out.start = (await fetch(`${base}/api/v1/process/story`, {
          method: "POST", headers: { ...auth, "Content-Type": "application/json" },
          body: JSON.stringify({ tempPath }) })).status;
      } catch (e) { out.start = "blocked"; }
      try {  // a "simple" request needs no preflight: it must be refused by the server itself
        await fetch(`${base}/api/v1/process/story`, { method: "POST", mode: "no-cors",
          headers: { "Content-Type": "text/plain" }, body: JSON.stringify({ tempPath }) });
        out.simple = "sent";
      } catch (e) { out.simple = "blocked"; }
      out.ws = await new Promise((resolve) => {
        const ws = new WebSocket(`${base.replace("http", "ws")}/ws`);
        ws.onopen = () => ws.send(JSON.stringify({ type: "auth", token }));
        ws.onmessage = (event) => resolve("read: " + event.data.slice(0, 40));
        ws.onerror = () => resolve("error");
        ws.onclose = (event) => resolve(`closed ${event.code}`);
      });
      return out;
    }""", {"base": serve, "token": TOKEN, "tempPath": str(source)})
    assert outcome["read"] == "blocked" and outcome["start"] == "blocked", outcome
    assert outcome["ws"] in ("error", "closed 1006"), outcome
    assert api(serve, "/api/ws/jobs/active")["count"] == 0
    assert api(serve, "/api/v1/jobs")["jobs"] == []  # the simple POST started nothing either


def test_a_dns_rebinding_page_gets_403(serve: str, browser: Any) -> None:
    port = serve.rsplit(":", 1)[1]
    page = browser.new_page()
    response = page.goto(f"http://rebind.example:{port}/")  # resolves to 127.0.0.1
    assert response is not None and response.status == 403
    assert json.loads(response.text())["error"]["code"] == "forbidden_host"
    status = page.evaluate("""async (token) => (await fetch("/api/ws/info", {
      headers: { Authorization: `Bearer ${token}` } })).status""", TOKEN)
    assert status == 403
    assert shutil.which(CHROMIUM) or os.path.isfile(CHROMIUM)
