// Positions in a JSON text that JSON.parse has already accepted: one pass that records where the
// wanted keys and values start and skips everything else. Only run when a JSON file has a problem.
import type { IndexEntry, IndexNode, SourceIndex, Want } from './source-index.js';

/** The next character that matters when skipping a collection. */
const STRUCTURE = /["[\]{}]/g;

class JsonIndexer {
  private p = 0;

  constructor(private readonly text: string) {}

  index(want: Want): SourceIndex {
    this.skipSpace();
    const rootStart = this.p;
    const root = this.value(want);
    return { rootStart, ...(root.node ? { root: root.node } : {}) };
  }

  private skipSpace(): void {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.p);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.p += 1;
      else return;
    }
  }

  /** The offset just after the string whose opening quote is at `start`. */
  private stringEnd(start: number): number {
    const text = this.text;
    let q = start + 1;
    for (;;) {
      const j = text.indexOf('"', q);
      if (j === -1) throw new SyntaxError('unterminated string');
      let backslashes = 0;
      for (let b = j - 1; b > start && text.charCodeAt(b) === 92; b -= 1) backslashes += 1;
      if (backslashes % 2 === 0) return j + 1;
      q = j + 1;
    }
  }

  private string(): string {
    const start = this.p;
    this.p = this.stringEnd(start);
    const raw = this.text.slice(start + 1, this.p - 1);
    return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
  }

  /** Skips the value at `p` without recording anything. */
  private skipValue(): void {
    const text = this.text;
    const c = text.charCodeAt(this.p);
    if (c === 34) {
      this.p = this.stringEnd(this.p);
      return;
    }
    if (c === 123 || c === 91) {
      let depth = 0;
      STRUCTURE.lastIndex = this.p;
      for (;;) {
        const m = STRUCTURE.exec(text);
        if (!m) throw new SyntaxError('unterminated collection');
        const ch = m[0];
        if (ch === '"') STRUCTURE.lastIndex = this.stringEnd(m.index);
        else if (ch === '{' || ch === '[') depth += 1;
        else {
          depth -= 1;
          if (depth === 0) {
            this.p = m.index + 1;
            return;
          }
        }
      }
    }
    this.scalarEnd();
  }

  private scalarEnd(): void {
    const text = this.text;
    let e = this.p;
    for (;;) {
      const ch = text.charCodeAt(e);
      if (Number.isNaN(ch) || ch === 44 || ch === 93 || ch === 125 || ch === 32 || ch === 10 || ch === 13 || ch === 9) break;
      e += 1;
    }
    if (e === this.p) throw new SyntaxError('unexpected character');
    this.p = e;
  }

  private entry(start: number, want: Want | undefined, keyStart?: number): IndexEntry | undefined {
    if (!want) {
      this.skipValue();
      return undefined;
    }
    const v = this.value(want);
    return { ...(keyStart !== undefined ? { keyStart } : {}), start, end: this.p, ...(v.node ? { child: v.node } : {}) };
  }

  private value(want: Want): { node?: IndexNode } {
    const text = this.text;
    const c = text.charCodeAt(this.p);
    if ((c !== 123 && c !== 91) || !want.children) {
      this.skipValue();
      return {};
    }
    const children = want.children;
    this.p += 1;
    this.skipSpace();
    if (c === 123) {
      const node: IndexNode = { kind: 'map', keys: [], entries: [] };
      while (text.charCodeAt(this.p) !== 125) {
        if (this.p >= text.length) throw new SyntaxError('unterminated object');
        const keyStart = this.p;
        const key = this.string();
        this.skipSpace();
        this.p += 1; // :
        this.skipSpace();
        const e = this.entry(this.p, children.get(key), keyStart);
        if (e) {
          node.keys.push(key);
          node.entries.push(e);
        }
        this.skipSpace();
        if (text.charCodeAt(this.p) === 44) {
          this.p += 1;
          this.skipSpace();
        }
      }
      this.p += 1;
      return { node };
    }
    const node: IndexNode = { kind: 'seq', entries: [] };
    let i = 0;
    while (text.charCodeAt(this.p) !== 93) {
      if (this.p >= text.length) throw new SyntaxError('unterminated array');
      const e = this.entry(this.p, children.get(String(i)));
      if (e) node.entries[i] = e;
      i += 1;
      this.skipSpace();
      if (text.charCodeAt(this.p) === 44) {
        this.p += 1;
        this.skipSpace();
      }
    }
    this.p += 1;
    return { node };
  }
}

/** The positions of the wanted paths in a JSON text that JSON.parse accepts (anything else: partial or empty). */
export function indexJson(text: string, want: Want): SourceIndex {
  try {
    return new JsonIndexer(text).index(want);
  } catch {
    return { rootStart: 0 };
  }
}
