// Shows the product on its samples: every sample model's shape table (cnnshape summary), the
// diagnostics of the broken samples (cnnshape check), and the X-or-O network run on its pictures. Some samples are wrong on purpose (AlexNet at
// 224, the 4×4 filter with stride 3): their errors are part of the demonstration, not a failure.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'bin', 'cnnshape.js');

function models(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...models(p));
    else if (/\.cnn\.(ya?ml|json)$/.test(name)) out.push(p);
  }
  return out;
}

function run(args) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  if (r.status === 2 || r.error) {
    process.stderr.write(r.stderr || String(r.error));
    process.exit(1); // a usage error means the demo itself is broken
  }
  return r;
}

const all = models(join(root, 'samples'));
const good = all.filter((f) => !f.includes(`${join('samples', 'broken')}`));
const broken = all.filter((f) => f.includes(`${join('samples', 'broken')}`));

for (const f of good) {
  const rel = relative(root, f);
  console.log(`\n$ npx cnnshape summary ${rel}`);
  const r = run(['summary', rel]);
  process.stdout.write(r.stdout);
  if (r.status === 1) {
    const c = run(['check', rel]);
    process.stdout.write(c.stdout);
  }
}
console.log(`\n$ npx cnnshape check samples/broken/*   (each file shows one diagnostic code)`);
const c = run(['check', ...broken.map((f) => relative(root, f))]);
process.stdout.write(c.stdout);
process.stdout.write(c.stderr);
// The runner: the tutorial's X-or-O network, with its hand-made filters, on its sample pictures.
const xo = join('samples', 'xo');
const pictures = readdirSync(join(root, xo)).filter((f) => f.endsWith('.png')).sort().map((f) => join(xo, f));
console.log(`\n$ npx cnnshape run ${join(xo, 'xo.cnn.yaml')} ${join(xo, '*.png')}`);
const r = run(['run', join(xo, 'xo.cnn.yaml'), ...pictures]);
process.stdout.write(r.stdout);
process.stdout.write(r.stderr);
if (r.status !== 0) process.exit(1);

console.log(`\n${good.length} sample models summarised, ${broken.length} broken samples checked, ${pictures.length} pictures run through the X-or-O network.`);
