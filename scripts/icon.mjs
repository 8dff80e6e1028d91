// Renders the extension's icon, images/icon.svg, to images/icon.png (128×128, the size the marketplace and
// the Extensions view use) with resvg. Run after editing the SVG: node scripts/icon.mjs
import { Resvg } from '@resvg/resvg-js';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const svgPath = fileURLToPath(new URL('../images/icon.svg', import.meta.url));
const pngPath = fileURLToPath(new URL('../images/icon.png', import.meta.url));
const SIZE = 128;

const resvg = new Resvg(readFileSync(svgPath), {
  fitTo: { mode: 'width', value: SIZE },
  // The caption's font: system fonts, so that the picture does not depend on what is bundled.
  font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
});
const png = resvg.render();
if (png.width !== SIZE || png.height !== SIZE) throw new Error(`icon rendered at ${png.width}×${png.height}, expected ${SIZE}×${SIZE}`);
writeFileSync(pngPath, png.asPng());
console.log(`${pngPath}: ${png.width}×${png.height}`);
