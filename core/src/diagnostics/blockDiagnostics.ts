// Diagnostics of layers inside blocks, as people read them: each is reported where it is written in
// the definition, naming the copy (`in layer1.1: …`), with related information to the use; identical
// ones from many copies become one (`in layer1.0 … layer1.999 (1000 copies): …`), so that a mistake
// repeated a thousand times is one line; and each use gets one diagnostic saying which copies failed.
import { copyOfDiagnostic } from '../model/blocks';
import type { BlockCopy, Model } from '../model/types';
import type { Span } from '../syntax/ast';
import type { CoreDiagnostic, RelatedInfo } from './diagnostic';
import { t } from '../i18n/t';

/** Different messages at one place from different copies: this many are shown, then one line for the rest. */
const MAX_GROUPS_PER_PLACE = 8;
/** Uses named in one diagnostic's related information. */
const MAX_RELATED_USES = 3;

interface Group {
  first: CoreDiagnostic;
  copies: BlockCopy[];
}

interface FailedUse {
  span: Span;
  definition: string;
  code: CoreDiagnostic['code'];
  names: string[];
  seen: Set<string>;
  repeated: boolean;
}

/** The copy a diagnostic arose in, if it is about a block's insides. */
function copyOf(model: Model, d: CoreDiagnostic): BlockCopy | undefined {
  return copyOfDiagnostic(d) ?? (d.layerIndex !== undefined ? model.layers[d.layerIndex]?.block : undefined);
}

export function groupBlockDiagnostics(model: Model, diags: readonly CoreDiagnostic[]): CoreDiagnostic[] {
  if (!model.blocks) return diags.slice();
  const out: CoreDiagnostic[] = [];
  const groups = new Map<string, Group>();
  const failed = new Map<string, FailedUse>();
  for (const d of diags) {
    const copy = copyOf(model, d);
    if (!copy) {
      out.push(d);
      continue;
    }
    if (d.severity === 'error') for (let c: BlockCopy | undefined = copy; c; c = c.outer) noteFailure(failed, c, d.code);
    const key = `${d.span.start}:${d.span.end}:${d.code}:${d.severity}:${d.message}`;
    const g = groups.get(key);
    if (g) g.copies.push(copy);
    else groups.set(key, { first: d, copies: [copy] });
  }
  out.push(...limitPerPlace([...groups.values()]).map(grouped));
  for (const f of failed.values()) out.push(useDiagnostic(model, f));
  return out;
}

function noteFailure(failed: Map<string, FailedUse>, c: BlockCopy, code: CoreDiagnostic['code']): void {
  const key = `${c.useSpan.start}:${c.useSpan.end}`;
  let f = failed.get(key);
  if (!f) {
    f = { span: c.useSpan, definition: c.definition, code, names: [], seen: new Set(), repeated: c.repeated };
    failed.set(key, f);
  }
  if (!f.seen.has(c.use)) {
    f.seen.add(c.use);
    f.names.push(c.use);
  }
}

/** `a`, `a, b, c`, or `a … z (n copies)`. */
function copyList(names: readonly string[]): string {
  if (names.length <= 3) return names.join(', ');
  return t('blocks.copyRange', { first: names[0]!, last: names[names.length - 1]!, count: names.length });
}

function grouped(g: Group): CoreDiagnostic {
  const names = [...new Set(g.copies.map((c) => c.use))];
  const d: CoreDiagnostic = { ...g.first, message: t('blocks.inCopies', { copies: copyList(names), message: g.first.message }) };
  const related: RelatedInfo[] = [...(g.first.related ?? [])];
  const spans = new Set<string>();
  for (const c of g.copies) {
    for (let u: BlockCopy | undefined = c; u; u = u.outer) {
      const k = `${u.useSpan.start}:${u.useSpan.end}`;
      if (spans.has(k) || spans.size >= MAX_RELATED_USES) continue;
      spans.add(k);
      related.push({ span: u.useSpan, message: t('blocks.aUse', { use: u.use, block: u.definition }) });
    }
    if (spans.size >= MAX_RELATED_USES) break;
  }
  d.related = related;
  return d;
}

/** At most MAX_GROUPS_PER_PLACE differing diagnostics at one place and code; the rest become one. */
function limitPerPlace(groups: Group[]): Group[] {
  const byPlace = new Map<string, Group[]>();
  for (const g of groups) {
    const k = `${g.first.span.start}:${g.first.span.end}:${g.first.code}`;
    const list = byPlace.get(k);
    if (list) list.push(g);
    else byPlace.set(k, [g]);
  }
  const out: Group[] = [];
  for (const list of byPlace.values()) {
    if (list.length <= MAX_GROUPS_PER_PLACE) {
      out.push(...list);
      continue;
    }
    out.push(...list.slice(0, MAX_GROUPS_PER_PLACE - 1));
    const rest = list.slice(MAX_GROUPS_PER_PLACE - 1);
    const first = rest[0]!.first;
    out.push({ first: { ...first, message: t(rest.length > 2 ? 'blocks.moreMessagesMany' : 'blocks.moreMessagesOne', { message: first.message, count: rest.length - 1 }) }, copies: rest.flatMap((g) => g.copies) });
  }
  return out;
}

function useDiagnostic(model: Model, f: FailedUse): CoreDiagnostic {
  const n = f.names.length;
  const block = f.definition;
  const message = !f.repeated
    ? n === 1
      ? t('blocks.useHasErrors', { use: f.names[0]!, block })
      : t('blocks.usesHaveErrors', { uses: copyList(f.names), block })
    : n === 1
      ? t('blocks.copyHasErrors', { use: f.names[0]!, block })
      : t('blocks.copiesHaveErrors', { uses: copyList(f.names), block });
  const d: CoreDiagnostic = { severity: 'error', code: f.code, message, span: f.span };
  const def = model.blocks!.definitions.get(f.definition);
  if (def) d.related = [{ span: def.nameSpan, message: t('blocks.definedHere', { block: f.definition }) }];
  return d;
}
