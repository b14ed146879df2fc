/**
 * `node scripts/make-icons.mjs`: draws the app icon (the lens of the inline icon in app/layout.tsx) into public/icon-192.png and
 * public/icon-512.png for the web app manifest. No image library and no external assets: the shapes are
 * rasterised here with 4x4 supersampling and written as PNG with node:zlib.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x1d, 0x4e, 0xd8];
const WHITE = [0xff, 0xff, 0xff];

/** Colour and coverage at a point of the 32x32 design (the same shapes as the icon in app/layout.tsx). */
function sample(x, y) {
  const r = 7;
  const cx = Math.min(Math.max(x, r), 32 - r);
  const cy = Math.min(Math.max(y, r), 32 - r);
  if (Math.hypot(x - cx, y - cy) > r) return null; // outside the rounded square
  const ring = Math.abs(Math.hypot(x - 14, y - 14) - 7) <= 1.5;
  const t = Math.min(Math.max(((x - 19) * 7 + (y - 19) * 7) / 98, 0), 1);
  const handle = Math.hypot(x - (19 + 7 * t), y - (19 + 7 * t)) <= 1.5;
  return ring || handle ? WHITE : BLUE;
}

function rasterise(size) {
  const rows = [];
  const n = 4;
  for (let py = 0; py < size; py++) {
    const row = [0]; // PNG filter type 0 for each row
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = sample(((px + (sx + 0.5) / n) * 32) / size, ((py + (sy + 0.5) / n) * 32) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      }
      row.push(
        a ? Math.round(r / a) : 0,
        a ? Math.round(g / a) : 0,
        a ? Math.round(b / a) : 0,
        Math.round((a * 255) / (n * n)),
      );
    }
    rows.push(...row);
  }
  return Buffer.from(rows);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function pngIcon(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rasterise(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [192, 512]) writeFileSync(`public/icon-${size}.png`, pngIcon(size));
console.log('Wrote public/icon-192.png and public/icon-512.png');
