// A column index: (key, item id) pairs kept sorted in bounded chunks, for eq, range and ordered scans on big lists.

/** Index keys: numbers (number, dateTime, lookup, boolean), lower-cased strings (text, choice), or null (empty). */
export type Key = number | string | null;

/** Empty first, then numbers, then strings: the order SharePoint sorts empty values ascending. */
export function cmpKey(a: Key, b: Key): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === typeof b) return a < b ? -1 : 1;
  return typeof a === "number" ? -1 : 1;
}

function cmpEntry(ka: Key, ia: number, kb: Key, ib: number): number {
  const c = cmpKey(ka, kb);
  return c !== 0 ? c : ia - ib;
}

interface Chunk {
  k: Key[];
  i: number[];
}

/** A place between entries: chunk c, offset j (j may equal the chunk's length only for the very end). */
export interface Pos {
  c: number;
  j: number;
}

const CHUNK = 512;

export class SortedIndex {
  private chunks: Chunk[] = [];
  size = 0;

  /** Replaces the contents with the given pairs in one sort (loading, bulk inserts). */
  rebuild(keys: Key[], ids: number[]): void {
    const order = ids.map((_, n) => n);
    order.sort((x, y) => cmpEntry(keys[x], ids[x], keys[y], ids[y]));
    this.chunks = [];
    for (let s = 0; s < order.length; s += CHUNK) {
      const slice = order.slice(s, s + CHUNK);
      this.chunks.push({ k: slice.map((n) => keys[n]), i: slice.map((n) => ids[n]) });
    }
    this.size = order.length;
  }

  /** All pairs in order, for rebuilding with more entries. */
  entries(): { keys: Key[]; ids: number[] } {
    const keys: Key[] = [];
    const ids: number[] = [];
    for (const ch of this.chunks) {
      for (let j = 0; j < ch.k.length; j++) {
        keys.push(ch.k[j]);
        ids.push(ch.i[j]);
      }
    }
    return { keys, ids };
  }

  /** First position whose entry is ≥ (key, id); id may be ±Infinity to bound all ids of a key. */
  lowerBound(key: Key, id: number): Pos {
    const chunks = this.chunks;
    let lo = 0;
    let hi = chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const ch = chunks[mid];
      const last = ch.k.length - 1;
      if (cmpEntry(ch.k[last], ch.i[last], key, id) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo === chunks.length) return this.end();
    const ch = chunks[lo];
    let a = 0;
    let b = ch.k.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (cmpEntry(ch.k[mid], ch.i[mid], key, id) < 0) a = mid + 1;
      else b = mid;
    }
    return { c: lo, j: a };
  }

  start(): Pos {
    return { c: 0, j: 0 };
  }

  end(): Pos {
    return { c: this.chunks.length, j: 0 };
  }

  insert(key: Key, id: number): void {
    if (this.chunks.length === 0) {
      this.chunks.push({ k: [key], i: [id] });
      this.size = 1;
      return;
    }
    let p = this.lowerBound(key, id);
    if (p.c === this.chunks.length) p = { c: p.c - 1, j: this.chunks[p.c - 1].k.length };
    const ch = this.chunks[p.c];
    ch.k.splice(p.j, 0, key);
    ch.i.splice(p.j, 0, id);
    this.size++;
    if (ch.k.length > CHUNK * 2) {
      const half = ch.k.length >> 1;
      this.chunks.splice(p.c + 1, 0, { k: ch.k.splice(half), i: ch.i.splice(half) });
    }
  }

  remove(key: Key, id: number): boolean {
    const p = this.lowerBound(key, id);
    if (p.c === this.chunks.length) return false;
    const ch = this.chunks[p.c];
    if (ch.i[p.j] !== id || cmpKey(ch.k[p.j], key) !== 0) return false;
    ch.k.splice(p.j, 1);
    ch.i.splice(p.j, 1);
    this.size--;
    if (ch.k.length === 0) this.chunks.splice(p.c, 1);
    return true;
  }

  /** Number of entries between two positions (from inclusive, to exclusive). */
  countBetween(from: Pos, to: Pos): number {
    if (cmpPos(from, to) >= 0) return 0;
    if (from.c === to.c) return to.j - from.j;
    let n = this.chunks[from.c].k.length - from.j;
    for (let c = from.c + 1; c < to.c; c++) n += this.chunks[c].k.length;
    if (to.c < this.chunks.length) n += to.j;
    return n;
  }

  /** Entry ids from `from` (inclusive) to `to` (exclusive), ascending, or descending from just before `to`. */
  *scan(from: Pos, to: Pos, desc = false): Generator<[Key, number]> {
    if (cmpPos(from, to) >= 0) return;
    const chunks = this.chunks;
    if (!desc) {
      let { c, j } = from;
      while (c < chunks.length && (c < to.c || (c === to.c && j < to.j))) {
        const ch = chunks[c];
        if (j >= ch.k.length) {
          c++;
          j = 0;
          continue;
        }
        yield [ch.k[j], ch.i[j]];
        j++;
      }
      return;
    }
    let c = to.c;
    let j = to.j - 1;
    if (c === chunks.length) {
      c = chunks.length - 1;
      j = c >= 0 ? chunks[c].k.length - 1 : -1;
    }
    while (c >= 0 && (c > from.c || (c === from.c && j >= from.j))) {
      if (j < 0) {
        c--;
        if (c >= 0) j = chunks[c].k.length - 1;
        continue;
      }
      const ch = chunks[c];
      yield [ch.k[j], ch.i[j]];
      j--;
    }
  }
}

export function cmpPos(a: Pos, b: Pos): number {
  return a.c !== b.c ? a.c - b.c : a.j - b.j;
}
