#!/usr/bin/env node
// Draws the extension icon (media/icon.png, 128×128): a page of legal text with a green tick,
// on the SEC blue. Plain Node (zlib), no image tools needed: `node media/makeIcon.js`.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZE = 128;
const SAMPLES = 4; // per axis, for smooth edges

const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const nearSegment = (x, y, [ax, ay], [bx, by], width) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= width / 2;
};

/** Shapes back to front: [colour, test]. The page's top-right corner is folded. */
const shapes = [
  [[0x1f, 0x4e, 0x79], (x, y) => inRoundRect(x, y, 0, 0, 128, 128, 20)],
  [[0xff, 0xff, 0xff], (x, y) => inRoundRect(x, y, 30, 16, 98, 114, 5) && !(x > 78 && y < 16 + (x - 78))],
  [[0xc9, 0xd8, 0xe8], (x, y) => x > 78 && x <= 98 && y >= 16 && y < 36 && y >= 16 + (x - 78) - 0.5],
  ...[30, 42, 54, 66, 78].map((top, i) => [[0x5f, 0x7f, 0xa0], (x, y) => inRoundRect(x, y, i % 3 === 0 ? 40 : 48, top, i === 4 ? 66 : 84, top + 5, 2)]),
  [[0x2e, 0x8b, 0x57], (x, y) => Math.hypot(x - 92, y - 96) <= 22],
  [[0xff, 0xff, 0xff], (x, y) => nearSegment(x, y, [81, 96], [89, 104], 7) || nearSegment(x, y, [89, 104], [103, 88], 7)],
];

function pixel(px, py) {
  const sum = [0, 0, 0, 0];
  for (let sy = 0; sy < SAMPLES; sy++) for (let sx = 0; sx < SAMPLES; sx++) {
    const x = px + (sx + 0.5) / SAMPLES;
    const y = py + (sy + 0.5) / SAMPLES;
    let colour;
    for (const [c, inside] of shapes) if (inside(x, y)) colour = c;
    if (colour) { sum[0] += colour[0]; sum[1] += colour[1]; sum[2] += colour[2]; sum[3] += 255; }
  }
  const n = SAMPLES * SAMPLES;
  const covered = sum[3] / 255 || 1;
  return [sum[0] / covered, sum[1] / covered, sum[2] / covered, sum[3] / n].map(Math.round);
}

function crc32(buf) {
  let c = ~0;
  for (const b of buf) { c ^= b; for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1)); }
  return ~c >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) raw.set(pixel(x, y), y * (SIZE * 4 + 1) + 1 + x * 4);
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
fs.writeFileSync(path.join(__dirname, 'icon.png'), png);
console.log(`media/icon.png: ${png.length} bytes`);
