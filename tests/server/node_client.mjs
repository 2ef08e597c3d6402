// Drives the server from Node's built-in fetch and WebSocket, as docs/api.md shows.
// node --experimental-websocket node_client.mjs BASE_URL TOKEN VIDEO_PATH  → one JSON line
const [base, token, video] = process.argv.slice(2);
const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };

const health = await (await fetch(`${base}/api/health`)).json();
const refused = (await fetch(`${base}/api/ws/info`)).status;

// the seed's flow: POST, then new WebSocket(result.websocketUrl) with no header
const response = await fetch(`${base}/api/v1/process/story`, {
  method: "POST", headers,
  body: JSON.stringify({ jobId: "from-node", tempPath: video,
                         options: { clipSeconds: 1, quality: "low", size: "720x1280" } }),
});
const result = await response.json();

// an all-jobs observer that authenticates with its first message
const all = new WebSocket(base.replace("http", "ws") + "/ws");
const allTypes = [];
const allDone = new Promise((resolve) => {
  all.onmessage = (event) => {
    const type = JSON.parse(event.data).type;
    allTypes.push(type);
    if (type === "completed" || type === "error") resolve();
  };
});
all.onopen = () => all.send(JSON.stringify({ type: "auth", token }));

const types = [];
const final = await new Promise((resolve, reject) => {
  const ws = new WebSocket(result.websocketUrl);
  const timer = setTimeout(() => reject(new Error("no final message")), 60000);
  ws.onmessage = (event) => {
    const msg = JSON.parse(event.data);
    types.push(msg.type);
    if (msg.type === "completed" || msg.type === "error") {
      clearTimeout(timer);
      ws.close();
      resolve(msg);
    }
  };
  ws.onerror = () => reject(new Error("websocket error"));
});
await allDone;
all.close();
const status = await (await fetch(result.statusUrl, { headers })).json();
console.log(JSON.stringify({ health: health.status, refused, accepted: response.status,
  types, final: final.type, clips: (final.clips || []).length, status: status.status,
  allTypes }));
