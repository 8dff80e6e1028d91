// Finds English text in code that users may see but that does not come from the catalogue: every string
// and template literal with two or more English words in a row, in the client, the server, the CLI,
// the runner and the core. Skipped: the catalogue itself, layer types' docs (summary, doc, rule: their
// Chinese is checked by tests/i18n/layerDocs.test.ts), imports, ids and paths (no spaces), the
// pages' style and script sources (STYLE/SCRIPT/CSS constants), and lines marked `// dev-only` (log
// lines and invariant errors for developers) or `// l10n-ignore` (code or data that looks like words),
// on the line itself or the line above.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export const DIRS: readonly string[] = ['client/src', 'server/src', 'cli/src', 'runner/src', 'core/src'];
/** Not shown to users: the codes' descriptions document the contract for developers. */
const SKIP_FILES = new Set(['core/src/diagnostics/codes.ts']);
/** A layer type's own docs stay English in its file; their Chinese is in the catalogue (tests/i18n/layerDocs). */
const LAYER_DOC_KEYS = new Set(['summary', 'doc', 'rule', 'layout']);
/** The same for the keys every layer has and a window layer's `rounding:` (registry.ts), and activations' docs. */
const LAYER_DOC_NAMES = new Set(['COMMON_KEY_DOCS', 'LAYER_ROUNDING_DOC']);
const LAYER_DOC_CALLS = new Set(['elementwise']);
const SKIP_DIRS = new Set(['i18n', 'node_modules']);
/** Two English words in a row: letters, white space (after a comma, colon or the like), lower-case letters. */
const WORDS = /[A-Za-z]{2,}[,;:'’]? +[a-z]{2,}/;
/** Markup tags and their attributes are code, not text: only what lies between tags counts. */
const TAGS = /<[^<>]*>/g;
/** Marks a literal that is code or data, not words for users. */
const MARK = /\/\/ (dev-only|l10n-ignore)/;
const CODE_CONSTANT = /^(STYLE|SCRIPT|CSS|JS|[A-Z_]*(STYLE|SCRIPT|CSS|TEMPLATE_JS))$/;

export interface Stray {
  file: string;
  line: number;
  text: string;
}

function files(root: string, dir: string): string[] {
  const out: string[] = [];
  const full = join(root, dir);
  for (const name of readdirSync(full)) {
    const p = join(full, name);
    if (statSync(p).isDirectory()) {
      if (!SKIP_DIRS.has(name)) out.push(...files(root, join(dir, name)));
    } else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(join(dir, name));
  }
  return out;
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return undefined;
}

function isSkippedContext(node: ts.Node): boolean {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p)) return true;
    if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name) && CODE_CONSTANT.test(p.name.text)) return true;
    if (ts.isJSDoc(p)) return true;
    if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && LAYER_DOC_KEYS.has(p.name.text) && p.getSourceFile().fileName.startsWith('core/src/layers/')) return true;
    if (!p.getSourceFile().fileName.startsWith('core/src/layers/')) continue;
    if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name) && LAYER_DOC_NAMES.has(p.name.text)) return true;
    if (ts.isCallExpression(p) && ts.isIdentifier(p.expression) && LAYER_DOC_CALLS.has(p.expression.text)) return true;
  }
  return false;
}

/** `dirs`: folders under `root` to scan (each must exist, so a wrong root cannot pass as clean). */
export function strayEnglish(root: string, dirs: readonly string[] = DIRS): Stray[] {
  const out: Stray[] = [];
  for (const file of dirs.flatMap((d) => files(root, d)).filter((f) => !SKIP_FILES.has(f))) {
    const text = readFileSync(join(root, file), 'utf8');
    const lines = text.split('\n');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      const s = literalText(node);
      if (s !== undefined) {
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
        const marked = MARK.test(lines[line] ?? '') || MARK.test(lines[line - 1] ?? '');
        if (!marked && WORDS.test(s.replace(TAGS, ' ')) && !isSkippedContext(node)) out.push({ file: relative(root, join(root, file)), line: line + 1, text: s.slice(0, 80) });
        if (ts.isTemplateExpression(node)) node.templateSpans.forEach((sp) => visit(sp.expression));
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}
