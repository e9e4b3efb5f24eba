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

// Start the training worker now, while app.wasm is still downloading and
// compiling: the two start in parallel. The page adopts it (ganWorker) when
// it mounts; a page that never does wastes nothing but this worker.
try {
  const src = document.currentScript && document.currentScript.src;
  if (src && typeof Worker !== "undefined") {
    window.ganWorker = new Worker(new URL("worker.js", src));
    window.ganWorker.onmessage = () => {}; // "ready" before the page listens: dropped
  }
} catch (e) {
  window.ganWorker = undefined; // the page starts its own
}
