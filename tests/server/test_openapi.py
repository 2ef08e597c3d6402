"""GET /api/openapi.json stays true: every route documented, every operation as documented."""

from __future__ import annotations

import re
from typing import Any

import aiohttp

from storyclip_gui.server.routes import ROUTES
from tests.server.conftest import auth, make_job, running

METHODS = {"get", "post", "put", "patch", "delete"}


def _required(schema: dict[str, Any], doc: dict[str, Any]) -> list[str]:
    if "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return list(schema.get("required", []))


def test_openapi_matches_the_router_and_the_answers(run_async, engine, tmp_path) -> None:
    source = tmp_path / "video.mp4"
    source.write_bytes(b"x" * 10)
    done = make_job("done1")
    engine.store.add(done)

    async def main() -> None:
        engine.manager.pause()
        async with running(engine) as server, aiohttp.ClientSession() as http:
            async with http.get(f"{server.url}/api/openapi.json") as r:
                assert r.status == 200
                doc = await r.json()
            assert doc["openapi"].startswith("3.")
            app_routes = {
                (route.method.lower(), route.resource.canonical)
                for route in server.app.router.routes()
                if route.method != "HEAD" and route.resource is not None
            }
            documented = {(method, path) for path, item in doc["paths"].items()
                          for method in item if method in METHODS}  # fmt: skip
            assert app_routes == documented
            assert {(r.method.lower(), r.path) for r in ROUTES} == documented
            # call each documented operation once, as its documentation says
            bodies = {"/api/v1/process/story": {"jobId": "fresh", "tempPath": str(source)},
                      "/api/v1/tickets": {"jobId": "fresh"},
                      "/api/v1/webhooks": {"url": "http://127.0.0.1:9/hook"}}  # fmt: skip
            values = {"jobId": "fresh", "webhookId": "0" * 32}
            order = sorted(documented, key=lambda mp: (mp[0] != "post" or "process" not in mp[1],
                                                       "cancel" in mp[1]))  # fmt: skip
            for method, path in order:
                operation = doc["paths"][path][method]
                url = server.url + re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], path)
                if path.endswith("/retry"):
                    url = url.replace("fresh", "done1")
                    engine.manager.adopt(done)
                if path == "/ws":
                    ws = await http.ws_connect(url, headers=auth())
                    assert "101" in operation["responses"]
                    await ws.close()
                    continue
                async with http.request(method, url, headers=auth(),
                                        json=bodies.get(path)) as r:  # fmt: skip
                    status = str(r.status)
                    assert status in operation["responses"], (method, path, status)
                    content = operation["responses"][status].get("content", {})
                    if "application/json" in content:
                        data = await r.json()
                        schema = content["application/json"]["schema"]
                        missing = [k for k in _required(schema, doc) if k not in data]
                        assert not missing, (method, path, missing)
                    else:
                        assert r.content_type in content, (method, path, r.content_type)

    run_async(main())


def test_dashboard_is_one_static_page_with_a_strict_policy(run_async, engine) -> None:
    async def main() -> None:
        async with running(engine) as server, aiohttp.ClientSession() as http:
            async with http.get(f"{server.url}/") as r:
                assert r.status == 200 and r.content_type == "text/html"
                page = await r.text()
                policy = r.headers["Content-Security-Policy"]
            assert "frame-ancestors 'none'" in policy and "connect-src 'self'" in policy
            assert "?since=" in page and '"auth"' in page and "<script src" not in page

    run_async(main())
