// The Go implementation's worker: the bench build of the trainer
// (app/bench/worker, compiled to bench.wasm) behind the same JSON requests
// as tfjs-worker.js. The MNIST asset is fetched here and handed to Go once.
"use strict";
importScripts("/web/wasm_exec.js");
importScripts("/bench/asset.js");

let ready = null;
const started = new Promise((r) => (ready = r));
self.goStarted = () => ready();

// ?scalar: the build without WebAssembly SIMD.
const file = self.location.search.includes("scalar") ? "bench-scalar.wasm" : "bench.wasm";
const go = new Go();
WebAssembly.instantiateStreaming(fetch("/bench/" + file), go.importObject)
  .then((r) => go.run(r.instance))
  .catch((e) => self.postMessage({ error: file + ": " + e }));

self.onmessage = async (e) => {
  try {
    const m = e.data;
    const asset = m.cmd === "setup" && m.recipe.includes("data=mnist") ? await fetchAsset() : null;
    await started;
    self.goBench(JSON.stringify({ cmd: m.cmd, recipe: m.recipe, ms: m.ms, min: m.min }), asset);
  } catch (err) {
    self.postMessage({ error: String(err) });
  }
};
