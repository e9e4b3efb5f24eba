// Bootstrap of the training worker: loads the Go runtime glue copied from
// the Go that built worker.wasm, buffers the page's messages until the Go
// program installs its handler, and gives Go three small helpers.
"use strict";
// The page starts worker.js?v=VERSION: every file loaded here carries the
// same query, so this worker's files are all of the page's version (the
// service worker caches exactly these URLs; the server refuses another
// version).
const version = self.location.search;
// `app serve -static` stamps the build's version here. A static server
// ignores ?v=, so a page left open while its site was replaced by a newer
// build could get the newer worker: it stops instead (app serve refuses
// the request itself).
const built = "__GAN_BUILD_VERSION__";
const mismatch = version !== "" && !built.startsWith("__") && version !== "?v=" + built;
if (mismatch) {
  self.postMessage({ fatal: "this page is version " + version.slice(3) + " but the site now has version " + built + ": reload the page" });
} else {
  importScripts("wasm_exec.js" + version);
}

// Team messages (core/team: a first byte 0xA7) carry whole gradients, 2 MB
// and more, between the training worker and its helper workers. Their
// buffers go back and forth instead of being made anew each time: once Go
// has copied a message out, its buffer is transferred back to the sender,
// which keeps it for a next message (goBuffer). Neither end then allocates,
// zeroes or clones a buffer per message.
const spare = [];
const isTeam = (d) => d instanceof Uint8Array && d.length >= 6 && d[0] === 0xA7;
const keep = (buf) => { if (spare.length < 32) spare.push(buf); };

// goBuffer(n): n bytes to fill and post, transferred: the smallest spare
// buffer large enough, or a new one.
self.goBuffer = (n) => {
  let best = -1;
  for (let i = 0; i < spare.length; i++) {
    if (spare[i].byteLength >= n && (best < 0 || spare[i].byteLength < spare[best].byteLength)) best = i;
  }
  return new Uint8Array(best < 0 ? new ArrayBuffer(n) : spare.splice(best, 1)[0], 0, n);
};

let handler = null;
const queue = [];
// deliver hands Go a message (Go copies it at once) and gives a team
// message's buffer back to the training worker.
const deliver = (d) => {
  handler(d);
  if (isTeam(d)) self.postMessage({ spare: d.buffer }, [d.buffer]);
};
self.onmessage = (e) => {
  if (e.data && e.data.spare) keep(e.data.spare);
  else if (handler) deliver(e.data);
  else queue.push(e.data);
};

// Called by Go once it listens. The queue is flushed from a fresh task, not
// from inside the Go call.
self.goStarted = (h) => {
  handler = h;
  setTimeout(() => { for (const m of queue.splice(0)) deliver(m); }, 0);
};

// goHelper(onmessage): starts a helper worker (this same file) whose
// messages go to onmessage, except the buffers it gives back; each team
// message's buffer goes back to it once onmessage has copied it.
self.goHelper = (onmessage) => {
  const w = new Worker(self.location.href);
  w.onmessage = (e) => {
    const d = e.data;
    if (d && d.spare) return keep(d.spare);
    onmessage(e);
    if (isTeam(d)) w.postMessage({ spare: d.buffer }, [d.buffer]);
  };
  return w;
};

// goYield(cb): call cb from a new task as soon as pending messages have been
// delivered. A MessageChannel is not clamped like setTimeout(0).
const chan = new MessageChannel();
let wake = null;
chan.port1.onmessage = () => { const w = wake; wake = null; if (w) w(); };
self.goYield = (cb) => { wake = cb; chan.port2.postMessage(0); };

// goPost(u8, n): send the first n bytes, transferring a copy, so Go keeps
// reusing its buffer.
self.goPost = (u8, n) => {
  const c = u8.slice(0, n);
  self.postMessage(c, [c.buffer]);
};

// goFetch(url, cb, max): cb(bytes, "") or cb(null, error). Our own files
// (the data assets) are fetched at this worker's version. At most max
// bytes are read: a server that sends something huge in an asset's place
// costs no more than that.
self.goFetch = (url, cb, max) => {
  const u = new URL(url, self.location.href);
  if (u.origin === self.location.origin && !u.search) u.search = version;
  const tooBig = () => cb(null, "larger than " + max + " bytes");
  fetch(u)
    .then(async (r) => {
      if (!r.ok) return cb(null, "HTTP " + r.status);
      if (+r.headers.get("Content-Length") > max) { r.body && r.body.cancel(); return tooBig(); }
      const reader = r.body.getReader();
      const parts = [];
      let n = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        n += value.length;
        if (n > max) { reader.cancel(); return tooBig(); }
        parts.push(value);
      }
      const all = new Uint8Array(n);
      let at = 0;
      for (const p of parts) { all.set(p, at); at += p.length; }
      cb(all, "");
    })
    .catch((e) => cb(null, String(e)));
};

// worker.wasm computes with WebAssembly SIMD; a browser without it gets
// worker-scalar.wasm, the same program built without, which trains to the
// same bits. The probe is the smallest module using a SIMD instruction
// (i8x16.splat and i8x16.popcnt, as wasm-feature-detect does).
const simd = WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3,
  2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]));
self.goWorkerBuild = simd ? "simd" : "scalar";

// Start the Go program. A refused version (a page older than the server)
// reports the server's reason instead of a MIME-type error.
function start() {
  const go = new Go();
  const file = simd ? "worker.wasm" : "worker-scalar.wasm";
  const wasm = fetch(file + version).then((r) =>
    r.ok ? r : r.text().then((t) => { throw new Error(file + ": HTTP " + r.status + " " + t.trim()); }));
  WebAssembly.instantiateStreaming(wasm, go.importObject)
    .then((r) => go.run(r.instance))
    .then(() => self.postMessage({ fatal: "the training program exited" }))
    .catch((e) => self.postMessage({ fatal: String(e) }));
}
if (!mismatch) start();
