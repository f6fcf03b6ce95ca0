/**
 * `npx tsx scripts/make-icons.ts`: draws Attune's tray and app icons into
 * resources/ (committed; run again only to change the design). The glyph is
 * neutral on purpose — an open ring with a small dot where it comes back round
 * (noticing, coming back), nothing that says "mental health" at a glance.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

type Rgb = [number, number, number];

const chunk = (type: string, data: Buffer): Buffer => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

const encodePng = (size: number, rgba: Uint8Array): Buffer => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    rows[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(rows, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

/** Coverage of the glyph at (x, y) in a unit square, 4×4 supersampled for smooth edges. */
const coverage = (size: number, x: number, y: number, ring: { outer: number; inner: number; dot: number }): number => {
  let hits = 0;
  for (let sy = 0; sy < 4; sy += 1) {
    for (let sx = 0; sx < 4; sx += 1) {
      const px = (x + (sx + 0.5) / 4) / size - 0.5;
      const py = (y + (sy + 0.5) / 4) / size - 0.5;
      const r = Math.hypot(px, py);
      const angle = Math.atan2(py, px);
      // A gap in the ring at the upper right, and a dot sitting in it.
      const inGap = angle > -1.25 && angle < -0.45;
      const dotX = Math.cos(-0.85) * ((ring.outer + ring.inner) / 2);
      const dotY = Math.sin(-0.85) * ((ring.outer + ring.inner) / 2);
      const onRing = r <= ring.outer && r >= ring.inner && !inGap;
      const onDot = ring.dot > 0 && Math.hypot(px - dotX, py - dotY) <= ring.dot;
      if (onRing || onDot) hits += 1;
    }
  }
  return hits / 16;
};

const disc = (size: number, x: number, y: number): number => {
  let hits = 0;
  for (let sy = 0; sy < 4; sy += 1)
    for (let sx = 0; sx < 4; sx += 1)
      if (Math.hypot((x + (sx + 0.5) / 4) / size - 0.5, (y + (sy + 0.5) / 4) / size - 0.5) <= 0.5) hits += 1;
  return hits / 16;
};

const draw = (size: number, color: Rgb, background?: Rgb): Buffer => {
  const rgba = new Uint8Array(size * size * 4);
  const ring = { outer: 0.44, inner: size <= 16 ? 0.29 : 0.32, dot: size <= 16 ? 0.09 : 0.075 };
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const i = (y * size + x) * 4;
      const c = coverage(size, x, y, ring);
      if (background) {
        const bgCover = disc(size, x, y);
        const mix = (k: number) => Math.round(background[k]! * (1 - c) + color[k]! * c);
        rgba.set([mix(0), mix(1), mix(2), Math.round(255 * bgCover)], i);
      } else {
        rgba.set([...color, Math.round(255 * c)], i);
      }
    }
  }
  return encodePng(size, rgba);
};

const out = join(import.meta.dirname, '../resources');
mkdirSync(out, { recursive: true });
const variants: [string, Rgb, Rgb?][] = [
  ['trayTemplate', [0, 0, 0]], // macOS template image: black + alpha, recoloured by the system
  ['tray-dark', [40, 44, 52]], // for light panels
  ['tray-light', [236, 234, 230]], // for dark panels (most Linux and Windows taskbars)
  ['tray-color', [236, 234, 230], [47, 93, 98]],
];
for (const [name, color, background] of variants) {
  writeFileSync(join(out, `${name}.png`), draw(16, color, background));
  writeFileSync(join(out, `${name}@2x.png`), draw(32, color, background));
}
writeFileSync(join(out, 'icon.png'), draw(512, [236, 234, 230], [47, 93, 98]));
console.log(`icons written to ${out}`);
