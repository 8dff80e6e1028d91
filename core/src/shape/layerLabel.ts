// How messages name a layer: by its name (`'conv1'`), else by its place counted from 1, as people
// count: "the 3rd layer (maxpool)". (Counting from 0, "layer 2 (maxpool)", read as the wrong layer.)
import type { LayerDecl } from '../model/types';
import { t } from '../i18n/t';

const SUFFIXES = ['shape.ordinalTh', 'shape.ordinalSt', 'shape.ordinalNd', 'shape.ordinalRd'] as const;

/** 1st, 2nd, 11th in English; 第 1 in Chinese. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const id = tens >= 11 && tens <= 13 ? 'shape.ordinalTh' : (SUFFIXES[n % 10] ?? 'shape.ordinalTh');
  return t(id, { n });
}

/** `'conv1'` for a named layer (or one of a block's copies), else "the 3rd layer (maxpool)". */
export function layerLabel(l: Pick<LayerDecl, 'name' | 'block' | 'id' | 'type'>): string {
  if (l.name || l.block || !/^\d+$/.test(l.id)) return `'${l.id}'`;
  return t('shape.nthLayer', { ordinal: ordinal(Number(l.id) + 1), type: l.type || '?' });
}
