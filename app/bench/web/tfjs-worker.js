// The TF.js reference: the same GAN, step and optimiser as the Go trainer
// (core/gan, core/nn, core/optim), written the way a TF.js playground
// would, in a worker, on the backend named in the URL (?backend=wasm|cpu).
//
// One step (Algorithm 1 with k = 1, as gan.Trainer.StepOnce): sample real
// data and noise; D update on real and G(z) as one batch of 2m rows, loss
// −log σ(D(x)) − log(1 − σ(D(G(z)))); then G update through D with the
// non-saturating loss −log σ(D(G(z))), differentiating only G's variables
// (TF.js then skips D's weight gradients, as the Go trainer does).
"use strict";
// tf.min.js is the union bundle: tfjs-core alone registers no gradients.
importScripts("/tfjs/tf.min.js", "/tfjs/tf-backend-wasm.min.js", "/bench/asset.js");

// Count the nested workers that XNNPACK's thread pool starts, and their
// errors, for the report (their consoles are not visible from the page).
const nested = { made: 0, errors: [] };
if (self.Worker) {
  const RealWorker = self.Worker;
  self.Worker = function (url, opts) {
    nested.made++;
    const w = new RealWorker(url, opts);
    w.addEventListener("error", (e) => nested.errors.push(e.message || "error"));
    return w;
  };
} else nested.errors.push("no nested Worker in this worker");

const params = new URLSearchParams(self.location.search);
const backend = params.get("backend");
// threads=N: XNNPACK's pool takes min(N, hardwareConcurrency / 2) threads
// (tfjs-backend-wasm's backend.cc assumes two hyperthreads per core), so
// on a 2-vCPU machine TF.js runs on one thread whatever it is told. To
// measure it with every core, report twice the cores to it.
const threads = Number(params.get("threads") || 0);
if (threads > 0) {
  Object.defineProperty(WorkerNavigator.prototype, "hardwareConcurrency", { get: () => 2 * threads });
}
let model = null;

self.onmessage = async (e) => {
  try {
    const m = e.data;
    if (m.cmd === "setup") self.postMessage(await setup(m.spec));
    else if (m.cmd === "window") self.postMessage({ window: runWindow(m.ms, Math.max(m.min, 1)) });
    else throw new Error("unknown command " + m.cmd);
  } catch (err) {
    self.postMessage({ error: String(err && err.stack ? err.stack : err) });
  }
};

let backendReady = null;
async function initBackend() {
  if (backend === "wasm") {
    tf.wasm.setWasmPaths("/tfjs/");
    if (threads > 0) tf.wasm.setThreadsCount(threads);
  }
  if (!(await tf.setBackend(backend))) throw new Error("backend " + backend + " did not start");
  await tf.ready();
  let info = "TF.js " + tf.version_core + " " + tf.getBackend();
  if (backend === "wasm") {
    const simd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");
    const mt = await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT");
    info += ` (SIMD ${simd}, threads ${tf.wasm.getThreadsCount()}, multithread support ${mt}, crossOriginIsolated ${self.crossOriginIsolated}, pool workers ${nested.made}${nested.errors.length ? ", errors: " + nested.errors.join("; ") : ""})`;
  }
  return info;
}

let mnist = null;
async function setup(spec) {
  if (!backendReady) backendReady = initBackend();
  const info = await backendReady;
  if (model) model.dispose();
  model = null;
  if (spec.pack !== 1 || spec.k !== 1 || spec.loss !== "nonsat") throw new Error("the reference implements pack=1, k=1, loss=nonsat only");
  if (spec.data === "mnist" && !mnist) mnist = await decodeAsset(await fetchAsset());
  model = buildModel(spec);
  return { info, flops: 0 };
}

// normal draws N(0, std²) (for initialisation; TF.js's own RNG is used in
// the step, as a TF.js app would).
function initWeights(inp, out, std) {
  return { w: tf.variable(tf.randomNormal([inp, out], 0, std)), b: tf.variable(tf.zeros([out])) };
}
const he = (fanIn) => Math.sqrt(2 / fanIn);
const glorot = (fanIn, fanOut) => Math.sqrt(2 / (fanIn + fanOut));

function activate(x, kind) {
  switch (kind) {
    case "relu": return tf.relu(x);
    case "leaky": return tf.leakyRelu(x, 0.2);
    case "tanh": return tf.tanh(x);
    case "sigmoid": return tf.sigmoid(x);
  }
  throw new Error("activation " + kind);
}

// mlp mirrors nn.NewMLP: hidden Dense+activation (or maxout: one Dense of
// units×pieces columns grouped by unit, max over each group), dropout after
// hidden layers and on the input, a linear Dense out, then outAct.
function mlp(inDim, hidden, outDim, act, pieces, drop, inDrop, outAct) {
  const layers = [];
  let fan = inDim;
  for (const h of hidden) {
    const std = act === "tanh" || act === "sigmoid" ? glorot(fan, h) : he(fan);
    layers.push(initWeights(fan, act === "maxout" ? h * pieces : h, std));
    fan = h;
  }
  const last = initWeights(fan, outDim, glorot(fan, outDim));
  const vars = layers.concat([last]).flatMap((l) => [l.w, l.b]);
  const forward = (x) => {
    const rows = x.shape[0];
    if (inDrop > 0) x = tf.dropout(x, inDrop);
    hidden.forEach((h, i) => {
      const z = tf.add(tf.matMul(x, layers[i].w), layers[i].b);
      x = act === "maxout" ? tf.max(tf.reshape(z, [rows, h, pieces]), 2) : activate(z, act);
      if (drop > 0) x = tf.dropout(x, drop);
    });
    x = tf.add(tf.matMul(x, last.w), last.b);
    return outAct ? activate(x, outAct) : x;
  };
  return { vars, forward };
}

function optimizer(spec, lr) {
  if (spec.opt === "adam") return tf.train.adam(lr, spec.mom, spec.b2, 1e-8);
  // SGD with momentum (the Go trainer's v = μv − ηg; w += v is the same
  // update as TF's a = μa + g; w −= ηa up to rounding).
  return tf.train.momentum(lr, spec.mom);
}

function buildModel(spec) {
  const m = spec.batch, dim = spec.dim;
  const G = mlp(spec.z, spec.g, dim, spec.gact, spec.pieces, spec.gdrop, 0, spec.data === "mnist" ? "sigmoid" : "");
  const D = mlp(dim, spec.d, 1, spec.dact, spec.pieces, spec.ddrop, spec.ddropin, "");
  const optG = optimizer(spec, spec.lrg), optD = optimizer(spec, spec.lrd);
  let scale = 1; // learning-rate decay, as optim.Optimizer
  const lr = (base) => Math.max(base * scale, Math.min(spec.lrmin, base));
  const real = new Float32Array(m * dim);
  const sampleReal = spec.data === "mnist" ? sampleMNIST : sampleRing8;
  const noise = () => spec.prior === "uniform" ? tf.randomUniform([m, spec.z], -Math.sqrt(3), Math.sqrt(3)) : tf.randomNormal([m, spec.z]);
  const step = () => {
    tf.tidy(() => {
      sampleReal(real, m);
      const both = tf.concat([tf.tensor2d(real, [m, dim]), G.forward(noise())], 0);
      optD.learningRate = lr(spec.lrd);
      optD.minimize(() => {
        const logits = D.forward(both);
        const r = tf.slice(logits, [0, 0], [m, 1]), f = tf.slice(logits, [m, 0], [m, 1]);
        return tf.add(tf.mean(tf.softplus(tf.neg(r))), tf.mean(tf.softplus(f)));
      }, false, D.vars);
      const z = noise();
      optG.learningRate = lr(spec.lrg);
      optG.minimize(() => tf.mean(tf.softplus(tf.neg(D.forward(G.forward(z))))), false, G.vars);
    });
    if (spec.decay > 1) scale /= spec.decay;
  };
  const dispose = () => {
    G.vars.concat(D.vars).forEach((v) => v.dispose());
    optG.dispose();
    optD.dispose();
  };
  return { step, dispose, probe: G.vars[0] };
}

// sampleRing8 is data.Ring8: 8 Gaussians of std 0.02 on a circle of radius 2.
function sampleRing8(out, n) {
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * Math.floor(Math.random() * 8)) / 8;
    out[2 * i] = 2 * Math.cos(a) + 0.02 * gauss();
    out[2 * i + 1] = 2 * Math.sin(a) + 0.02 * gauss();
  }
}

function gauss() {
  return Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
}

// sampleMNIST draws images at random, pixels scaled to [0, 1].
function sampleMNIST(out, n) {
  for (let i = 0; i < n; i++) {
    const img = mnist.images.subarray(784 * Math.floor(Math.random() * mnist.n));
    for (let j = 0; j < 784; j++) out[784 * i + j] = img[j] / 255;
  }
}

function runWindow(ms, min) {
  const t0 = performance.now();
  let steps = 0;
  while (steps < min || performance.now() - t0 < ms) {
    model.step();
    steps++;
  }
  model.probe.dataSync(); // every kernel has run (cpu and wasm run eagerly anyway)
  const sec = (performance.now() - t0) / 1000;
  return { steps, sec, tensors: tf.memory().numTensors };
}
