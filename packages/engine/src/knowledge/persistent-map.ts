/**
 * An immutable string-keyed map with cheap copy-on-write updates, for knowledge states that must stay pure
 * (`update` returns a new state) yet hold hundreds of items per learner.
 *
 * Why not `new Map(old)`: copying a map of n entries on every attempt costs O(n); here an update copies one
 * 32-slot top array, one 32-slot middle array and one small leaf, independent of the map's size
 * (a two-level hash trie, the idea behind Bagwell's HAMT without the bitmap compression).
 */
export type PersistentMap<V> = { readonly size: number; readonly root: readonly (Mid<V> | undefined)[] };
type Leaf<V> = readonly (readonly [string, V])[];
type Mid<V> = readonly (Leaf<V> | undefined)[];

const WIDTH = 32;
const EMPTY_ROOT: readonly undefined[] = Object.freeze(new Array<undefined>(WIDTH).fill(undefined));

/** FNV-1a 32-bit hash of a string. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The empty map. */
export function emptyMap<V>(): PersistentMap<V> {
  return { size: 0, root: EMPTY_ROOT };
}

/** The value stored under `key`, if any. */
export function mapGet<V>(map: PersistentMap<V>, key: string): V | undefined {
  const h = hash(key);
  const leaf = map.root[h & 31]?.[(h >>> 5) & 31];
  if (leaf === undefined) return undefined;
  for (const [k, v] of leaf) if (k === key) return v;
  return undefined;
}

/** A new map with `key` set to `value`; the input map is unchanged. */
export function mapSet<V>(map: PersistentMap<V>, key: string, value: V): PersistentMap<V> {
  const h = hash(key);
  const i = h & 31;
  const j = (h >>> 5) & 31;
  const mid = map.root[i];
  const leaf = mid?.[j];
  let grew = 1;
  let newLeaf: (readonly [string, V])[];
  if (leaf === undefined) newLeaf = [[key, value]];
  else {
    newLeaf = leaf.slice();
    const at = newLeaf.findIndex(([k]) => k === key);
    if (at >= 0) {
      newLeaf[at] = [key, value];
      grew = 0;
    } else newLeaf.push([key, value]);
  }
  const newMid = mid === undefined ? new Array<Leaf<V> | undefined>(WIDTH).fill(undefined) : mid.slice();
  newMid[j] = newLeaf;
  const newRoot = map.root.slice();
  newRoot[i] = newMid;
  return { size: map.size + grew, root: newRoot };
}

/** Every entry, in no particular order. */
export function* mapEntries<V>(map: PersistentMap<V>): Generator<readonly [string, V]> {
  for (const mid of map.root) {
    if (mid === undefined) continue;
    for (const leaf of mid) if (leaf !== undefined) yield* leaf;
  }
}
