// Completion: layer types, parameter names (with their documentation and defaults), layer names
// inside `inputs`, `rounding` values, parameter values with a fixed set (padding, booleans) and the
// file's top-level keys. Each item replaces the word at the cursor, quotes included in JSON.
import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../core/src/index';
import { COMMON_KEYS, LAYER_ROUNDING_DOC, LAYERS, LAYER_TYPES, own } from '../../../core/src/index';
import type { ParamSpec } from '../../../core/src/index';
import { ROUNDINGS, TOP_KEYS } from '../../../core/src/index';
import { completionPlace, type Place, type Word } from './completionContext';
import { toRange } from './ranges';
import { resultLabel, shapeLabel } from './shapes';

const ROUNDING_DOC: Record<string, string> = {
  strict: 'A non-whole output size is an error (the default).',
  floor: 'Round non-whole sizes down, as PyTorch and Keras `valid` do.',
  ceil: "Round non-whole sizes up, as PyTorch's `ceil_mode` does.",
};

export function completion(analysis: Analysis, doc: TextDocument, offset: number): CompletionItem[] {
  const { place, word } = completionPlace(analysis, offset);
  const json = analysis.kind === 'json';
  const make = new ItemMaker(doc, word, json);
  return itemsFor(analysis, place, make);
}

function itemsFor(a: Analysis, place: Place, make: ItemMaker): CompletionItem[] {
  switch (place.kind) {
    case 'layerType': {
      const types = LAYER_TYPES.map((t, i) => {
        const spec = LAYERS.get(t)!;
        return make.value(t, CompletionItemKind.Class, spec.summary, spec.doc, String(i).padStart(2, '0'));
      });
      if (place.bareItem) types.push(make.key('type', COMMON_KEYS.type!, 'key', '00'));
      return types;
    }
    case 'layerKey': {
      const type = a.layers[place.layerIndex]?.decl.type ?? '';
      const params = Object.entries(LAYERS.get(type)?.params ?? {});
      const items = params
        .filter(([k]) => !place.present.includes(k))
        .map(([k, p]) => make.key(k, p.doc, paramDetail(p), `${p.required ? 0 : 1}${k}`));
      for (const [k, doc] of Object.entries(COMMON_KEYS)) {
        if (!place.present.includes(k)) items.push(make.key(k, doc, 'any layer', `2${k}`));
      }
      if (LAYERS.get(type)?.rounding && !place.present.includes('rounding')) items.push(make.key('rounding', LAYER_ROUNDING_DOC, 'this layer only', '2rounding'));
      return items;
    }
    case 'inputName': {
      const items = [make.value('input', CompletionItemKind.Reference, `network input → ${shapeLabel(a.model.input?.value)}`, 'The network input.', '0')];
      for (let i = place.layerIndex - 1; i >= 0; i--) {
        const r = a.layers[i]!;
        if (!r.decl.name) continue;
        const order = String(place.layerIndex - i).padStart(6, '0');
        items.push(make.value(r.decl.name.value, CompletionItemKind.Reference, `layer ${i} (${r.decl.type}) → ${resultLabel(r)}`, undefined, `1${order}`));
      }
      return items;
    }
    case 'rounding':
      return ROUNDINGS.map((r, i) => make.value(r, CompletionItemKind.EnumMember, 'rounding', ROUNDING_DOC[r], String(i)));
    case 'paramValue': {
      const type = a.layers[place.layerIndex]?.decl.type ?? '';
      const layerSpec = LAYERS.get(type);
      const spec = layerSpec ? own(layerSpec.params, place.key) : undefined;
      if (spec?.kind === 'padding') {
        const same = type === 'convtranspose' ? "Output = n · stride (Keras' rule)." : "Output = ceil(n / stride) (TensorFlow's rule).";
        return [
          make.value('same', CompletionItemKind.EnumMember, 'padding', same, '0'),
          make.value('valid', CompletionItemKind.EnumMember, 'padding', 'No padding (= 0).', '1'),
        ];
      }
      if (spec?.kind === 'bool') return ['true', 'false'].map((b, i) => make.literal(b, String(i)));
      if (spec?.kind === 'enum') return spec.values.map((v, i) => make.value(v, CompletionItemKind.EnumMember, place.key, spec.doc, String(i)));
      return [];
    }
    case 'topKey':
      return Object.entries(TOP_KEYS)
        .filter(([k]) => !place.present.includes(k))
        .map(([k, doc]) => make.key(k, doc, k === 'input' || k === 'layers' ? 'required' : 'optional', k));
    case 'none':
      return [];
  }
}

function paramDetail(p: ParamSpec): string {
  if (p.required) return 'required';
  if (p.default !== undefined) return `default ${String(p.default)}`;
  return 'optional';
}

/** Items that replace the word at the cursor, in YAML or JSON spelling. */
class ItemMaker {
  constructor(
    private readonly doc: TextDocument,
    private readonly word: Word,
    private readonly json: boolean,
  ) {}

  /** A string value: quoted in JSON (or where the user opened a quote). */
  value(label: string, kind: CompletionItemKind, detail: string, doc: string | undefined, sort: string): CompletionItem {
    const text = this.json || this.word.quote ? JSON.stringify(label) : label;
    return this.item(label, kind, detail, doc, sort, `${this.word.afterColon ? ' ' : ''}${text}`);
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
