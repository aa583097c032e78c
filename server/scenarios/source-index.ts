// Positions recorded by the fast parsers (fast-yaml.ts, json-index.ts): a tree of offsets parallel to
// the document, walked by path, and offsets turned into 1-based line:col.
import type { Path } from './path.js';

/**
 * Which paths an index must record (a trie by key or index): indexing a 100 MB file whole would take
 * gigabytes, and only the paths of its problems are needed.
 */
export interface Want {
  children?: Map<string, Want>;
}

export function wantOf(paths: readonly Path[]): Want {
  const root: Want = {};
  for (const path of paths) {
    let node = root;
    for (const segment of path) {
      node.children ??= new Map();
      const key = String(segment);
      let next = node.children.get(key);
      if (!next) {
        next = {};
        node.children.set(key, next);
      }
      node = next;
    }
  }
  return root;
}

export interface IndexEntry {
  /** Offset of the key (map entries only). */
  keyStart?: number;
  /** Offset where the value starts (for a block collection: its first key or dash). */
  start: number;
  /** Offset just after a scalar value. */
  end: number;
  child?: IndexNode;
}

/** A map's or list's recorded entries (only the wanted ones; a list's are at their indexes). */
export type IndexNode = { kind: 'map'; keys: string[]; entries: IndexEntry[] } | { kind: 'seq'; entries: IndexEntry[] };

export interface SourceIndex {
  /** Offset where the document's root value starts. */
  rootStart: number;
  root?: IndexNode;
}

/** Line starts of a text, for offset -> line:col by binary search. */
export class LineTable {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.starts[lo]! + 1 };
  }
}

/** The entry at `path` (or the deepest existing one) and whether the whole path was found. */
export function lookup(index: SourceIndex, path: Path, target: 'value' | 'key'): { offset: number; entry?: IndexEntry; complete: boolean } {
  let node = index.root;
  let offset = index.rootStart;
  let entry: IndexEntry | undefined;
  for (let i = 0; i < path.length; i += 1) {
    const segment = path[i]!;
    let next: IndexEntry | undefined;
    if (node?.kind === 'map') {
      const k = node.keys.lastIndexOf(String(segment));
      next = k >= 0 ? node.entries[k] : undefined;
    } else if (node?.kind === 'seq' && typeof segment === 'number') {
      next = node.entries[segment];
    }
    if (!next) return { offset, complete: false };
    entry = next;
    if (i === path.length - 1 && target === 'key' && next.keyStart !== undefined) return { offset: next.keyStart, entry, complete: true };
    offset = next.start;
    node = next.child;
  }
  return { offset, entry, complete: true };
}
