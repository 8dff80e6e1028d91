// Hostile files for the campaign: models, images, weights, labels, folders. Each maker writes into a
// case's own temporary folder and returns the path(s).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { ROOT } from './harness.mjs';

const require = createRequire(join(ROOT, 'package.json'));

export const ESC = '\u001b';
export const BEL = '\u0007';
/** Retitle the window, clear the screen, a hidden hyperlink, a C1 CSI: each must never reach a terminal raw. */
export const EVIL = `${ESC}]0;pwned${BEL}${ESC}[2J${ESC}]8;;https://evil.example/${ESC}\\click${ESC}]8;;${ESC}\\\u009b31m`;
/** The same without C0 NUL-ish bytes that a file name cannot hold ('/' excluded too). */
export const EVIL_NAME = `${ESC}]0;pwned${BEL}${ESC}[2J${ESC}]8;;https:evil${BEL}x`;

export function write(dir, name, content) {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** A small runnable model: 4×4×1 → conv → flatten → dense 2, with `extra` YAML lines at the top. */
export function tinyModel(extra = '', labels = '[a, b]') {
  return `${extra}input: 4x4x1\nlabels: ${labels}\nlayers:\n  - {name: c, type: conv, filters: 2, kernel: 3}\n  - flatten\n  - {name: d, type: dense, units: 2}\n`;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

/** A greyscale PNG whose header says `height` rows but whose data holds only `rows` of them. */
export function png(width, height, rows = height) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc(rows * (width + 1), 0x80);
  for (let r = 0; r < rows; r++) raw[r * (width + 1)] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A 7000×7000 JPEG (kept between runs: encoding it takes a while). */
export function bigJpeg() {
  const p = join(tmpdir(), 'cnnshape-hostile-7000.jpg');
  if (!existsSync(p)) {
    const jpeg = require('jpeg-js');
    const w = 7000;
    writeFileSync(p, jpeg.encode({ width: w, height: w, data: Buffer.alloc(w * w * 4, 90) }, 10).data);
  }
  return p;
}

/** A safetensors file with the given header (an object or a raw string) and data bytes. */
export function safetensors(header, dataBytes = 0) {
  const h = Buffer.from(typeof header === 'string' ? header : JSON.stringify(header));
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(h.length));
  return Buffer.concat([len, h, Buffer.alloc(dataBytes)]);
}

export function fifo(dir, name) {
  const p = join(dir, name);
  execFileSync('mkfifo', [p]);
  return p;
}

export function link(dir, name, target) {
  const p = join(dir, name);
  symlinkSync(target, p);
  return p;
}

export function folder(...parts) {
  const p = join(...parts);
  mkdirSync(p, { recursive: true });
  return p;
}

/** A YAML billion-laughs: `levels` anchors each aliasing the previous one `width` times. */
export function aliasBomb(levels = 9, width = 9) {
  const lines = [`a0: &a0 [${Array(width).fill('relu').join(', ')}]`];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array(width).fill(`*a${i - 1}`).join(', ')}]`);
  return { defs: lines.join('\n'), top: `*a${levels - 1}` };
}

/** A chain of merge keys, each level merging the previous one several times over. */
export function mergeChain(levels = 40) {
  const lines = ['m0: &m0 {k0: 1, j0: 2}'];
  for (let i = 1; i < levels; i++) lines.push(`m${i}: &m${i} {<<: [*m${i - 1}, *m${i - 1}, *m${i - 1}], k${i}: 1}`);
  return lines.join('\n');
}
