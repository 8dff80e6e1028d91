// Layout time of the model graph (elkjs, as `cnnshape graph` and the webview lay it out) for 100, 1,000
// and 5,000 layers, next to native Graphviz `dot` on the same graph (same nodes, edge labels and block
// clusters, from `renderDot`), as a ratio: the best of 3 runs (1 at 5,000), after a warm-up. Installs Debian's graphviz when `dot` is missing.
// Run: npm run bench:graph [-- --sizes 100,1000]
import { spawnSync } from 'node:child_process';
import { analyze } from '../core/src/index';
import { buildGraph, layoutGraph, renderDot, visibleGraph } from '../server/src/graph/index';

const args = process.argv.slice(2);
const sizesArg = args[args.indexOf('--sizes') + 1];
const SIZES = args.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number) : [100, 1000, 5000];
const DOT_TIMEOUT_MS = 600_000;

/** A ResNet-like network written with a block of 7 layers (a residual add), repeated to about `n` layers. */
function model(n: number): string {
  const copies = Math.max(1, Math.round((n - 3) / 7));
  return `input: 32x32x16
blocks:
  res:
    layers:
      - {name: conv1, type: conv, filters: 16, kernel: 3, padding: 1}
      - {name: bn1, type: batchnorm}
      - {name: relu1, type: relu}
      - {name: conv2, type: conv, filters: 16, kernel: 3, padding: 1}
      - {name: bn2, type: batchnorm}
      - {name: add, type: add, inputs: [bn2, input]}
      - {name: relu2, type: relu}
layers:
  - {name: stage, type: res, repeat: ${copies}}
  - {name: pool, type: globalavgpool}
  - flatten
  - {name: fc, type: dense, units: 10}
`;
}

function ensureDot(): boolean {
  if (spawnSync('dot', ['-V']).status === 0) return true;
  console.log('graphviz not found: installing Debian\'s graphviz (apt-get install -y graphviz)');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const cmd = [...sudo, 'apt-get', 'install', '-y', 'graphviz'];
  let r = spawnSync(cmd[0]!, cmd.slice(1), { stdio: 'inherit' });
  if (r.status !== 0) {
    spawnSync(cmd[0]!, [...cmd.slice(1, -3), 'update'], { stdio: 'inherit' });
    r = spawnSync(cmd[0]!, cmd.slice(1), { stdio: 'inherit' });
  }
  return spawnSync('dot', ['-V']).status === 0;
}

function timeDot(text: string): number | string {
  const t = performance.now();
  const r = spawnSync('dot', ['-Tjson', '-o', '/dev/null'], { input: text, timeout: DOT_TIMEOUT_MS, maxBuffer: 1 << 28 });
  if (r.error) return r.error.message;
  if (r.status !== 0) return `exit ${r.status}: ${String(r.stderr).slice(0, 200)}`;
  return performance.now() - t;
}

async function main(): Promise<void> {
  const haveDot = ensureDot();
  console.log(`graph layout: elkjs (layered, compound nodes for the block copies) vs native Graphviz dot ${haveDot ? String(spawnSync('dot', ['-V'], { encoding: 'utf8' }).stderr).trim() : '(not available)'}`);
  console.log('layers   boxes  edges  groups   elkjs ms    dot ms   elkjs/dot');
  // Warm-up: ELK's first layouts run while V8 is still compiling it (several times slower); a webview
  // that redraws as the user types is past that after a few edits.
  const warm = visibleGraph(buildGraph(analyze({ text: model(300), fileName: 'w.cnn.yaml' }), 'w'), new Set());
  for (let i = 0; i < 4; i++) await layoutGraph(warm);
  for (const n of SIZES) {
    const a = analyze({ text: model(n), fileName: 'bench.cnn.yaml' });
    const v = visibleGraph(buildGraph(a, `bench ${n}`), new Set());
    const runs = n > 2000 ? 1 : 3;
    let elk = Infinity;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await layoutGraph(v);
      elk = Math.min(elk, performance.now() - t);
    }
    let dot: number | string = 'n/a';
    for (let i = 0; haveDot && i < runs; i++) {
      const d = timeDot(renderDot(v));
      dot = typeof d === 'number' && typeof dot === 'number' ? Math.min(dot, d) : d;
    }
    const ratio = typeof dot === 'number' ? (elk / dot).toFixed(2) : '-';
    console.log(`${String(a.layers.length).padStart(6)} ${String(v.items.length).padStart(7)} ${String(v.edges.length).padStart(6)} ${String(v.frames.length).padStart(7)} ${elk.toFixed(0).padStart(10)} ${(typeof dot === 'number' ? dot.toFixed(0) : dot).padStart(9)} ${ratio.padStart(11)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
