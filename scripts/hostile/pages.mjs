// The campaign's webview case (run with `node --import tsx`, as it imports the TypeScript sources): the run and evaluation pages built the
// way the extension builds them (runPipeline / runEvaluation with the workspace folder as a root, then
// toView and the render functions) from hostile labels, layer names, image file names and class
// folder names, and labels pointing at /proc/self/environ. Prints the problems, one a line.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderRunBody } from '../../client/src/run/html.ts';
import { renderEvaluationBody } from '../../client/src/run/evalHtml.ts';
import { toView } from '../../client/src/run/view.ts';
import { runPipeline } from '../../runner/src/run/pipeline.ts';
import { runEvaluation } from '../../runner/src/run/evaluate.ts';
import { png } from './fixtures.mjs';

const EVIL = '<img src=x onerror=alert(1)>\u001b]0;t\u0007<script>alert(2)</script>"\'&';
const NAME = '<svg onload=alert(3)>\u001b[2J';
const problems = [];
const dir = mkdtempSync(join(tmpdir(), 'cnnshape-pages-'));
const secret = process.env.HOSTILE_SECRET ?? 'HOSTILE_SECRET';

function checkHtml(what, html) {
  // Quoted attribute values are text (escaped by the page); what is left of a tag must be the page's own.
  for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
    const bare = tag.replace(/"[^"]*"/g, '""');
    if (/\son[a-z]+\s*=|<script|<img|<svg|<iframe/i.test(bare)) problems.push(`${what}: live markup ${JSON.stringify(tag.slice(0, 60))}`);
  }
  if (html.includes(secret) || html.includes('root:x:0')) problems.push(`${what}: file content in the page`);
}

async function main() {
  const labels = JSON.stringify([EVIL, NAME]);
  const model = join(dir, 'm.cnn.yaml');
  const text = `name: ${JSON.stringify(EVIL)}\ninput: 4x4x1\nlabels: ${labels}\nlayers:\n  - {name: ${JSON.stringify(NAME)}, type: conv, filters: 2, kernel: 3}\n  - flatten\n  - {type: dense, units: 2}\n`;
  writeFileSync(model, text);
  const image = join(dir, `${NAME.replace(/\//g, '')}.png`);
  writeFileSync(image, png(4, 4));
  const bad = join(dir, `${EVIL.replace(/\//g, '')}.png`);
  writeFileSync(bad, 'not an image');
  const r = await runPipeline({ modelFile: model, text, images: [image, bad], roots: [dir] });
  checkHtml('run page', renderRunBody(toView(r, 'm.cnn.yaml').view));

  // Labels from /proc/self/environ and a symlink to /etc/passwd: refused, and the refusal carries no content.
  for (const [n, labelsPath] of [['environ', '/proc/self/environ'], ['symlink', 'passwd.txt']]) {
    if (n === 'symlink') symlinkSync('/etc/passwd', join(dir, 'passwd.txt'));
    const t2 = text.replace(/labels: .*\n/, `labels: ${labelsPath}\n`);
    try {
      const r2 = await runPipeline({ modelFile: model, text: t2, images: [image], roots: [dir] });
      checkHtml(`run page, labels ${n}`, renderRunBody(toView(r2, 'm.cnn.yaml').view));
      if (JSON.stringify(r2).includes(secret)) problems.push(`labels ${n}: file content in the result`);
    } catch (e) {
      if (String(e).includes(secret) || String(e).includes('root:x:0')) problems.push(`labels ${n}: file content in the error`);
    }
  }

  const data = join(dir, 'data');
  for (const c of [EVIL, NAME]) {
    const folder = join(data, c.replace(/\//g, ''));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${NAME}.png`), png(4, 4));
  }
  const labels2 = JSON.stringify([EVIL.replace(/\//g, ''), NAME]);
  const t3 = text.replace(/labels: .*\n/, `labels: ${labels2}\n`);
  const run = await runEvaluation({ modelFile: model, text: t3, dataset: data, roots: [dir] }, () => {}, () => false);
  checkHtml('evaluation page', renderEvaluationBody({ title: EVIL, folder: data, run, worstNames: run.worst.map((w) => w.image) }));
}

main()
  .catch((e) => problems.push(`threw: ${String(e).slice(0, 120)}`))
  .finally(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const p of problems) console.log(p);
    process.exit(0);
  });
