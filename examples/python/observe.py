"""Print a StoryClip job's live progress from the WebSocket API (aiohttp), resuming on reconnect.

    python examples/python/observe.py --submit ~/Videos/talk.mp4 --clip-seconds 15
    python examples/python/observe.py --job 3f2a9c...            # a job that already exists
    python examples/python/observe.py                            # every job, until Ctrl+C

The token comes from --token, $STORYCLIP_TOKEN, or the server's token file in the data folder.
Exit status: 0 when the job completed, 1 when it failed or was cancelled, 2 on a refused token.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Any

import aiohttp

FINAL = {"completed", "failed", "cancelled"}


def default_token() -> str | None:
    if os.environ.get("STORYCLIP_TOKEN"):
        return os.environ["STORYCLIP_TOKEN"].strip()
    data = os.environ.get("STORYCLIP_DATA_DIR") or os.path.join(
        os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share"), "storyclip-studio"
    )
    path = Path(data) / "server-token"
    return path.read_text().strip() if path.is_file() else None


def line(msg: dict[str, Any]) -> str:
    """One human line per message."""
    name = msg.get("sourceName") or msg.get("jobId") or ""
    if msg["type"] == "snapshot" and not msg.get("jobId"):
        return f"[{msg['seq']}] watching {len(msg.get('jobs', []))} jobs"
    text = f"[{msg['seq']}] {name}: {msg['status']} {msg['progress']:5.1f}% {msg['message']}"
    if msg.get("speed"):
        text += f"  {msg['speed']:.2f}x"
    if msg["type"] == "completed":
        text += f"\n  {len(msg.get('clips') or [])} clips in {msg.get('outputDir')}"
    if msg["type"] == "error" and msg.get("error"):
        text += f"\n  {msg['error']['code']}: {msg['error']['message']}"
    return text


async def submit(http: aiohttp.ClientSession, base: str, path: str, options: dict) -> str:
    body = {"tempPath": str(Path(path).absolute()), "options": options}
    async with http.post(f"{base}/api/v1/process/story", json=body) as response:
        answer = await response.json()
        if response.status != 202:
            raise SystemExit(f"submit refused: {response.status} {answer.get('error')}")
    print(f"submitted {path} as job {answer['jobId']}", flush=True)
    return str(answer["jobId"])


async def observe(base: str, token: str, job_id: str | None, max_delay: float = 10.0) -> int:
    """Follow the job (or every job) until it ends; reconnects resume with ?since=."""
    headers = {"Authorization": f"Bearer {token}"}
    ws_base = base.replace("http", "ws", 1)
    last_seq: int | None = None
    delay = 0.5
    async with aiohttp.ClientSession(headers=headers) as http:
        while True:
            params = {"jobId": job_id} if job_id else {}
            if last_seq is not None:
                params["since"] = str(last_seq)
            try:
                async with http.ws_connect(f"{ws_base}/ws", params=params, heartbeat=30) as ws:
                    delay = 0.5
                    async for frame in ws:
                        if frame.type is not aiohttp.WSMsgType.TEXT:
                            break
                        msg = json.loads(frame.data)
                        last_seq = max(last_seq or 0, msg["seq"])
                        if msg["type"] == "heartbeat":
                            continue
                        print(line(msg), flush=True)
                        final = msg["type"] in ("completed", "error") or (
                            msg["type"] == "snapshot" and job_id and msg.get("status") in FINAL
                        )
                        if final:
                            return 0 if msg["status"] == "completed" else 1
                    if ws.close_code in (4401, 4403):
                        print(f"refused by the server (close {ws.close_code})", file=sys.stderr)
                        return 2
            except aiohttp.WSServerHandshakeError as exc:
                if exc.status in (401, 403):
                    print(f"refused by the server ({exc.status}): check the token",
                          file=sys.stderr)  # fmt: skip
                    return 2
            except aiohttp.ClientError as exc:
                print(f"connection lost ({exc.__class__.__name__}); retrying in {delay:g} s",
                      file=sys.stderr, flush=True)  # fmt: skip
            else:
                print(f"disconnected; resuming after seq {last_seq} in {delay:g} s",
                      file=sys.stderr, flush=True)  # fmt: skip
            await asyncio.sleep(delay)
            delay = min(delay * 2, max_delay)


async def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8765", help="the server's address")
    parser.add_argument("--token", default=None, help="default: $STORYCLIP_TOKEN or token file")
    parser.add_argument("--job", help="watch this job id")
    parser.add_argument("--submit", metavar="VIDEO", help="submit this video, then watch it")
    parser.add_argument("--clip-seconds", type=float, help="story option for --submit")
    parser.add_argument("--quality", choices=["low", "medium", "high"])
    parser.add_argument("--size", help="1080x1920 or 720x1280")
    args = parser.parse_args(argv)
    token = args.token or default_token()
    if not token:
        parser.error("no token: pass --token, set STORYCLIP_TOKEN, or start the server once")
    base = args.url.rstrip("/")
    job_id = args.job
    if args.submit:
        options = {"clipSeconds": args.clip_seconds, "quality": args.quality, "size": args.size}
        headers = {"Authorization": f"Bearer {token}"}
        async with aiohttp.ClientSession(headers=headers) as http:
            job_id = await submit(http, base, args.submit,
                                  {k: v for k, v in options.items() if v is not None})  # fmt: skip
    return await observe(base, token, job_id)


if __name__ == "__main__":
    try:
        sys.exit(asyncio.run(main()))
    except KeyboardInterrupt:
        sys.exit(130)
