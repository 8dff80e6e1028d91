// Text → ParsedTree, reusing what did not change. A YAML file is cut into chunks (chunker.ts), each
// parsed once and cached by its text; after an edit only the touched chunk is parsed again and the
// others are moved to their new offsets. A JSON edit inside one layer re-parses that layer (jsonEdit.ts).
import { shiftNode, shiftProblem, type AstMap, type AstNode, type AstPair, type ParsedTree, type SyntaxProblem } from './ast';
import { chunkLayers } from './chunker';
import { parseYamlFast } from './fastYaml';
import { reparseJsonEdit } from './jsonEdit';
import { parseJson } from './jsonToAst';
import { lonelyCrToLf } from './lineBreaks';
import { parseYaml } from './yamlToAst';

export type SourceKind = 'yaml' | 'json';

export function sourceKindOf(fileName: string): SourceKind {
  return /\.json$/i.test(fileName) ? 'json' : 'yaml';
}

/** One YAML chunk (or a whole file) parsed with offsets from 0. */
function parseYamlPiece(text: string): ParsedTree {
  return parseYamlFast(text, 0) ?? parseYaml(text, 0);
}

/** A piece parsed at offset 0, and the copy last placed in the document (reused while it stays put). */
interface CachedPiece {
  tree: ParsedTree;
  base: number;
  placed: ParsedTree;
}

/** A layer's chunk as placed in the last version: what the next version can take over unchanged. */
interface PlacedChunk {
  start: number;
  end: number;
  tree: ParsedTree;
}

export class DocumentParser {
  private cache = new Map<string, CachedPiece>();
  /** The last YAML version's text and chunks, for reuse by position (no slicing or hashing). */
  private lastYaml: { text: string; chunks: PlacedChunk[] } | undefined;
  private lastJson: { text: string; tree: ParsedTree } | undefined;
  /** How many chunks the last parse took from the cache, and how many it parsed: for benchmarks and tests. */
  lastStats = { reused: 0, parsed: 0, chunked: false };

  parse(text: string, kind: SourceKind): ParsedTree {
    if (kind === 'json') {
      const edited = this.lastJson ? reparseJsonEdit(this.lastJson.text, this.lastJson.tree, text) : undefined;
      this.lastStats = { reused: edited ? 1 : 0, parsed: 1, chunked: edited !== undefined };
      const tree = edited ?? parseJson(text);
      this.lastJson = { text, tree };
      return tree;
    }
    text = lonelyCrToLf(text);
    const next = new Map<string, CachedPiece>();
    try {
      const chunked = this.parseYamlIncremental(text, next);
      if (!chunked) this.lastYaml = undefined;
      return chunked ?? this.piece(text, 0, next);
    } finally {
      this.cache = next; // keep only what this version uses, so memory follows the file
    }
  }

  private piece(text: string, base: number, next: Map<string, CachedPiece>): ParsedTree {
    let entry = this.cache.get(text) ?? next.get(text);
    if (entry) this.lastStats.reused++;
    else {
      const tree = parseYamlPiece(text);
      entry = { tree, base: 0, placed: tree };
      this.lastStats.parsed++;
    }
    next.set(text, entry);
    // Pieces before an edit keep their offsets: the same nodes serve again (nothing mutates the AST).
    if (entry.base !== base) {
      const t = entry.tree;
      entry.placed = {
        root: t.root ? shiftNode(t.root, base) : null,
        problems: t.problems.length ? t.problems.map((p) => shiftProblem(p, base)) : t.problems,
      };
      entry.base = base;
    }
    return entry.placed;
  }

  private parseYamlIncremental(text: string, next: Map<string, CachedPiece>): ParsedTree | undefined {
    this.lastStats = { reused: 0, parsed: 0, chunked: false };
    const chunks = chunkLayers(text);
    if (!chunks) return undefined;

    const header = this.piece(text.slice(0, chunks.itemsStart), 0, next);
    const root = header.root;
    if (!root || root.kind !== 'map') return undefined;
    const layersIdx = root.pairs.findIndex((p) => p.key.value === 'layers');
    const layersPair = root.pairs[layersIdx];
    if (!layersPair || (layersPair.value && !(layersPair.value.kind === 'scalar' && layersPair.value.value === null))) return undefined;

    const problems: SyntaxProblem[] = [...header.problems];
    const items: AstNode[] = [];
    let seqStart = -1;
    let seqEnd = -1;
    const reuse = this.reuser(text);
    const placed: PlacedChunk[] = [];
    for (const [s, e] of chunks.items) {
      let t = reuse(s, e);
      if (t) this.lastStats.reused++;
      else t = this.piece(text.slice(s, e), s, next);
      placed.push({ start: s, end: e, tree: t });
      problems.push(...t.problems);
      const seq = t.root;
      if (!seq) continue;
      if (seq.kind !== 'seq' || seq.items.length !== 1) return undefined; // the scan misjudged: parse whole
      items.push(seq.items[0]!);
      if (seqStart < 0) seqStart = seq.start;
      seqEnd = seq.items[0]!.end;
    }

    let suffixPairs: AstPair[] = [];
    let end = seqEnd;
    if (chunks.suffixStart < text.length) {
      const suffix = this.piece(text.slice(chunks.suffixStart), chunks.suffixStart, next);
      problems.push(...suffix.problems);
      if (suffix.root) {
        if (suffix.root.kind !== 'map') return undefined;
        suffixPairs = suffix.root.pairs;
        end = suffix.root.pairs.length ? suffix.root.end : seqEnd;
      }
    }

    if (seqStart < 0) seqStart = seqEnd = chunks.items[0]![0];
    // From the first `-` to the end of the last item, as a whole parse has it (yamlToAst blockEnd).
    const seq: AstNode = { kind: 'seq', items, flow: false, start: seqStart, end: seqEnd };
    const pairs = root.pairs.slice();
    pairs[layersIdx] = { key: layersPair.key, value: seq, start: layersPair.start, end: seqEnd };
    pairs.push(...suffixPairs);
    const map: AstMap = { kind: 'map', pairs, flow: false, start: root.start, end };
    this.lastStats.chunked = true;
    this.lastYaml = { text, chunks: placed };
    return { root: map, problems };
  }

  /**
   * Finds, for a chunk [start, end) of `text`, the last version's tree of the same text: a chunk before
   * the edit is the same at the same place; one after it is the same, moved by the length change.
   * Chunks are asked for in order, so one pointer walks the last version's list.
   */
  private reuser(text: string): (start: number, end: number) => ParsedTree | undefined {
    const last = this.lastYaml;
    if (!last) return () => undefined;
    const old = last.text;
    const min = Math.min(old.length, text.length);
    let prefix = 0;
    while (prefix < min && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < min - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
    const delta = text.length - old.length;
    const tailFrom = text.length - suffix;
    let k = 0;
    const find = (start: number, end: number) => {
      while (k < last.chunks.length && last.chunks[k]!.start < start) k++;
      const c = last.chunks[k];
      return c && c.start === start && c.end === end ? c : undefined;
    };
    return (start, end) => {
      if (end <= prefix) return find(start, end)?.tree;
      if (start >= tailFrom) {
        const c = find(start - delta, end - delta);
        if (!c) return undefined;
        if (delta === 0) return c.tree;
        const t = c.tree;
        return { root: t.root ? shiftNode(t.root, delta) : null, problems: t.problems.length ? t.problems.map((p) => shiftProblem(p, delta)) : t.problems };
      }
      return undefined;
    };
  }
}

/** Parses once, without a cache. */
export function parseSource(text: string, kind: SourceKind): ParsedTree {
  return new DocumentParser().parse(text, kind);
}
