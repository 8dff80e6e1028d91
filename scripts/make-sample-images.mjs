// Generates the runner's sample images (small PNGs, committed) and is re-runnable: the output is
// deterministic. samples/xo/: 9×9 X and O pictures of the X-or-O tutorial (white strokes = 1 on a
// black background = −1). samples/images/: digits for LeNet (32×32 and 28×28 grey), shapes (32×32 RGB),
// a 224×224 RGB scene for ImageNet-sized models (PNG, and a JPEG to exercise that decoder).
//   node scripts/make-sample-images.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pngjs from 'pngjs';
import jpeg from 'jpeg-js';

const { PNG } = pngjs;
const root = new URL('..', import.meta.url).pathname;

function save(file, width, height, pixel, { grey = false } = {}) {
  const png = new PNG({ width, height, colorType: grey ? 0 : 2, inputColorType: 6, inputHasAlpha: true });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = pixel(x, y);
      const [r, g, b] = typeof v === 'number' ? [v, v, v] : v;
      png.data.set([clamp(r), clamp(g), clamp(b), 255], (y * width + x) * 4);
    }
  }
  writeFileSync(join(root, file), PNG.sync.write(png, { colorType: grey ? 0 : 2 }));
}

const clamp = (v) => Math.max(0, Math.min(255, Math.round(v)));

// ── X and O, 9×9 ─────────────────────────────────────────────────────────────────────────────────────
// A picture is a 9-line string: '#' = white stroke (1), '.' = black (−1).
const XO = {
  'x.png': [
    '.........',
    '.#.....#.',
    '..#...#..',
    '...#.#...',
    '....#....',
    '...#.#...',
    '..#...#..',
    '.#.....#.',
    '.........',
  ],
  'x-shifted.png': [
    '.........',
    '.........',
    '..#.....#',
    '...#...#.',
    '....#.#..',
    '.....#...',
    '....#.#..',
    '...#...#.',
    '..#.....#',
  ],
  'x-shifted-up-left.png': [
    '#.....#..',
    '.#...#...',
    '..#.#....',
    '...#.....',
    '..#.#....',
    '.#...#...',
    '#.....#..',
    '.........',
    '.........',
  ],
  'x-thick.png': [
    '##.....##',
    '###...###',
    '.###.###.',
    '..#####..',
    '...###...',
    '..#####..',
    '.###.###.',
    '###...###',
    '##.....##',
  ],
  // The tutorial's deformed X: the crossing is off-centre and one arm is bent.
  'x-distorted.png': [
    '.........',
    '.#......#',
    '..#....#.',
    '...#..#..',
    '....##...',
    '....##...',
    '...#..#..',
    '..#....#.',
    '.#.....#.',
  ],
  'x-rotated.png': [
    '.........',
    '..#......',
    '..#....##',
    '...#.##..',
    '....#....',
    '..##.#...',
    '##....#..',
    '......#..',
    '.........',
  ],
  'o.png': [
    '.........',
    '...###...',
    '..#...#..',
    '.#.....#.',
    '.#.....#.',
    '.#.....#.',
    '..#...#..',
    '...###...',
    '.........',
  ],
  'o-shifted.png': [
    '.........',
    '.........',
    '....###..',
    '...#...#.',
    '..#.....#',
    '..#.....#',
    '..#.....#',
    '...#...#.',
    '....###..',
  ],
  'o-small.png': [
    '.........',
    '.........',
    '...###...',
    '..#...#..',
    '..#...#..',
    '..#...#..',
    '...###...',
    '.........',
    '.........',
  ],
  'o-thick.png': [
    '..#####..',
    '.##...##.',
    '##.....##',
    '#.......#',
    '#.......#',
    '#.......#',
    '##.....##',
    '.##...##.',
    '..#####..',
  ],
};

mkdirSync(join(root, 'samples/xo'), { recursive: true });
for (const [name, rows] of Object.entries(XO)) {
  if (rows.length !== 9 || rows.some((r) => r.length !== 9)) throw new Error(`${name}: not 9×9`);
  save(`samples/xo/${name}`, 9, 9, (x, y) => (rows[y][x] === '#' ? 255 : 0), { grey: true });
}

// ── digits ───────────────────────────────────────────────────────────────────────────────────────────
// A 5×7 font, scaled and softened (a small blur, as a pen stroke scanned), white on black as MNIST.
const FONT = {
  0: ['.###.', '#...#', '#..##', '#.#.#', '##..#', '#...#', '.###.'],
  1: ['..#..', '.##..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  2: ['.###.', '#...#', '....#', '...#.', '..#..', '.#...', '#####'],
  3: ['####.', '....#', '....#', '.###.', '....#', '....#', '####.'],
  4: ['...#.', '..##.', '.#.#.', '#..#.', '#####', '...#.', '...#.'],
  5: ['#####', '#....', '####.', '....#', '....#', '#...#', '.###.'],
  6: ['..##.', '.#...', '#....', '####.', '#...#', '#...#', '.###.'],
  7: ['#####', '....#', '...#.', '..#..', '.#...', '.#...', '.#...'],
  8: ['.###.', '#...#', '#...#', '.###.', '#...#', '#...#', '.###.'],
  9: ['.###.', '#...#', '#...#', '.####', '....#', '...#.', '.##..'],
};

function digit(d, size) {
  const cell = Math.floor((size * 0.7) / 7);
  const w = 5 * cell;
  const h = 7 * cell;
  const ox = Math.floor((size - w) / 2);
  const oy = Math.floor((size - h) / 2);
  const on = (x, y) => {
    const gx = Math.floor((x - ox) / cell);
    const gy = Math.floor((y - oy) / cell);
    return gx >= 0 && gx < 5 && gy >= 0 && gy < 7 && x >= ox && y >= oy && FONT[d][gy][gx] === '#';
  };
  return (x, y) => {
    let s = 0;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) s += on(x + dx, y + dy) ? 1 : 0;
    return (255 * s) / 9;
  };
}

mkdirSync(join(root, 'samples/images'), { recursive: true });
for (let d = 0; d <= 9; d++) save(`samples/images/digit-${d}-32.png`, 32, 32, digit(d, 32), { grey: true });
for (const d of [2, 7]) save(`samples/images/digit-${d}-28.png`, 28, 28, digit(d, 28), { grey: true });

// ── shapes, 32×32 RGB on white ───────────────────────────────────────────────────────────────────────
save('samples/images/shape-circle-32.png', 32, 32, (x, y) => (Math.hypot(x - 15.5, y - 15.5) < 11 ? [220, 40, 40] : [255, 255, 255]));
save('samples/images/shape-square-32.png', 32, 32, (x, y) => (x >= 6 && x < 26 && y >= 6 && y < 26 ? [40, 170, 60] : [255, 255, 255]));
save('samples/images/shape-triangle-32.png', 32, 32, (x, y) => (y >= 5 && y < 27 && Math.abs(x - 15.5) <= (y - 5) / 2 + 0.5 ? [40, 80, 220] : [255, 255, 255]));

// ── a 224×224 scene: sky, sun, hills, a house ────────────────────────────────────────────────────────
function scene(x, y) {
  const s = 224;
  const hill1 = 150 + 18 * Math.sin(x / 30);
  const hill2 = 170 + 12 * Math.sin(x / 17 + 1);
  if (x >= 120 && x < 180 && y >= 125 && y < 175) {
    if (x >= 142 && x < 158 && y >= 150) return [90, 50, 30]; // door
    if (((x >= 127 && x < 139) || (x >= 161 && x < 173)) && y >= 135 && y < 147) return [170, 210, 240]; // windows
    return [200, 170, 120];
  }
  if (y >= 95 && y < 125 && Math.abs(x - 150) <= (y - 95) * 1.1) return [160, 40, 40]; // roof
  if (y > hill2) return [60 + 40 * (y / s), 140, 50];
  if (y > hill1) return [90, 170, 70];
  if (Math.hypot(x - 50, y - 45) < 20) return [255, 220, 60]; // sun
  const t = y / 150;
  return [110 + 90 * t, 160 + 60 * t, 240];
}
save('samples/images/scene-224.png', 224, 224, scene);
{
  const w = 320;
  const h = 240;
  const data = Buffer.alloc(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [r, g, b] = scene((x * 224) / w, (y * 224) / h);
      data.set([clamp(r), clamp(g), clamp(b), 255], (y * w + x) * 4);
    }
  }
  writeFileSync(join(root, 'samples/images/scene-320x240.jpg'), jpeg.encode({ width: w, height: h, data }, 85).data);
}
console.log('sample images written to samples/xo and samples/images');
