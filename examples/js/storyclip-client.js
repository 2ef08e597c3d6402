// StoryClip Studio observer client for browsers and Node 20+ (no dependencies, no build step).
// watchJob(url, token, onUpdate) follows one job (or all jobs) over the WebSocket API of
// docs/api.md and reconnects with `?since=<last seq>` so no message is lost or repeated.

/**
 * @typedef {"queued"|"processing"|"completed"|"failed"|"cancelled"|"interrupted"} JobStatus
 *
 * @typedef {Object} ClipInfo
 * @property {number} index
 * @property {string} path
 * @property {number} start
 * @property {number} end
 * @property {number} duration
 * @property {number} size
 * @property {string} state
 *
 * @typedef {Object} JobMessage  One WebSocket message (docs/api.md, "WebSocket").
 * @property {"snapshot"|"status"|"completed"|"error"|"heartbeat"} type
 * @property {number} seq            global, strictly increasing
 * @property {string|null} jobId
 * @property {JobStatus|null} status
 * @property {number|null} progress  0-100
 * @property {string|null} phase
 * @property {string|null} message   e.g. "Generated 3 of 8 clips"
 * @property {number|null} updatedAt
 * @property {string} [event]        "jobRegistered" | "jobUpdated" | "clipCompleted" | "jobCompleted"
 * @property {number} [clipsDone]
 * @property {number} [clipsTotal]
 * @property {number|null} [speed]
 * @property {number|null} [etaSeconds]
 * @property {{code: string, message: string}|null} [error]
 * @property {ClipInfo[]} [clips]
 * @property {string|null} [outputDir]
 * @property {boolean} [resync]      a snapshot sent because `since` could not be served
 * @property {Object[]} [jobs]       snapshot: every job watched
 *
 * @typedef {Object} WatchOptions
 * @property {number} [since]             resume after this seq (e.g. kept across page loads)
 * @property {boolean} [heartbeats=false] also pass heartbeat messages to onUpdate
 * @property {number} [minDelayMs=500]    first reconnect delay; doubles up to maxDelayMs
 * @property {number} [maxDelayMs=10000]
 * @property {(state: ConnectionState) => void} [onConnection]  connection changes
 * @property {typeof WebSocket} [WebSocket]  an implementation (default: the global one)
 *
 * @typedef {Object} ConnectionState
 * @property {"connecting"|"open"|"reconnecting"|"closed"} state
 * @property {string} url      the URL of this attempt (with `since` when resuming)
 * @property {number} attempt  1 for the first connection
 * @property {number} [code]   the close code that ended the previous connection
 *
 * @typedef {Object} JobWatch
 * @property {Promise<JobMessage|null>} done  the final message (completed/error, or a snapshot
 *   of a finished job); null when closed by close(); rejects on a refused token or ticket
 * @property {() => void} close  stop watching (no reconnect)
 * @property {() => number|null} lastSeq
 * @property {() => WebSocket|null} socket  the current socket (tests, diagnostics)
 */

const FINAL = new Set(["completed", "failed", "cancelled"]);
// 4401 wrong token, 4403 ticket for another job, 4408 no auth in time, 1008 policy: retrying
// with the same credentials cannot help
const FATAL_CLOSE = new Set([4401, 4403, 1008]);

/**
 * Watch a job over the StoryClip WebSocket.
 *
 * @param {string} url  `ws://HOST:PORT/ws?jobId=ID` (one job), `ws://HOST:PORT/ws` (every job),
 *   or the `websocketUrl` a submit returned (it carries a 5-minute ticket). http(s) URLs are
 *   turned into ws(s).
 * @param {string|null} token  the server token, sent as the first message (browsers cannot set
 *   headers); null to rely on the ticket in `url` (reconnects after 5 minutes then fail).
 * @param {(message: JobMessage) => void} onUpdate  called once per message, in seq order
 * @param {WatchOptions} [options]
 * @returns {JobWatch}
 */
export function watchJob(url, token, onUpdate, options = {}) {
  const Impl = options.WebSocket ?? globalThis.WebSocket;
  if (typeof Impl !== "function") {
    throw new Error("no WebSocket: use a browser, Node 22+, or node --experimental-websocket");
  }
  const base = new URL(url.replace(/^http/, "ws"));
  if (token) base.searchParams.delete("ticket"); // a ticket expires; the token does not
  const minDelay = options.minDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 10000;
  const watchedJob = base.searchParams.get("jobId");
  /** @type {number|null} */
  let lastSeq = options.since ?? null;
  /** @type {WebSocket|null} */
  let ws = null;
  let stopped = false;
  let attempt = 0;
  let delay = minDelay;
  /** @type {ReturnType<typeof setTimeout>|null} */
  let timer = null;
  /** @type {(m: JobMessage|null) => void} */
  let resolveDone = () => {};
  /** @type {(e: Error) => void} */
  let rejectDone = () => {};
  const done = new Promise((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });

  const report = (/** @type {ConnectionState} */ state) => options.onConnection?.(state);

  const finish = (/** @type {JobMessage|null} */ final, /** @type {Error} */ error) => {
    if (stopped) return;
    stopped = true;
    if (timer) clearTimeout(timer);
    if (ws && ws.readyState <= 1) ws.close(1000);
    report({ state: "closed", url: base.toString(), attempt });
    if (error) rejectDone(error);
    else resolveDone(final);
  };

  const connect = (/** @type {number|undefined} */ lastCode) => {
    attempt += 1;
    const target = new URL(base);
    if (lastSeq !== null) target.searchParams.set("since", String(lastSeq));
    report({ state: attempt === 1 ? "connecting" : "reconnecting", url: target.toString(),
             attempt, code: lastCode });
    const socket = new Impl(target.toString());
    ws = socket;
    socket.onopen = () => {
      if (token) socket.send(JSON.stringify({ type: "auth", token }));
      report({ state: "open", url: target.toString(), attempt });
    };
    socket.onmessage = (event) => {
      if (typeof event.data !== "string") return;
      /** @type {JobMessage} */
      const msg = JSON.parse(event.data);
      delay = minDelay; // a working connection resets the back-off
      if (msg.type === "heartbeat") {
        if (typeof msg.seq === "number" && (lastSeq === null || msg.seq > lastSeq)) {
          lastSeq = msg.seq;
        }
        if (options.heartbeats) onUpdate(msg);
        return;
      }
      if (msg.type !== "snapshot" && lastSeq !== null && msg.seq <= lastSeq) return; // seen
      if (typeof msg.seq === "number" && (lastSeq === null || msg.seq > lastSeq)) lastSeq = msg.seq;
      onUpdate(msg);
      const finalSnapshot = msg.type === "snapshot" && watchedJob && FINAL.has(msg.status ?? "");
      if (msg.type === "completed" || msg.type === "error" || finalSnapshot) finish(msg);
    };
    socket.onclose = (event) => {
      if (socket !== ws || stopped) return;
      if (FATAL_CLOSE.has(event.code)) {
        finish(null, new Error(`StoryClip refused the connection (close ${event.code}` +
                               `${event.reason ? `: ${event.reason}` : ""})`));
        return;
      }
      timer = setTimeout(() => connect(event.code), delay);
      delay = Math.min(delay * 2, maxDelay);
    };
    socket.onerror = () => {}; // a close event follows; reconnecting is decided there
  };

  connect(undefined);
  return {
    done,
    close: () => finish(null),
    lastSeq: () => lastSeq,
    socket: () => ws,
  };
}

/**
 * Submit a video for processing (POST /api/v1/process/story) with the token.
 *
 * @param {string} baseUrl  e.g. "http://127.0.0.1:8765"
 * @param {string} token
 * @param {string} tempPath  absolute path of the video on the server's machine
 * @param {Object} [options]  story options: clipSeconds, quality, layout, size, preset, ...
 * @param {string} [jobId]
 * @returns {Promise<{jobId: string, status: string, statusUrl: string, websocketUrl: string,
 *   ticketExpiresAt: number}>}
 */
export async function submitStory(baseUrl, token, tempPath, options = {}, jobId = undefined) {
  const response = await fetch(`${baseUrl}/api/v1/process/story`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ tempPath, options, ...(jobId ? { jobId } : {}) }),
  });
  const body = await response.json();
  if (!response.ok) {
    throw new Error(`${response.status} ${body.error?.code}: ${body.error?.message}`);
  }
  return body;
}
