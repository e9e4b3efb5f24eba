// fetchAsset returns the page's MNIST asset (web/data/mnist-train.bin, a
// gzip member) as bytes; decodeAsset unpacks it for TF.js. Both workers
// train on the same images.
"use strict";

let assetBytes = null;
async function fetchAsset() {
  if (!assetBytes) {
    const r = await fetch("/web/data/mnist-train.bin");
    if (!r.ok) throw new Error("MNIST asset: HTTP " + r.status + " (make assets)");
    assetBytes = new Uint8Array(await r.arrayBuffer());
  }
  return assetBytes;
}

// decodeAsset: "GANMNIST", version, count, rows, cols (uint32 BE), labels,
// images (core/data/asset.go).
async function decodeAsset(gz) {
  const raw = new Uint8Array(await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
  const dv = new DataView(raw.buffer);
  if (new TextDecoder().decode(raw.subarray(0, 8)) !== "GANMNIST") throw new Error("not a GANMNIST asset");
  const n = dv.getUint32(12);
  return { n, images: raw.subarray(24 + n, 24 + n + n * 784) };
}
