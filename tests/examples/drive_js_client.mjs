// Drives examples/js against a real server: node [--experimental-websocket] drive_js_client.mjs
//   BASE_URL TOKEN VIDEO EXAMPLES_JS_DIR  → one JSON line with what it saw.
const [base, token, video, dir] = process.argv.slice(2);
const { watchJob, submitStory } = await import(`${dir}/storyclip-client.js`);
const { createUseStoryClipJob } = await import(`${dir}/useStoryClipJob.js`);
const options = { clipSeconds: 1, quality: "low", size: "720x1280" };

// 1. watchJob on a submitted job; its socket is cut once mid-job: it must resume with `since`
const submitted = await submitStory(base, token, video, options, "js-client");
const seen = [];
const connections = [];
let cut = false;
const watch = watchJob(submitted.websocketUrl, token, (msg) => {
  seen.push({ type: msg.type, seq: msg.seq, status: msg.status, progress: msg.progress });
  if (!cut && msg.type === "status") {
    cut = true;
    watch.socket().close(); // as a network drop would
  }
}, { minDelayMs: 50, onConnection: (c) => connections.push(c) });
const final = await watch.done;

// 2. the React hook with a minimal stand-in for React (state cell + effects run once)
const states = [];
const fakeReact = {
  useState(initial) {
    let value = initial;
    const set = (next) => {
      value = typeof next === "function" ? next(value) : next;
      states.push(value);
    };
    return [value, set];
  },
  useEffect(effect) { fakeReact.cleanup = effect(); },
};
const useStoryClipJob = createUseStoryClipJob(fakeReact, { baseUrl: base, token: () => token });
await submitStory(base, token, video, options, "js-hook");
useStoryClipJob("js-hook");
const deadline = Date.now() + 60000;
while (!states.at(-1)?.done && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
fakeReact.cleanup();
const hookFinal = states.at(-1);

// 3. a wrong token is refused, not retried forever
let refused = null;
try {
  await watchJob(`${base}/ws?jobId=js-client`, "wrong-token", () => {}, { minDelayMs: 50 }).done;
} catch (error) {
  refused = String(error.message);
}

console.log(JSON.stringify({
  final: final?.type, finalStatus: final?.status, clips: (final?.clips ?? []).length,
  seen, urls: connections.map((c) => `${c.state} ${c.url}`), lastSeq: watch.lastSeq(),
  hook: { status: hookFinal?.job?.status, done: hookFinal?.done, progress: hookFinal?.job?.progress,
          connections: [...new Set(states.map((s) => s.connection))], updates: states.length },
  refused,
}));
