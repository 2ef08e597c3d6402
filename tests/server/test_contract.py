"""The seed's REST + WebSocket contract end to end: real server, real ffmpeg, real clients."""

from __future__ import annotations

import json
from pathlib import Path

import aiohttp

from tests.server.conftest import SMALL, auth, next_json, receive_until, running, wait_until

OPTIONS = {"clipSeconds": 1, "quality": "low", "size": f"{SMALL['width']}x{SMALL['height']}"}


def test_submit_then_watch_with_the_returned_websocket_url(run_async, engine, video) -> None:
    source = video("talk.mp4", seconds=2, size="160x120")

    async def main() -> None:
        async with running(engine) as server, aiohttp.ClientSession() as http:
            watcher = await http.ws_connect(f"{server.url}/ws", headers=auth())
            assert (await next_json(watcher))["jobs"] == []
            async with http.post(f"{server.url}/api/v1/process/story", headers=auth(), json={
                "jobId": "talk-1", "tempPath": str(source), "options": OPTIONS,
            }) as r:  # fmt: skip
                assert r.status == 202, await r.text()
                accepted = await r.json()
            assert accepted["jobId"] == "talk-1" and accepted["status"] == "queued"
            assert accepted["statusUrl"] == f"{server.url}/api/v1/jobs/talk-1/status"
            assert accepted["websocketUrl"].startswith(f"ws://127.0.0.1:{server.port}/ws?")
            # the seed's browser code: new WebSocket(result.websocketUrl), no header
            ws = await http.ws_connect(accepted["websocketUrl"])
            snapshot = await next_json(ws)
            assert snapshot["type"] == "snapshot" and snapshot["jobId"] == "talk-1"
            got = await receive_until(ws, lambda m: m["type"] in ("completed", "error"), 60)
            final = got[-1]
            assert final["type"] == "completed", final
            assert final["event"] == "jobCompleted" and final["progress"] == 100
            assert [c["index"] for c in final["clips"]] == [1, 2]
            assert all(Path(c["path"]).is_file() for c in final["clips"])
            assert {m["phase"] for m in got} >= {"generating", "done"}
            seqs = [snapshot["seq"], *(m["seq"] for m in got)]
            assert seqs == sorted(set(seqs))
            everything = await receive_until(watcher, lambda m: m["type"] == "completed", 10)
            assert everything[0]["event"] == "jobRegistered"
            async with http.get(accepted["statusUrl"], headers=auth()) as r:
                status = await r.json()
            assert status["status"] == "completed" and status["clipsDone"] == 2
            assert status["clipsTotal"] == 2 and status["finishedAt"] >= status["startedAt"]
            assert len(status["clips"]) == 2 and status["outputDir"]
            async with http.get(f"{server.url}/api/v1/jobs/talk-1", headers=auth()) as r:
                job = await r.json()
            assert job["options"]["clip_seconds"] == 1 and len(job["clips"]) == 2
            async with http.post(f"{server.url}/api/v1/jobs/talk-1/cancel", headers=auth()) as r:
                assert r.status == 409
            async with http.get(f"{server.url}/api/ws/stats", headers=auth()) as r:
                stats = await r.json()
            assert stats["live"]["connectedClients"] == 2 and "counts" in stats
            async with http.get(f"{server.url}/metrics", headers=auth()) as r:
                text = await r.text()
            assert r.content_type == "text/plain"
            assert "storyclip_websocket_clients 2" in text
            assert 'storyclip_live_jobs{state="processing"} 0' in text
            await ws.close()
            await watcher.close()

    run_async(main(), timeout=90)


def test_bad_requests_get_clear_json_errors(run_async, engine, tmp_path) -> None:
    empty = tmp_path / "empty.mp4"
    empty.touch()
    text = tmp_path / "notes.mp4"
    text.write_text("not a video")

    async def main() -> None:
        async with running(engine) as server, aiohttp.ClientSession() as http:
            url = f"{server.url}/api/v1/process/story"
            cases = [
                ({}, "invalid_temp_path"),
                ({"tempPath": 42}, "invalid_temp_path"),
                ({"tempPath": "relative/video.mp4"}, "invalid_temp_path"),
                ({"tempPath": str(tmp_path / "missing.mp4")}, "invalid_temp_path"),
                ({"tempPath": str(tmp_path)}, "invalid_temp_path"),
                ({"tempPath": str(empty)}, "invalid_temp_path"),
                ({"tempPath": str(text), "options": {"layout": "sideways"}}, "invalid_options"),
                ({"tempPath": str(text), "options": {"colour": "red"}}, "invalid_options"),
                ({"tempPath": str(text), "options": []}, "invalid_options"),
                ({"tempPath": str(text), "options": {"cuts": "clever"}}, "invalid_options"),
                ({"tempPath": str(text), "options": {"cuts": "smart", "cutWindow": 60}},
                 "invalid_options"),
                # issue 16 item 9: a preset holds its platform limit
                ({"tempPath": str(text), "options": {"preset": "instagram-stories",
                                                     "clipSeconds": 300}}, "invalid_options"),
                ({"tempPath": str(text), "jobId": 7}, "invalid_job_id"),
            ]
            for body, code in cases:
                async with http.post(url, headers=auth(), json=body) as r:
                    answer = await r.json()
                    assert r.status == 400 and answer["error"]["code"] == code, (body, answer)
                    assert str(tmp_path) not in answer["error"]["message"]
            async with http.post(url, headers=auth(), data=b"{not json") as r:
                assert r.status == 400 and (await r.json())["error"]["code"] == "invalid_json"
            async with http.post(url, headers=auth(), data=b"[1]") as r:
                assert r.status == 400
            body = {"tempPath": str(text), "jobId": "same",
                    "options": {"clipSeconds": 2, "cuts": "smart", "loudnorm": True}}
            async with http.post(url, headers=auth(), json=body) as r:
                assert r.status == 202
            async with http.post(url, headers=auth(), json=body) as r:
                assert r.status == 409 and (await r.json())["error"]["code"] == "duplicate_job_id"
            # not a video: the job fails with a code and a human message, as an `error` message
            ws = await http.ws_connect(f"{server.url}/ws?jobId=same", headers=auth())
            got = await receive_until(ws, lambda m: m["type"] in ("error", "completed"), 30)
            assert got[-1]["type"] == "error" and got[-1]["status"] == "failed"
            assert got[-1]["error"]["code"] == "invalid_input" and got[-1]["error"]["message"]
            await ws.close()
            async with http.post(f"{server.url}/api/v1/jobs/same/retry", headers=auth()) as r:
                assert r.status == 202 and (await r.json())["status"] == "queued"
            await wait_until(lambda: engine.manager.get("same").is_final, 30)
            async with http.post(f"{server.url}/api/v1/jobs/nope/retry", headers=auth()) as r:
                assert r.status == 404

    run_async(main(), timeout=90)


def test_jobs_list_pages_filters_and_cancel(run_async, engine, tmp_path) -> None:
    source = tmp_path / "clip.mp4"
    source.write_bytes(b"x" * 100)

    async def main() -> None:
        engine.manager.pause()  # keep them queued
        async with running(engine) as server, aiohttp.ClientSession() as http:
            for i in range(5):
                body = {"jobId": f"j{i}", "tempPath": str(source)}
                async with http.post(f"{server.url}/api/v1/process/story", headers=auth(),
                                     json=body) as r:  # fmt: skip
                    assert r.status == 202
            async with http.post(f"{server.url}/api/v1/jobs/j1/cancel", headers=auth()) as r:
                assert r.status == 202
            async with http.get(f"{server.url}/api/ws/jobs/active", headers=auth()) as r:
                active = await r.json()
            assert active["count"] == 4 and {j["jobId"] for j in active["jobs"]} == {
                "j0", "j2", "j3", "j4"}  # fmt: skip
            seen, cursor = [], None
            while True:
                query = "limit=2" + (f"&cursor={cursor}" if cursor else "")
                async with http.get(f"{server.url}/api/v1/jobs?{query}", headers=auth()) as r:
                    page = await r.json()
                seen += [j["jobId"] for j in page["jobs"]]
                cursor = page["nextCursor"]
                if cursor is None:
                    break
            assert sorted(seen) == [f"j{i}" for i in range(5)] and len(seen) == 5
            async with http.get(f"{server.url}/api/v1/jobs?status=cancelled",
                                headers=auth()) as r:  # fmt: skip
                assert [j["jobId"] for j in (await r.json())["jobs"]] == ["j1"]
            for bad in ("status=sleeping", "limit=0", "limit=x", "cursor=%%%", "since=soon"):
                async with http.get(f"{server.url}/api/v1/jobs?{bad}", headers=auth()) as r:
                    assert r.status == 400, bad
            async with http.get(f"{server.url}/api/ws/info", headers=auth()) as r:
                info = await r.json()
            assert info["websocketUrl"] == f"ws://127.0.0.1:{server.port}/ws"
            assert info["protocolVersion"] == 1 and "heartbeat" in info["messageTypes"]
            assert json.dumps(info)

    run_async(main())


def test_the_old_story_api_flow_with_a_12_s_video_and_default_options(
    run_async, engine, video
) -> None:
    """The seed's client as it was used: POST a 12 s video with no options (15 s clips), then
    watch `/ws?jobId=…` to the end. It used to end in `error` (the one-clip muxer bug)."""
    source = video("story.mp4", seconds=12, size="160x120")

    async def main() -> None:
        async with running(engine) as server, aiohttp.ClientSession() as http:
            async with http.post(f"{server.url}/api/v1/process/story", headers=auth(),
                                 json={"jobId": "story-12", "tempPath": str(source)}) as r:
                assert r.status == 202, await r.text()  # fmt: skip
            ws = await http.ws_connect(f"{server.url}/ws?jobId=story-12", headers=auth())
            got = await receive_until(ws, lambda m: m["type"] in ("completed", "error"), 120)
            final = got[-1]
            assert final["type"] == "completed", final
            [clip] = final["clips"]
            assert (clip["start"], clip["end"]) == (0, 12) and Path(clip["path"]).is_file()
            await ws.close()

    run_async(main(), timeout=150)


def test_setup_notices_are_in_ws_info_once(run_async, engine) -> None:
    message = "The ffmpeg at /opt/ff failed the self-test: x. Jobs use the bundled ffmpeg."
    engine.manager.notice(message)
    engine.manager.notice(message)  # said once

    async def main() -> None:
        async with running(engine) as server, aiohttp.ClientSession() as http:
            async with http.get(f"{server.url}/api/ws/info", headers=auth()) as r:
                assert (await r.json())["notices"] == [message]
            async with http.get(f"{server.url}/api/health") as r:  # public: no local paths
                assert "notices" not in await r.json()

    run_async(main(), timeout=30)
