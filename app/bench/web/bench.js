// The bench page's side: one Web Worker per implementation, each answering
// one request at a time. The driver evaluates bench.setup(...) and
// bench.window(...) and awaits their promises.
"use strict";

const workers = {};

// The implementations: our trainer (built with WebAssembly SIMD, as the
// page's worker is, and without); TF.js's wasm backend with a thread per
// logical core, and as it sets itself up (see tfjs-worker.js); its cpu
// backend.
const urls = {
  "go": "/bench/go-worker.js",
  "go-scalar": "/bench/go-worker.js?scalar",
  "tfjs-wasm": "/bench/tfjs-worker.js?backend=wasm&threads=" + (navigator.hardwareConcurrency || 1),
  "tfjs-wasm-default": "/bench/tfjs-worker.js?backend=wasm",
  "tfjs-cpu": "/bench/tfjs-worker.js?backend=cpu",
};

// start opens impl's worker.
function start(impl) {
  const url = urls[impl];
  if (!url) throw new Error("unknown implementation " + impl);
  const w = { worker: new Worker(url), pending: null };
  w.worker.onmessage = (e) => {
    const p = w.pending;
    w.pending = null;
    if (!p) return;
    const a = typeof e.data === "string" ? JSON.parse(e.data) : e.data;
    if (a.error) p.reject(new Error(impl + ": " + a.error));
    else p.resolve(a);
  };
  w.worker.onerror = (e) => {
    const p = w.pending;
    w.pending = null;
    if (p) p.reject(new Error(impl + ": " + (e.message || "worker error")));
  };
  workers[impl] = w;
  return w;
}

function ask(impl, msg) {
  const w = workers[impl] || start(impl);
  if (w.pending) return Promise.reject(new Error(impl + ": busy"));
  return new Promise((resolve, reject) => {
    w.pending = { resolve, reject };
    w.worker.postMessage(msg);
  });
}

window.bench = {
  // setup(impl, recipe, spec): build the workload's model; spec is the
  // recipe spelled out for TF.js (the Go worker parses the recipe itself).
  setup: (impl, recipe, spec) => ask(impl, { cmd: "setup", recipe, spec }),
  // window(impl, ms, min): train ≥ ms and ≥ min steps; {window:{steps,sec}}.
  window: (impl, ms, min) => ask(impl, { cmd: "window", ms, min }),
  // stop ends a worker (its memory goes back before the next one starts).
  stop: (impl) => {
    if (workers[impl]) workers[impl].worker.terminate();
    delete workers[impl];
  },
};
