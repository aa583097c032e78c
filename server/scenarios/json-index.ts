// Positions in a JSON text that JSON.parse has already accepted: one pass that records where every
// key and value starts, for problems found later. Only run when a JSON file has a problem.
import type { IndexEntry, IndexNode, SourceIndex } from './source-index.js';

class JsonIndexer {
  private p = 0;

  constructor(private readonly text: string) {}

  index(): SourceIndex {
    this.skip();
    const rootStart = this.p;
    const root = this.value();
    return { rootStart, ...(root.node ? { root: root.node } : {}) };
  }

  private skip(): void {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.p);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.p += 1;
      else return;
    }
  }

  /** Skips a string starting at the quote; returns its raw content. */
  private string(): string {
    const text = this.text;
    const start = this.p;
    let q = start + 1;
    for (;;) {
      const j = text.indexOf('"', q);
      if (j === -1) throw new SyntaxError('unterminated string');
      let backslashes = 0;
      for (let b = j - 1; b > start && text.charCodeAt(b) === 92; b -= 1) backslashes += 1;
      if (backslashes % 2 === 0) {
        this.p = j + 1;
        const raw = text.slice(start + 1, j);
        return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
      }
      q = j + 1;
    }
  }

  private value(): { start: number; end: number; node?: IndexNode } {
    const text = this.text;
    const start = this.p;
    const c = text.charCodeAt(start);
    if (c === 123) {
      const node: IndexNode = { kind: 'map', keys: [], entries: [] };
      this.p += 1;
      this.skip();
      while (text.charCodeAt(this.p) !== 125) {
        if (this.p >= text.length) throw new SyntaxError('unterminated object');
        const keyStart = this.p;
        node.keys.push(this.string());
        this.skip();
        this.p += 1; // :
        this.skip();
        const v = this.value();
        const entry: IndexEntry = { keyStart, start: v.start, end: v.end, ...(v.node ? { child: v.node } : {}) };
        node.entries.push(entry);
        this.skip();
        if (text.charCodeAt(this.p) === 44) {
          this.p += 1;
          this.skip();
        }
      }
      this.p += 1;
      return { start, end: this.p, node };
    }
    if (c === 91) {
      const node: IndexNode = { kind: 'seq', entries: [] };
      this.p += 1;
      this.skip();
      while (text.charCodeAt(this.p) !== 93) {
        if (this.p >= text.length) throw new SyntaxError('unterminated array');
        const v = this.value();
        node.entries.push({ start: v.start, end: v.end, ...(v.node ? { child: v.node } : {}) });
        this.skip();
        if (text.charCodeAt(this.p) === 44) {
          this.p += 1;
          this.skip();
        }
      }
      this.p += 1;
      return { start, end: this.p, node };
    }
    if (c === 34) {
      this.string();
      return { start, end: this.p };
    }
    // number, true, false, null
    let e = start;
    for (;;) {
      const ch = text.charCodeAt(e);
      if (Number.isNaN(ch) || ch === 44 || ch === 93 || ch === 125 || ch === 32 || ch === 10 || ch === 13 || ch === 9) break;
      e += 1;
    }
    if (e === start) throw new SyntaxError('unexpected character');
    this.p = e;
    return { start, end: e };
  }
}

/** The positions of a JSON text that JSON.parse accepts (anything else gives a partial or empty index). */
export function indexJson(text: string): SourceIndex {
  try {
    return new JsonIndexer(text).index();
  } catch {
    return { rootStart: 0 };
  }
}
