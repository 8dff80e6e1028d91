// How messages name a layer: by its name (`'conv1'`), else by its place counted from 1, as people
// count: "the 3rd layer (maxpool)". (Counting from 0, "layer 2 (maxpool)", read as the wrong layer.)
import type { LayerDecl } from '../model/types';

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** `'conv1'` for a named layer (or one of a block's copies), else "the 3rd layer (maxpool)". */
export function layerLabel(l: Pick<LayerDecl, 'name' | 'block' | 'id' | 'type'>): string {
  if (l.name || l.block || !/^\d+$/.test(l.id)) return `'${l.id}'`;
  return `the ${ordinal(Number(l.id) + 1)} layer (${l.type || '?'})`;
}
