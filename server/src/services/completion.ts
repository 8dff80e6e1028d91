// Completion: layer types and the file's blocks, parameter names (with their documentation and
// defaults; at a block use, the block's parameters), layer names inside `inputs` (within the scope:
// the top level or one block), `rounding` values, parameter values with a fixed set (padding,
// booleans), `$name` inside a block definition, and the file's top-level keys. Each item replaces
// the word at the cursor, quotes included in JSON.
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../core/src/index';
import { DEFINITION_KEYS, LAYERS, LAYER_TYPES, USE_KEYS, commonKeyDoc, commonKeyDocs, layerRoundingDoc, layerTexts, own, paramDoc } from '../../../core/src/index';
import type { ParamSpec } from '../../../core/src/index';
import { ROUNDINGS, TOP_KEYS, t, type MessageId } from '../../../core/src/index';
import { completionPlace, type Place, type Word } from './completionContext';
import { INPUT_SIZES, layerTypeSnippet, starterModel, type LayerStyle } from './completionSnippets';
import { joinList } from './lists';
import { lineBreakAt, lineStartAt, toRange } from './ranges';
import { runsOf } from './results';
import { fileNames, itemAt, type BlockSyntax, type ItemRef } from './scopes';
import { outputsLabel, shapeLabel } from './shapes';

const ROUNDING_DOC: Record<string, MessageId> = {
  strict: 'completion.roundingStrict',
  floor: 'completion.roundingFloor',
  ceil: 'completion.roundingCeil',
};

export function completion(analysis: Analysis, doc: TextDocument, offset: number): CompletionItem[] {
  const { place, word } = completionPlace(analysis, offset);
  const json = analysis.kind === 'json';
  const make = new ItemMaker(doc, word, json);
  // An empty file (but for the word being typed: the suggestion pops up while typing `in…`): the starter
  // model first, then whatever the place offers (the top-level keys).
  const rest = analysis.text.slice(0, word.start) + analysis.text.slice(word.end);
  if (rest.trim() === '') return [starter(make, json, analysis.text), ...itemsFor(analysis, place, make)];
  return itemsFor(analysis, place, make);
}

/** The starter model snippet; found by typing the first key (`input`) or the word `model`, in any language. */
function starter(make: ItemMaker, json: boolean, text: string): CompletionItem {
  const item = make.snippet(t('completion.newModel'), CompletionItemKind.Snippet, t('completion.starterModel'), t('completion.starterDoc'), '!', starterModel(json, lineBreakAt(text, 0)));
  item.filterText = `${item.filterText ?? ''} input model layers`; // l10n-ignore: words typed to find it, never shown
  return item;
}

function itemsFor(a: Analysis, place: Place, make: ItemMaker): CompletionItem[] {
  switch (place.kind) {
    case 'layerType': {
      const { style, present } = layerStyle(a, make.word, place.bareItem);
      const types = LAYER_TYPES.map((type, i) => {
        const words = layerTexts(type)!;
        const sort = String(i).padStart(2, '0');
        // A type with required parameters comes with them as tab stops: a bare `conv` is an error.
        const value = place.bareItem ? `type: ${type}` : make.spelled(type);
        const snippet = layerTypeSnippet(type, value, style, present);
        if (snippet) return make.snippet(type, CompletionItemKind.Class, words.summary, words.doc, sort, `${make.word.afterColon ? ' ' : ''}${snippet}`);
        return make.value(type, CompletionItemKind.Class, words.summary, words.doc, sort);
      });
      // The file's blocks first: a file that defines them mostly uses them. A block never uses itself.
      for (const b of fileNames(a).blocks.values()) {
        if (b.name !== place.scope.block) types.push(make.value(b.name, CompletionItemKind.Module, blockDetail(b), blockDoc(b), `!${b.name}`));
      }
      if (place.bareItem) types.push(make.key('type', commonKeyDoc('type')!, t('completion.keyDetail'), '00'));
      return types;
    }
    case 'layerKey':
      return keysFor(a, place.at, place.present, make);
    case 'inputName':
      return inputNames(a, place.at, make);
    case 'inputSize':
      return INPUT_SIZES.map(([v, doc], i) => make.value(v, CompletionItemKind.Value, t('completion.inputSizeDetail'), t(doc), String(i)));
    case 'rounding':
      return ROUNDINGS.map((r, i) => make.value(r, CompletionItemKind.EnumMember, 'rounding', t(ROUNDING_DOC[r]!), String(i)));
    case 'paramValue': {
      const type = place.at.item.type?.name ?? '';
      const layerSpec = LAYERS.get(type);
      const spec = layerSpec ? own(layerSpec.params, place.key) : undefined;
      const items = dollars(a, place.at, make);
      if (spec?.kind === 'padding') {
        const same = t(type === 'convtranspose' ? 'completion.paddingSameTranspose' : 'completion.paddingSame');
        items.push(
          make.value('same', CompletionItemKind.EnumMember, 'padding', same, '0'),
          make.value('valid', CompletionItemKind.EnumMember, 'padding', t('completion.paddingValid'), '1'),
        );
      }
      if (spec?.kind === 'bool') items.push(...['true', 'false'].map((b, i) => make.literal(b, String(i))));
      if (spec?.kind === 'enum') items.push(...spec.values.map((v, i) => make.value(v, CompletionItemKind.EnumMember, place.key, paramDoc(type, place.key) ?? spec.doc, String(i))));
      return items;
    }
    case 'definitionKey':
      return Object.entries(DEFINITION_KEYS)
        .filter(([k]) => !place.present.includes(k))
        .map(([k, doc]) => make.key(k, doc, t(k === 'layers' ? 'hover.required' : 'completion.optional'), k));
    case 'topKey':
      return Object.entries(TOP_KEYS)
        .filter(([k]) => !place.present.includes(k))
        .map(([k, doc]) => make.key(k, doc, t(k === 'input' || k === 'layers' ? 'hover.required' : 'completion.optional'), k));
    case 'none':
      return [];
  }
}

/** A layer type's parameters and the keys of any layer; at a block use, the block's parameters and the keys of a use. */
function keysFor(a: Analysis, at: ItemRef, present: string[], make: ItemMaker): CompletionItem[] {
  const type = at.item.type?.name ?? '';
  const block = fileNames(a).blocks.get(type);
  if (block) {
    const items = block.params
      .filter((p) => !present.includes(p.name))
      .map((p) => {
        const required = !paramDefault(block, p.name);
        const detail = required ? t('hover.required') : t('hover.defaultValue', { value: paramDefault(block, p.name)! });
        return make.key(p.name, t('completion.blockParamDoc', { block: block.name }), detail, `${required ? 0 : 1}${p.name}`);
      });
    for (const [k, doc] of Object.entries(USE_KEYS)) if (!present.includes(k)) items.push(make.key(k, doc, t('completion.blockUse'), `2${k}`));
    return items;
  }
  const params = Object.entries(LAYERS.get(type)?.params ?? {});
  const items = params
    .filter(([k]) => !present.includes(k))
    .map(([k, p]) => make.key(k, paramDoc(type, k) ?? p.doc, paramDetail(p), `${p.required ? 0 : 1}${k}`));
  for (const [k, doc] of Object.entries(commonKeyDocs())) {
    if (!present.includes(k)) items.push(make.key(k, doc, t('completion.anyLayer'), `2${k}`));
  }
  if (LAYERS.get(type)?.rounding && !present.includes('rounding')) items.push(make.key('rounding', layerRoundingDoc(), t('completion.thisLayerOnly'), '2rounding'));
  return items;
}

/** How the layer at the word is written, and the keys it already has. */
function layerStyle(a: Analysis, word: { start: number }, bare: boolean): { style: LayerStyle; present: string[] } {
  if (a.kind === 'json') return { style: { kind: 'json' }, present: keysAt(a, word.start) };
  const lineStart = lineStartAt(a.text, word.start);
  const eol = lineBreakAt(a.text, word.start);
  if (bare) return { style: { kind: 'block', indent: word.start - lineStart, eol }, present: [] };
  const node = itemAt(fileNames(a), word.start)?.item.node;
  if (node?.kind === 'map' && node.flow) return { style: { kind: 'flow' }, present: keysAt(a, word.start) };
  // The keys of a block mapping line up with `type:`, after any `- `.
  const indent = /^\s*(?:-\s+)?/.exec(a.text.slice(lineStart, word.start))![0].length;
  return { style: { kind: 'block', indent, eol }, present: keysAt(a, word.start) };
}

function keysAt(a: Analysis, offset: number): string[] {
  return itemAt(fileNames(a), offset)?.item.keys.map((k) => k.name) ?? [];
}

/** The scope's inputs, then its earlier layers with a name, nearest first, with their output shapes. */
function inputNames(a: Analysis, at: ItemRef, make: ItemMaker): CompletionItem[] {
  const { scope, item } = at;
  const items = scope.block === undefined
    ? [make.value('input', CompletionItemKind.Reference, t('completion.networkInputDetail', { shape: shapeLabel(a.model.input?.value) }), t('completion.networkInputDoc'), '0')]
    : scope.inputs.map((i, k) => make.value(i.name, CompletionItemKind.Reference, t('completion.blockInputDetail', { block: scope.block! }), undefined, `0${k}`));
  for (let i = item.index - 1; i >= 0; i--) {
    const it = scope.items[i]!;
    if (!it.name) continue;
    const order = String(item.index - i).padStart(6, '0');
    const detail = t('completion.layerDetail', { index: i, type: it.type?.name ?? '?', shape: outputsLabel(runsOf(a, scope, it)) });
    items.push(make.value(it.name.name, CompletionItemKind.Reference, detail, undefined, `1${order}`));
  }
  return items;
}

/** Inside a block definition, its parameters as `$name` values. */
function dollars(a: Analysis, at: ItemRef, make: ItemMaker): CompletionItem[] {
  const block = at.scope.block === undefined ? undefined : fileNames(a).blocks.get(at.scope.block);
  if (!block) return [];
  return block.params.map((p) => {
    const d = paramDefault(block, p.name);
    return make.value(`$${p.name}`, CompletionItemKind.Variable, d ? t('completion.blockParamDefault', { value: d }) : t('completion.blockParamRequired'), undefined, `~${p.name}`);
  });
}

/** A block parameter's default as written, or undefined for a required one. */
function paramDefault(b: BlockSyntax, name: string): string | undefined {
  return b.defaults.get(name);
}

function blockDetail(b: BlockSyntax): string {
  if (!b.params.length) return t('completion.blockDetail');
  return t('completion.blockDetailParams', { params: b.params.map((p) => (b.defaults.has(p.name) ? `${p.name}=${b.defaults.get(p.name)!}` : p.name)).join(', ') });
}

function blockDoc(b: BlockSyntax): string {
  const params = b.params.map((p) => {
    const name = `\`${p.name}\``;
    return b.defaults.has(p.name) ? t('completion.blockDocParamDefault', { name, value: `\`${b.defaults.get(p.name)!}\`` }) : t('completion.blockDocParamRequired', { name });
  });
  const count = b.scope.items.length;
  const head = count === 1 ? t('completion.blockDocOne') : t('completion.blockDocMany', { count });
  return [head, ...(params.length ? [t('completion.blockDocParams', { list: joinList(params) })] : [])].join('  \n');
}

function paramDetail(p: ParamSpec): string {
  if (p.required) return t('hover.required');
  if (p.default !== undefined) return t('hover.defaultValue', { value: String(p.default) });
  return t('completion.optional');
}

/** Items that replace the word at the cursor, in YAML or JSON spelling. */
class ItemMaker {
  constructor(
    private readonly doc: TextDocument,
    readonly word: Word,
    private readonly json: boolean,
  ) {}

  /** A string value: quoted in JSON (or where the user opened a quote). */
  value(label: string, kind: CompletionItemKind, detail: string, doc: string | undefined, sort: string): CompletionItem {
    const text = this.json || this.word.quote ? JSON.stringify(label) : label;
    return this.item(label, kind, detail, doc, sort, `${this.word.afterColon ? ' ' : ''}${text}`);
  }

  /** A string value as it is written here: quoted in JSON or inside quotes. */
  spelled(label: string): string {
    return this.json || this.word.quote ? JSON.stringify(label) : label;
  }

  /** A snippet with tab stops; its text is inserted as it is (indentation included). */
  snippet(label: string, kind: CompletionItemKind, detail: string, doc: string | undefined, sort: string, snippet: string): CompletionItem {
    return { ...this.item(label, kind, detail, doc, sort, snippet), insertTextFormat: InsertTextFormat.Snippet, insertTextMode: InsertTextMode.asIs };
  }

  /** A literal (true/false): never quoted. */
  literal(label: string, sort: string): CompletionItem {
    return this.item(label, CompletionItemKind.Value, '', undefined, sort, `${this.word.afterColon ? ' ' : ''}${label}`);
  }

  /** A key, with its colon: `stride: ` or `"stride": `. */
  key(label: string, doc: string, detail: string, sort: string): CompletionItem {
    const k = this.json || this.word.quote ? JSON.stringify(label) : label;
    return this.item(label, CompletionItemKind.Property, detail, doc, sort, `${k}: `);
  }

  private item(label: string, kind: CompletionItemKind, detail: string, doc: string | undefined, sort: string, newText: string): CompletionItem {
    const item: CompletionItem = {
      label,
      kind,
      sortText: sort,
      // The client filters on the replaced text, which starts with the quote in JSON.
      filterText: `${this.word.quote}${label}`,
      textEdit: { range: toRange(this.doc, this.word), newText },
    };
    if (detail) item.detail = detail;
    if (doc) item.documentation = { kind: MarkupKind.Markdown, value: doc };
    return item;
  }
}
