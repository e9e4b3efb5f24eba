// Helpers for the Go page (app/ui). Loaded before app.wasm.
"use strict";

// Batched drawing: one call from Go per list of shapes instead of one per
// point (every Go→JS call costs microseconds). a is a Float32Array of canvas
// pixel coordinates, n how many numbers of it to use.
window.ganDraw = {
  // squares of side s centred on x,y pairs
  dots(ctx, a, n, s) {
    ctx.beginPath();
    for (let i = 0; i + 1 < n; i += 2) ctx.rect(a[i] - s / 2, a[i + 1] - s / 2, s, s);
    ctx.fill();
  },
  // line segments x0,y0,x1,y1
  segs(ctx, a, n) {
    ctx.beginPath();
    for (let i = 0; i + 3 < n; i += 4) {
      ctx.moveTo(a[i], a[i + 1]);
      ctx.lineTo(a[i + 2], a[i + 3]);
    }
    ctx.stroke();
  },
  // a polyline through x,y pairs; a NaN lifts the pen
  poly(ctx, a, n) {
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i + 1 < n; i += 2) {
      const x = a[i], y = a[i + 1];
      if (x !== x || y !== y) { pen = false; continue; }
      if (pen) ctx.lineTo(x, y); else { ctx.moveTo(x, y); pen = true; }
    }
    ctx.stroke();
  },
};

// The build's version, from this script's own URL (page.js?v=VERSION):
// the worker is started at the same version (see web/worker.js).
const ganScript = document.currentScript && document.currentScript.src;
window.ganVersion = ganScript ? new URL(ganScript).searchParams.get("v") || "" : "";
window.ganWorkerURL = ganScript ? new URL("worker.js" + (window.ganVersion ? "?v=" + window.ganVersion : ""), ganScript).href : "";

// Start the training worker now, while app.wasm is still downloading and
// compiling: the two start in parallel. The page adopts it (ganWorker) when
// it mounts; a page that never does wastes nothing but this worker.
try {
  if (window.ganWorkerURL && typeof Worker !== "undefined") {
    window.ganWorker = new Worker(window.ganWorkerURL);
    window.ganWorker.onmessage = () => {}; // "ready" before the page listens: dropped
  }
} catch (e) {
  window.ganWorker = undefined; // the page starts its own
}

// Offline readiness: the page works with no network once go-app's service
// worker is active and every file of this version (the list the server puts
// in GAN_OFFLINE_FILES, the same list the service worker caches) is in its
// cache "app-VERSION". Counted here, in Cache Storage, rather than trusted:
// go-app's worker would claim the page before its cache is full.
window.ganOffline = {
  failure: null, // {version, error} from a service worker whose install failed
  registered: false, // a registration was seen

  // status resolves to {state, text}: state is "ready", "caching",
  // "waiting" (no service worker yet), "update" (a newer version is cached)
  // or "unavailable".
  async status(sinceMs) {
    const no = (why) => ({ state: "unavailable", text: "Offline use unavailable: " + why });
    if (!window.isSecureContext || !("serviceWorker" in navigator) || !("caches" in window)) {
      return no("the browser allows it only on https:// or http://localhost addresses, with service workers enabled");
    }
    const env = (k) => (typeof goappGetenv === "function" ? goappGetenv(k) || "" : "");
    const version = env("GOAPP_VERSION");
    let files = [];
    try { files = JSON.parse(env("GAN_OFFLINE_FILES") || "[]"); } catch (e) { files = []; }
    if (!version || files.length === 0) return no("the page lacks its list of files");
    if (window.ganVersion && window.ganVersion !== version) {
      return no("this page mixes versions " + window.ganVersion + " and " + version + ": reload it");
    }
    // A first install that fails removes the registration: the failure
    // message (or having seen the registration) tells it from a slow start.
    const f = this.failure;
    const failed = f && f.version === version ? no("caching failed (" + f.error + ")") : null;
    const reg = await navigator.serviceWorker.getRegistration();
    if (!reg) {
      if (failed) return failed;
      if (this.registered) return no("the service worker failed to install (see the browser console)");
      return sinceMs > 20000 ? no("the service worker did not register (see the browser console)")
        : { state: "waiting", text: "Offline use: starting the service worker…" };
    }
    this.registered = true;
    // caches.open would create a missing cache: look before opening.
    const name = "app-" + version;
    const keys = await caches.keys();
    let done = 0;
    if (keys.includes(name)) {
      const cache = await caches.open(name);
      for (const hit of await Promise.all(files.map((u) => cache.match(u)))) if (hit) done++;
    }
    if (done === files.length && reg.active) {
      return { state: "ready", text: "Ready offline (version " + version + ")" };
    }
    if (failed) return failed;
    if (reg.installing || reg.waiting || done === files.length) {
      return { state: "caching", text: "Caching for offline use… " + done + "/" + files.length };
    }
    if (!keys.includes(name) && keys.some((k) => k.startsWith("app-"))) {
      return { state: "update", text: "Offline use: a newer version is cached; reload the page to use it" };
    }
    return no(reg.active ? "the offline copy is incomplete (" + done + "/" + files.length + "); reload to retry"
      : "the service worker failed to install (see the browser console)");
  },

  // watch calls cb(state, text) now and whenever the status changes,
  // checking twice a second until ready, then every 5 s (a new version may
  // install, storage may be cleared). It returns a function that stops it.
  watch(cb) {
    const start = Date.now();
    let last = "", timer = 0, stopped = false;
    const tick = async () => {
      let s;
      try { s = await this.status(Date.now() - start); } catch (e) { s = { state: "unavailable", text: "Offline use unavailable: " + e }; }
      if (stopped) return;
      if (s.text !== last) { last = s.text; cb(s.state, s.text); }
      timer = setTimeout(tick, s.state === "ready" || s.state === "unavailable" ? 5000 : 500);
    };
    tick();
    return () => { stopped = true; clearTimeout(timer); };
  },
};

// A service worker whose install failed says why (see app/internal/server/offline.go).
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.addEventListener("message", (e) => {
    if (e.data && e.data.ganOffline === "failed") window.ganOffline.failure = { version: e.data.version, error: e.data.error };
  });
}
