"""The OpenAPI 3.1 document of the REST API (tests/server/test_openapi.py keeps it true)."""

from __future__ import annotations

from typing import Any

_JOB_ID = {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$"}
_NUM_OR_NULL = {"type": ["number", "null"]}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*statuses: int) -> dict[str, Any]:
    words = {400: "Invalid input", 401: "Missing or wrong token", 403: "Host, Origin or scope "
             "refused", 404: "No such job", 408: "Body not received in time",
             409: "Conflict with the job's state or id", 413: "Body larger than 64 KiB",
             429: "The queue is full (max_queued_jobs); see Retry-After",
             503: "History unavailable or too many connections"}  # fmt: skip
    return {str(s): _json(_ref("Error"), words[s]) for s in statuses}


_JOB_PATH_PARAM = {"name": "jobId", "in": "path", "required": True, "schema": _JOB_ID}
# observe: the token, or a read-only ticket for this job; control: the token only
_OBSERVE: list[dict[str, list[str]]] = [{"bearer": []}]
_CONTROL: list[dict[str, list[str]]] = [{"bearer": []}]


_WEBHOOK_ID = {"name": "webhookId", "in": "path", "required": True,
               "schema": {"type": "string", "pattern": "^[0-9a-f]{32}$"}}  # fmt: skip
_WEBHOOK_EVENT = {"type": "string", "enum": ["*", "jobRegistered", "jobCompleted", "jobFailed",
                                             "jobCancelled", "clipVerified", "queueFinished"]}
_WEBHOOK_SUMMARY = {
    "type": "object", "required": ["pending", "dead", "lastState"],
    "properties": {"pending": {"type": "integer"}, "dead": {"type": "integer"},
                   "lastState": {"type": ["string", "null"], "enum": ["delivered", "failed", None]},
                   "lastAt": _NUM_OR_NULL, "lastError": {"type": ["string", "null"]}},
}
_WEBHOOK_SCHEMAS: dict[str, Any] = {
    "Webhook": {
        "type": "object",
        "required": ["id", "url", "events", "enabled", "createdAt"],
        "properties": {"id": {"type": "string"}, "url": {"type": "string"},
                       "events": {"type": "array", "items": _WEBHOOK_EVENT},
                       "enabled": {"type": "boolean", "description": "off: no new deliveries; "
                                   "pending ones wait until it is on again"},
                       "createdAt": {"type": "number"},
                       "deliveries": {**_WEBHOOK_SUMMARY, "description": "in the list only: "
                                      "how its deliveries stand"},
                       "secret": {"type": "string", "description": "only in the answer to "
                                  "its creation: the key of the HMAC-SHA256 signatures"}},
    },
    "Delivery": {
        "type": "object",
        "required": ["id", "webhookId", "event", "state", "attempts"],
        "properties": {"id": {"type": "string", "description": "also the Idempotency-Key"},
                       "webhookId": {"type": "string"}, "event": {"type": "string"},
                       "state": {"type": "string", "enum": ["pending", "delivered", "dead"]},
                       "attempts": {"type": "integer"}, "nextAt": {"type": "number"},
                       "lastError": {"type": ["string", "null"]},
                       "createdAt": {"type": "number"}, "deliveredAt": _NUM_OR_NULL,
                       "lastAttemptAt": _NUM_OR_NULL},
    },
}  # fmt: skip


def _webhook_paths() -> dict[str, Any]:
    """Webhook subscriptions: token only (docs/webhooks.md)."""
    return {
        "/api/v1/webhooks": {
            "get": {
                "summary": "Webhook subscriptions (without their secrets).",
                "security": _CONTROL,
                "responses": {"200": _json({"type": "object", "required": ["webhooks"],
                                            "properties": {"webhooks": {"type": "array",
                                                           "items": _ref("Webhook")}}},
                                           "The subscriptions"), **_errors(401, 403, 503)},
            },
            "post": {
                "summary": "Subscribe a URL to events; the answer holds the signing secret.",
                "security": _CONTROL,
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["url"],
                    "properties": {"url": {"type": "string", "format": "uri"},
                                   "events": {"type": "array", "items": _WEBHOOK_EVENT},
                                   "secret": {"type": "string", "minLength": 16,
                                              "maxLength": 256},
                                   "enabled": {"type": "boolean", "default": True}}}}}},
                "responses": {"201": _json(_ref("Webhook"), "Subscribed"),
                              **_errors(400, 401, 403, 408, 413, 503)},
            },
        },
        "/api/v1/webhooks/{webhookId}": {
            "patch": {
                "summary": "Change the URL, the events, or turn it on or off.",
                "security": _CONTROL, "parameters": [_WEBHOOK_ID],
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object",
                    "properties": {"url": {"type": "string", "format": "uri"},
                                   "events": {"type": "array", "items": _WEBHOOK_EVENT},
                                   "enabled": {"type": "boolean"}}}}}},
                "responses": {"200": _json(_ref("Webhook"), "Changed"),
                              **_errors(400, 401, 403, 404, 408, 413, 503)},
            },
            "delete": {
                "summary": "Unsubscribe (pending deliveries are dropped).", "security": _CONTROL,
                "parameters": [_WEBHOOK_ID],
                "responses": {"200": _json({"type": "object", "required": ["deleted"]},
                                           "Deleted"), **_errors(401, 403, 404, 503)},
            },
        },
        "/api/v1/webhooks/{webhookId}/secret": {"post": {
            "summary": "A new signing secret (the old one stops signing); shown in this answer "
                       "only.", "security": _CONTROL, "parameters": [_WEBHOOK_ID],
            "responses": {"200": _json(_ref("Webhook"), "The webhook with its new secret"),
                          **_errors(401, 403, 404, 503)},
        }},
        "/api/v1/webhooks/{webhookId}/test": {"post": {
            "summary": "Queue a signed webhookTest delivery to this webhook.",
            "security": _CONTROL, "parameters": [_WEBHOOK_ID],
            "responses": {"202": _json(_ref("Delivery"), "Queued"),
                          **_errors(401, 403, 404, 409, 503)},
        }},
        "/api/v1/webhooks/{webhookId}/deliveries": {"get": {
            "summary": "The newest deliveries of a subscription, with their state.",
            "security": _CONTROL, "parameters": [_WEBHOOK_ID],
            "responses": {"200": _json({"type": "object", "required": ["deliveries"],
                                        "properties": {"deliveries": {"type": "array",
                                                       "items": _ref("Delivery")}}},
                                       "Deliveries"), **_errors(401, 403, 404, 503)},
        }},
    }  # fmt: skip


_WHEN_DONE_SCHEMAS: dict[str, Any] = {
    "WhenDone": {
        "type": "object", "required": ["action", "countdownSeconds", "commandSet", "state"],
        "properties": {
            "action": {"enum": ["nothing", "command", "sleep", "shutdown"]},
            "countdownSeconds": {"type": "integer", "minimum": 0},
            "commandSet": {"type": "boolean"},
            "state": {"type": "object", "required": ["action", "phase"], "properties": {
                "action": {"type": "string"},
                "phase": {"enum": ["idle", "countdown", "running"]},
                "remaining": {"type": ["integer", "null"]},
                "message": {"type": ["string", "null"]},
                "ok": {"type": ["boolean", "null"]}}},
        },
    },
}  # fmt: skip


def _when_done_paths() -> dict[str, Any]:
    """The action when the queue is done (docs/api.md, "When the queue is done")."""
    return {
        "/api/v1/when-done": {
            "get": {
                "summary": "The action when the queue is done, and its countdown if one runs.",
                "security": _OBSERVE,
                "responses": {"200": _json(_ref("WhenDone"), "The action"),
                              **_errors(401, 403, 503)},
            },
            "put": {
                "summary": "Choose the action (nothing, command, sleep, shutdown) and the "
                           "countdown; the command itself is set on the computer only.",
                "security": _CONTROL,
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object",
                    "properties": {"action": {"enum": ["nothing", "command", "sleep",
                                                       "shutdown"]},
                                   "countdownSeconds": {"type": "integer", "minimum": 0,
                                                        "maximum": 86400}}}}}},
                "responses": {"200": _json(_ref("WhenDone"), "The action now"),
                              **_errors(400, 401, 403, 408, 413, 503)},
            },
        },
        "/api/v1/when-done/cancel": {"post": {
            "summary": "Cancel a sleep or shutdown countdown (cancelled: false when none ran).",
            "security": _CONTROL,
            "responses": {"200": _json({"type": "object", "required": ["cancelled", "action",
                                                                       "state"]},
                                       "Cancelled or not"), **_errors(401, 403, 503)},
        }},
    }  # fmt: skip


def openapi_document(version: str) -> dict[str, Any]:
    schemas: dict[str, Any] = {
        "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {"error": {"type": "object", "required": ["code", "message"],
                                     "properties": {"code": {"type": "string"},
                                                    "message": {"type": "string"}}}},
        },
        "Eta": {
            "type": ["object", "null"],
            "description": "Learned finish estimate, seconds from now: P50 (as likely sooner "
                           "as later) and P90 (later only one time in ten). basis: history, "
                           "live (ffmpeg's speed, no history yet) or history+live.",
            "required": ["p50Seconds", "p90Seconds", "basis"],
            "properties": {"p50Seconds": {"type": "number"}, "p90Seconds": {"type": "number"},
                           "basis": {"type": "string",
                                     "enum": ["history", "live", "history+live"]},
                           "unknownJobs": {"type": "integer"}},
        },
        "JobError": {
            "type": ["object", "null"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        },
        "Clip": {
            "type": "object",
            "properties": {
                "index": {"type": "integer"}, "path": {"type": "string"},
                "start": {"type": "number"}, "end": {"type": "number"},
                "duration": _NUM_OR_NULL, "size": {"type": ["integer", "null"]},
                "state": {"type": "string", "enum": ["planned", "verified", "failed"]},
                "worker": {"type": ["string", "null"],
                           "description": "who renders or rendered it: 'local' or a cluster "
                                          "worker's name (live only, not kept in history)"},
                "speed": _NUM_OR_NULL, "renderedSeconds": {"type": "number"},
                "cut": {"oneOf": [{"type": "null"}, _ref("ClipCut")]},
                "qc": {"oneOf": [{"type": "null"}, _ref("ClipQc")]},
            },
        },
        "ClipCut": {
            "type": "object",
            "description": "Smart cuts: where fixed cuts would have put the clip's boundaries and "
                           "why they moved (null: not moved), e.g. \"silence at 14.6 s\", "
                           "\"scene change at 29.1 s\".",
            "required": ["nominalStart", "nominalEnd", "startReason", "endReason"],
            "properties": {"nominalStart": {"type": "number"}, "nominalEnd": {"type": "number"},
                           "startReason": {"type": ["string", "null"]},
                           "endReason": {"type": ["string", "null"]}},
        },
        "ClipQc": {
            "type": "object",
            "description": "The clip checked against its preset's platform rules after "
                           "verification: fail (the platform refuses it), warn, pass.",
            "required": ["status", "platform", "checks"],
            "properties": {
                "status": {"type": "string", "enum": ["pass", "warn", "fail"]},
                "platform": {"type": "string", "description": "preset id, or generic"},
                "loudness": {**_NUM_OR_NULL, "description": "integrated, LUFS (EBU R128)"},
                "truePeak": {**_NUM_OR_NULL, "description": "dBTP"},
                "checks": {"type": "array", "items": {
                    "type": "object", "required": ["check", "status", "message"],
                    "properties": {
                        "check": {"type": "string", "enum": ["duration", "resolution", "fps",
                                                             "size", "bitrate", "audio",
                                                             "loudness"]},
                        "status": {"type": "string", "enum": ["pass", "warn", "fail"]},
                        "message": {"type": "string"}, "value": {}, "limit": {}}}},
            },
        },
        "JobStatus": {
            "type": "object",
            "required": ["jobId", "status", "progress", "phase", "message", "updatedAt",
                         "clipsDone", "clipsTotal", "speed", "etaSeconds", "error",
                         "createdAt", "startedAt", "finishedAt"],
            "properties": {
                "jobId": _JOB_ID,
                "status": {"type": "string", "enum": ["queued", "processing", "completed",
                                                      "failed", "cancelled", "interrupted"]},
                "progress": {"type": "number", "minimum": 0, "maximum": 100},
                "phase": {"type": "string", "enum": ["waiting", "starting", "preparing",
                                                     "analysing", "generating", "finalizing",
                                                     "done"]},
                "message": {"type": "string"},
                "sourceName": {"type": "string"},
                "clipsDone": {"type": "integer"}, "clipsTotal": {"type": "integer"},
                "speed": _NUM_OR_NULL, "etaSeconds": _NUM_OR_NULL,
                "eta": _ref("Eta"),
                "error": _ref("JobError"),
                "attempts": {"type": "integer"},
                "createdAt": {"type": "number"}, "startedAt": _NUM_OR_NULL,
                "finishedAt": _NUM_OR_NULL, "updatedAt": {"type": "number"},
                "outputDir": {"type": ["string", "null"]},
                "clips": {"type": "array", "items": _ref("Clip"),
                          "description": "Present once the job is completed."},
                "rendering": {"type": "array", "description": "While processing: the clips "
                              "being rendered now and the worker rendering each ('local' or "
                              "a Dask worker).", "items": {"type": "object", "properties": {
                                  "index": {"type": "integer"},
                                  "worker": {"type": "string"},
                                  "renderedSeconds": {"type": "number"},
                                  "speed": _NUM_OR_NULL}}},
            },
        },
        "Job": {
            "type": "object",
            "description": "The full job: status fields plus source, options and clips.",
            "required": ["jobId", "source", "status", "progress", "options", "clips"],
            "properties": {"jobId": _JOB_ID, "source": {"type": "string"},
                           "status": {"type": "string"}, "progress": {"type": "number"},
                           "options": {"type": "object"}, "error": _ref("JobError"),
                           "clips": {"type": "array", "items": _ref("Clip")},
                           "framing": {"type": ["object", "null"], "description":
                                       "smart layout: the crop path found (halfWidth, modes, "
                                       "span, knots [time, centre] as shares of the width)"},
                           "encoder": {"type": ["string", "null"], "description":
                                       "the encoder the job's clips are (or were last) made "
                                       "with: libx264, h264_nvenc, ..., copy; null before one "
                                       "ran (docs/encoders.md)"}},
        },
        "JobSummary": {
            "type": "object",
            "description": "A job in a history page: the full job without its clip list.",
            "required": ["jobId", "source", "status", "progress", "options"],
            "properties": {"jobId": _JOB_ID, "source": {"type": "string"},
                           "status": {"type": "string"}, "progress": {"type": "number"},
                           "options": {"type": "object"}, "error": _ref("JobError")},
        },
        "Accepted": {
            "type": "object",
            "required": ["jobId", "status", "statusUrl", "websocketUrl"],
            "properties": {
                "jobId": _JOB_ID, "status": {"type": "string"},
                "statusUrl": {"type": "string", "format": "uri"},
                "websocketUrl": {"type": "string", "format": "uri", "description":
                                 "ws:// URL with a short-lived read-only ticket for this job"},
                "ticketExpiresAt": {"type": "number"},
            },
        },
    }
    paths: dict[str, Any] = {
        "/": {"get": {
            "summary": "The web dashboard (one HTML page; give it the token once).",
            "security": [],
            "responses": {"200": {"description": "HTML",
                                  "content": {"text/html": {"schema": {"type": "string"}}}}},
        }},
        "/api/health": {"get": {
            "summary": "Liveness (no token needed).", "security": [],
            "responses": {"200": _json({"type": "object", "required": ["status", "version"],
                                        "properties": {
                                            "status": {"enum": ["ok", "degraded"]},
                                            "version": {"type": "string"},
                                            "uptimeSeconds": {"type": "number"},
                                            "reasons": {"type": "array", "items": {
                                                "type": "object",
                                                "required": ["code", "message"],
                                                "properties": {
                                                    "code": {"enum": ["history_in_memory",
                                                                      "history_not_written"]},
                                                    "message": {"type": "string"}}}}}},
                                       "The server runs; `degraded` when the job history is "
                                       "not being kept (`reasons` says why)")},
        }},
        "/api/openapi.json": {"get": {
            "summary": "This document.", "security": [],
            "responses": {"200": _json({"type": "object", "required": ["openapi", "paths"]},
                                       "OpenAPI 3.1")},
        }},
        "/metrics": {"get": {
            "summary": "Prometheus text: jobs by state, clips, failures by code, speed, "
                       "WebSocket clients.", "security": _OBSERVE,
            "responses": {"200": {"description": "Prometheus exposition format 0.0.4",
                                  "content": {"text/plain": {"schema": {"type": "string"}}}},
                          **_errors(401)},
        }},
        "/api/v1/process/story": {"post": {
            "summary": "Register a job (the seed's entry point).", "security": _CONTROL,
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["tempPath"],
                "properties": {
                    "jobId": _JOB_ID,
                    "tempPath": {"type": "string", "description": "absolute path of an "
                                 "existing regular file on the server's machine"},
                    "options": {"type": "object", "description": "quality, clipSeconds, "
                                "layout, size, preset, trimStart, trimEnd, maxClips, audio, "
                                "nameTemplate, fastCopy, cuts (fixed|smart), cutWindow "
                                "(seconds, 0-10), loudnorm (true|false), encoder "
                                "(auto|x264|nvenc|vaapi|qsv|videotoolbox)",
                                "properties": {
                                    # smart: the 9:16 crop follows the subject (smart framing)
                                    "layout": {"type": "string",
                                               "enum": ["crop", "blur", "fit", "smart"]},
                                    "encoder": {"type": "string", "enum": [
                                        "auto", "x264", "nvenc", "vaapi", "qsv",
                                        "videotoolbox"]},
                                }},
                }}}}},
            "responses": {"202": _json(_ref("Accepted"), "Registered and queued"),
                          **_errors(400, 401, 403, 408, 409, 413, 429, 503)},
        }},
        "/api/v1/jobs": {"get": {
            "summary": "Jobs from the history, newest first, keyset-paged.",
            "security": _OBSERVE,
            "parameters": [
                {"name": "status", "in": "query", "schema": {"type": "string"},
                 "description": "comma-separated states"},
                {"name": "since", "in": "query", "schema": {"type": "number"},
                 "description": "created at or after (epoch seconds)"},
                {"name": "until", "in": "query", "schema": {"type": "number"}},
                {"name": "search", "in": "query", "schema": {"type": "string"}},
                {"name": "limit", "in": "query",
                 "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 50}},
                {"name": "cursor", "in": "query", "schema": {"type": "string"},
                 "description": "nextCursor of the previous page"},
            ],
            "responses": {"200": _json({"type": "object", "required": ["jobs", "nextCursor"],
                                        "properties": {"jobs": {"type": "array",
                                                                "items": _ref("JobSummary")},
                                                       "nextCursor": {"type": ["string",
                                                                               "null"]}}},
                                       "A page of jobs (without clip lists)"),
                          **_errors(400, 401, 503)},
        }},
        "/api/v1/jobs/{jobId}": {"get": {
            "summary": "One job with its clips.", "security": _OBSERVE,
            "parameters": [_JOB_PATH_PARAM],
            "responses": {"200": _json(_ref("Job"), "The job"), **_errors(400, 401, 403, 404)},
        }},
        "/api/v1/jobs/{jobId}/status": {"get": {
            "summary": "A job's state, progress, phase, message, clips, speed, ETA, error and "
                       "timestamps (the seed's status).", "security": _OBSERVE,
            "parameters": [_JOB_PATH_PARAM],
            "responses": {"200": _json(_ref("JobStatus"), "The status"),
                          **_errors(400, 401, 403, 404)},
        }},
        "/api/v1/jobs/{jobId}/cancel": {"post": {
            "summary": "Cancel a queued or running job.", "security": _CONTROL,
            "parameters": [_JOB_PATH_PARAM],
            "responses": {"202": _json({"type": "object", "required": ["jobId", "status"]},
                                       "Cancelling"), **_errors(400, 401, 403, 404, 409)},
        }},
        "/api/v1/jobs/{jobId}/retry": {"post": {
            "summary": "Queue a failed, cancelled or interrupted job again.",
            "security": _CONTROL, "parameters": [_JOB_PATH_PARAM],
            "responses": {"202": _json(_ref("Accepted"), "Queued again"),
                          **_errors(400, 401, 403, 404, 409, 429)},
        }},
        "/api/v1/tickets": {"post": {
            "summary": "A short-lived read-only WebSocket ticket (one job, or all jobs).",
            "security": _CONTROL,
            "requestBody": {"required": False, "content": {"application/json": {"schema": {
                "type": "object", "properties": {"jobId": _JOB_ID}}}}},
            "responses": {"201": _json({"type": "object", "required": ["ticket", "expiresAt",
                                                                       "websocketUrl"]},
                                       "The ticket"), **_errors(400, 401, 403, 404, 408)},
        }},
        "/api/ws/info": {"get": {
            "summary": "WebSocket URL, protocol version, message types, connected clients.",
            "security": _OBSERVE,
            "responses": {"200": _json({"type": "object", "required": [
                "websocketUrl", "protocolVersion", "messageTypes", "connectedClients"],
                "properties": {"notices": {"type": "array", "items": {"type": "string"}}}},
                "WebSocket facts"), **_errors(401)},
        }},
        "/api/ws/jobs/active": {"get": {
            "summary": "Jobs queued, processing or interrupted now.", "security": _OBSERVE,
            "responses": {"200": _json({"type": "object", "required": ["jobs", "count"],
                                        "properties": {"jobs": {"type": "array", "items":
                                                                _ref("JobStatus")}}},
                                       "Active jobs"), **_errors(401)},
        }},
        "/api/ws/stats": {"get": {
            "summary": "History statistics plus live counts.", "security": _OBSERVE,
            "responses": {"200": _json({"type": "object", "required": [
                "counts", "clipsGenerated", "failuresByCode", "meanSpeed", "live"]},
                "Statistics"), **_errors(401, 503)},
        }},
        "/ws": {"get": {
            "summary": "WebSocket upgrade: every job, or one job with ?jobId=. Messages: "
                       "snapshot, status, completed, error, heartbeat (see docs/api.md).",
            "security": _OBSERVE,
            "parameters": [
                {"name": "jobId", "in": "query", "schema": _JOB_ID},
                {"name": "since", "in": "query", "schema": {"type": "integer", "minimum": 0},
                 "description": "replay the messages after this seq"},
                {"name": "ticket", "in": "query", "schema": {"type": "string"},
                 "description": "read-only ticket (from websocketUrl or POST /api/v1/tickets)"},
            ],
            "responses": {"101": {"description": "Switching protocols"},
                          **_errors(400, 401, 403, 404, 503)},
        }},
    }  # fmt: skip
    return {
        "openapi": "3.1.0",
        "info": {"title": "StoryClip Studio observer API", "version": version,
                 "description": "Local REST and WebSocket API. Send the token from the data "
                 "folder's server-token file as `Authorization: Bearer TOKEN`."},
        "servers": [{"url": "http://127.0.0.1:8765"}],
        "security": _OBSERVE,
        "paths": {**paths, **_webhook_paths(), **_when_done_paths()},
        "components": {"schemas": {**schemas, **_WEBHOOK_SCHEMAS, **_WHEN_DONE_SCHEMAS},
                       "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
    }  # fmt: skip
