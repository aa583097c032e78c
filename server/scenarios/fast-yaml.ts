// A fast parser for the plain block YAML that people and generators write for scenarios: block
// mappings and sequences, plain and quoted one-line scalars, one-line flow collections, comments.
// The `yaml` library parses large files slowly (about 1 MB/s); this does the common subset about
// twenty times faster. Anything outside the subset (anchors, aliases, tags, block scalars, multi-line
// scalars, directives, several documents, duplicate keys, odd keys, tabs, any syntax error) makes it
// decline by returning undefined, and the caller parses the text with the `yaml` library instead, so
// the result is always what `yaml` (YAML 1.2 core schema) would give, and every error message comes
// from `yaml`. Keys are defined as own properties (`__proto__` included), never through a setter.
import type { IndexEntry, IndexNode, SourceIndex, Want } from './source-index.js';

/** Thrown inside the parser when the text leaves the subset. */
class Decline {}
const DECLINE = new Decline();

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;

/** Characters that make the whole text leave the subset: tabs, control characters, a lone CR, a BOM inside. */
/** Anything but line breaks and printable characters (a tab, a control character, a BOM inside). */
const UNSUPPORTED_CHARACTERS = /[^\n\r\x20-\x7e\x80-\ufefe\uff00-\uffff]/;
const LONE_CR = /\r(?!\n)/;
const KEY_WORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const BLOCK_PLAIN_FORBIDDEN_START = new Set([...'[]{},#&*!|>\'"%@`']);

const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const NUMBER_LIKE = new RegExp([INT_OCT, INT, INT_HEX, FLOAT_NAN, FLOAT_EXP, FLOAT].map((r) => `(?:${r.source})`).join('|'));

/** A plain scalar as the YAML 1.2 core schema resolves it (the same tests, in the same order, as `yaml`). */
export function resolvePlainScalar(s: string): unknown {
  switch (s) {
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
    default:
      break;
  }
  const c = s.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === DASH || c === 43 || c === 46) {
    // The number forms below never match one another, so one test first rules out dates and ids.
    if (!NUMBER_LIKE.test(s)) return s;
    if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
    if (INT.test(s)) return parseInt(s, 10);
    if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
    if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
    if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  }
  return s;
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  if (Object.prototype.hasOwnProperty.call(target, key)) throw DECLINE; // duplicate key: `yaml` reports it
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

interface Parsed {
  value: unknown;
  start: number;
  end: number;
  node?: IndexNode;
}

class FastYaml {
  // The current significant line (not blank, not only a comment), read on demand: its indentation,
  // first character and end of content; `next` is where the line after it starts.
  private ci = 0;
  private cs = 0;
  private ce = 0;
  private eof = false;
  private next = 0;
  private first = true;

  constructor(
    private readonly text: string,
    /** Record the positions of these paths (none when undefined). */
    private readonly want: Want | undefined,
  ) {}

  /**
   * A string that does not keep the source text alive. V8 makes a substring of 13 or more characters
   * a slice that references the whole text (150 MB for a large generated file) for as long as the
   * substring lives; flattening a concatenation copies it.
   */
  private own(s: string): string {
    if (s.length >= 13) return ` ${s}`.slice(1);
    // Short values (dates, codes) repeat a lot: one copy each, as JSON.parse's are.
    let shared = this.short.get(s);
    if (shared === undefined) {
      shared = s;
      this.short.set(s, s);
    }
    return shared;
  }

  private readonly short = new Map<string, string>();

  parse(): { value: unknown; index: SourceIndex } {
    this.advance();
    if (this.eof) return { value: null, index: { rootStart: 0 } };
    const root = this.blockNode(this.want);
    if (!this.eof) throw DECLINE;
    return { value: root.value, index: { rootStart: root.start, ...(root.node ? { root: root.node } : {}) } };
  }

  /** Moves to the next significant line. */
  private advance(): void {
    const text = this.text;
    const n = text.length;
    let pos = this.next;
    while (pos <= n) {
      let eol = text.indexOf('\n', pos);
      if (eol === -1) eol = n;
      let end = eol;
      if (end > pos && text.charCodeAt(end - 1) === 13) end -= 1;
      let s = pos;
      while (s < end && text.charCodeAt(s) === SPACE) s += 1;
      if (s < end && text.charCodeAt(s) !== HASH) {
        if (s === pos) {
          const c = text.charCodeAt(s);
          if (c === 37) throw DECLINE; // %directive
          if ((text.startsWith('---', s) || text.startsWith('...', s)) && (s + 3 === end || text.charCodeAt(s + 3) === SPACE)) {
            // A lone `---` (optionally with a comment) may open the only document.
            if (!this.first || !text.startsWith('---', s) || !this.isBlankOrComment(s + 3, end)) throw DECLINE;
            this.first = false;
            pos = eol + 1;
            continue;
          }
        }
        this.first = false;
        this.ci = s - pos;
        this.cs = s;
        this.ce = end;
        this.next = eol + 1;
        return;
      }
      pos = eol + 1;
    }
    this.eof = true;
    this.next = n + 1;
  }

  private isBlankOrComment(p: number, end: number): boolean {
    const text = this.text;
    let q = p;
    while (q < end && text.charCodeAt(q) === SPACE) q += 1;
    return q === end || (text.charCodeAt(q) === HASH && q > p);
  }

  private isSeqItem(s: number, end: number): boolean {
    return this.text.charCodeAt(s) === DASH && (s + 1 === end || this.text.charCodeAt(s + 1) === SPACE);
  }

  /** The column of offset `p` on the current line. */
  private column(p: number): number {
    return p - (this.cs - this.ci);
  }

  private blockNode(want: Want | undefined): Parsed {
    const s = this.cs;
    return this.isSeqItem(s, this.ce) ? this.blockSeq(this.ci, s, want) : this.blockMap(this.ci, s, want);
  }

  /** A key at `p` followed by `:` and a space or the end of the line; undefined when there is none. */
  private readKey(p: number, end: number): { key: string; after: number } | undefined {
    const text = this.text;
    const c = text.charCodeAt(p);
    let key: string;
    let q: number;
    if (c === 34 || c === 39) {
      const quoted = this.quoted(p, end);
      if (!quoted) return undefined;
      key = quoted.value as string;
      q = quoted.end;
    } else {
      // [A-Za-z_$][A-Za-z0-9_$.-]*, scanned by hand (a regex match per key is slower).
      if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36)) return undefined;
      q = p + 1;
      for (;;) {
        const d = text.charCodeAt(q);
        if ((d >= 65 && d <= 90) || (d >= 97 && d <= 122) || (d >= 48 && d <= 57) || d === 95 || d === 36 || d === 46 || d === DASH) q += 1;
        else break;
      }
      key = text.slice(p, q);
    }
    if (text.charCodeAt(q) !== COLON || q >= end) return undefined;
    if (q + 1 !== end && text.charCodeAt(q + 1) !== SPACE) return undefined;
    // `yaml` turns these plain keys into null or booleans; very long keys are errors there.
    if ((c !== 34 && c !== 39 && KEY_WORDS.has(key)) || key.length > 1000) throw DECLINE;
    return { key, after: q + 1 };
  }

  private blockMap(indent: number, firstStart: number, want: Want | undefined): Parsed {
    const obj: Record<string, unknown> = {};
    const node: IndexNode | undefined = want?.children ? { kind: 'map', keys: [], entries: [] } : undefined;
    let s = firstStart;
    for (;;) {
      const end = this.ce;
      if (this.isSeqItem(s, end)) throw DECLINE;
      const k = this.readKey(s, end);
      if (!k) throw DECLINE;
      let entry: IndexEntry | undefined;
      let value: unknown;
      const childWant = want?.children?.get(k.key);
      if (this.isBlankOrComment(k.after, end)) {
        this.advance();
        if (!this.eof && (this.ci > indent || (this.ci === indent && this.isSeqItem(this.cs, this.ce)))) {
          const child = this.blockNode(childWant);
          value = child.value;
          if (childWant) entry = { keyStart: s, start: child.start, end: child.start, ...(child.node ? { child: child.node } : {}) };
        } else {
          value = null;
          if (childWant) entry = { keyStart: s, start: k.after, end: k.after };
        }
      } else {
        let p = k.after;
        while (this.text.charCodeAt(p) === SPACE) p += 1;
        const v = this.isBlockScalarHeader(p) ? this.blockScalar(p, end, indent) : this.inlineValue(p, end, childWant);
        value = v.value;
        if (childWant) entry = { keyStart: s, start: v.start, end: v.end, ...(v.node ? { child: v.node } : {}) };
        if (!this.isBlockScalarHeader(p)) this.advance();
        if (!this.eof && this.ci > indent) throw DECLINE;
      }
      define(obj, k.key, value);
      if (node?.kind === 'map' && entry) {
        node.keys.push(k.key);
        node.entries.push(entry);
      }
      if (this.eof || this.ci !== indent) break;
      s = this.cs;
    }
    if (!this.eof && this.ci > indent) throw DECLINE;
    return { value: obj, start: firstStart, end: firstStart, ...(node ? { node } : {}) };
  }

  private blockSeq(indent: number, firstStart: number, want: Want | undefined): Parsed {
    const arr: unknown[] = [];
    const node: IndexNode | undefined = want?.children ? { kind: 'seq', entries: [] } : undefined;
    let s = firstStart;
    for (;;) {
      const end = this.ce;
      let c = s + 1;
      while (c < end && this.text.charCodeAt(c) === SPACE) c += 1;
      let item: Parsed;
      const index = arr.length;
      const childWant = want?.children?.get(String(index));
      if (this.isBlankOrComment(s + 1, end)) {
        this.advance();
        if (!this.eof && this.ci > indent) item = this.blockNode(childWant);
        else item = { value: null, start: s + 1, end: s + 1 };
      } else if (this.isSeqItem(c, end)) {
        item = this.blockSeq(this.column(c), c, childWant);
      } else if (this.readKey(c, end)) {
        item = this.blockMap(this.column(c), c, childWant);
      } else if (this.isBlockScalarHeader(c)) {
        item = this.blockScalar(c, end, indent);
        if (!this.eof && this.ci > indent) throw DECLINE;
      } else {
        item = this.inlineValue(c, end, childWant);
        this.advance();
        if (!this.eof && this.ci > indent) throw DECLINE;
      }
      arr.push(item.value);
      if (node && childWant) node.entries[index] = { start: item.start, end: item.end, ...(item.node ? { child: item.node } : {}) };
      if (this.eof || this.ci !== indent || !this.isSeqItem(this.cs, this.ce)) break;
      s = this.cs;
    }
    if (!this.eof && this.ci > indent) throw DECLINE;
    return { value: arr, start: firstStart, end: firstStart, ...(node ? { node } : {}) };
  }

  private isBlockScalarHeader(p: number): boolean {
    const c = this.text.charCodeAt(p);
    return c === 124 || c === 62; // | >
  }

  /**
   * A literal (`|`, `|-`) or folded (`>`, `>-`) block scalar whose header is at `p` on the current
   * line, in a node indented `parentIndent`. Conservative: no indentation indicator, no keep chomping
   * (`+`), no leading blank lines, no line with extra indentation or trailing spaces. Leaves the cursor at
   * the first significant line after it.
   */
  private blockScalar(p: number, end: number, parentIndent: number): Parsed {
    const text = this.text;
    const folded = text.charCodeAt(p) === 62;
    let q = p + 1;
    const strip = text.charCodeAt(q) === DASH;
    if (strip) q += 1;
    if (!this.isBlankOrComment(q, end) || (q < end && text.charCodeAt(q) !== SPACE)) throw DECLINE;
    // Raw lines after the header.
    let pos = text.indexOf('\n', end);
    if (pos === -1) throw DECLINE;
    pos += 1;
    const contentLines: string[] = [];
    let contentIndent = -1;
    let blankRun = 0;
    let regionEnd = pos;
    while (pos < text.length) {
      let eol = text.indexOf('\n', pos);
      if (eol === -1) eol = text.length;
      let lineEnd = eol;
      if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd -= 1;
      let s = pos;
      while (s < lineEnd && text.charCodeAt(s) === SPACE) s += 1;
      if (s === lineEnd) {
        if (contentIndent < 0) throw DECLINE; // leading blank line
        if (s - pos > contentIndent) throw DECLINE;
        blankRun += 1;
        contentLines.push('');
      } else {
        const indent = s - pos;
        if (contentIndent < 0) {
          if (indent <= parentIndent) throw DECLINE; // empty scalar
          contentIndent = indent;
        }
        if (indent < contentIndent) break;
        if (indent > contentIndent || text.charCodeAt(lineEnd - 1) === SPACE) throw DECLINE;
        blankRun = 0;
        contentLines.push(text.slice(s, lineEnd));
        regionEnd = lineEnd;
      }
      pos = eol + 1;
    }
    if (contentIndent < 0) throw DECLINE;
    // Trailing blank lines belong to chomping.
    contentLines.length -= blankRun;
    let value: string;
    if (folded) {
      value = '';
      let breaks = 0;
      contentLines.forEach((line, i) => {
        if (line === '') {
          breaks += 1;
          return;
        }
        if (i > 0) value += breaks > 0 ? '\n'.repeat(breaks) : ' ';
        breaks = 0;
        value += line;
      });
    } else {
      value = contentLines.join('\n');
    }
    if (!strip) value += '\n';
    const after = this.text.indexOf('\n', regionEnd);
    this.next = after === -1 ? this.text.length + 1 : after + 1;
    this.advance();
    return { value: this.own(value), start: p, end: regionEnd };
  }

  /** A value that starts at `p` and ends on this line (a scalar or a flow collection), then only a comment. */
  private inlineValue(p: number, end: number, want: Want | undefined): Parsed {
    const c = this.text.charCodeAt(p);
    let v: Parsed;
    if (c === 91 || c === 123) v = this.flow(p, end, 0, want);
    else if (c === 34 || c === 39) {
      const q = this.quoted(p, end);
      if (!q) throw DECLINE;
      v = q;
    } else v = this.blockPlain(p, end);
    if (!this.isBlankOrComment(v.end, end)) throw DECLINE;
    return v;
  }

  private blockPlain(p: number, end: number): Parsed {
    const text = this.text;
    const first = text[p]!;
    if (BLOCK_PLAIN_FORBIDDEN_START.has(first)) throw DECLINE;
    if ((first === '-' || first === '?' || first === ':') && (p + 1 === end || text.charCodeAt(p + 1) === SPACE)) throw DECLINE;
    let stop = p;
    while (stop < end && !(text.charCodeAt(stop) === HASH && text.charCodeAt(stop - 1) === SPACE)) stop += 1;
    let e = stop;
    while (e > p && text.charCodeAt(e - 1) === SPACE) e -= 1;
    const raw = text.slice(p, e);
    if (raw.includes(': ') || raw.endsWith(':')) throw DECLINE;
    const value = resolvePlainScalar(raw);
    return { value: value === raw ? this.own(raw) : value, start: p, end: e };
  }

  /** A quoted scalar on one line; undefined when it does not close on it. */
  private quoted(p: number, end: number): Parsed | undefined {
    const text = this.text;
    if (text.charCodeAt(p) === 34) {
      let q = p + 1;
      let hasEscape = false;
      for (;;) {
        const j = text.indexOf('"', q);
        if (j === -1 || j >= end) return undefined;
        let backslashes = 0;
        for (let b = j - 1; b > p && text.charCodeAt(b) === 92; b -= 1) backslashes += 1;
        if (backslashes > 0) hasEscape = true;
        if (backslashes % 2 === 0) {
          const raw = text.slice(p + 1, j);
          if (!hasEscape && !raw.includes('\\')) return { value: this.own(raw), start: p, end: j + 1 };
          try {
            // JSON's escapes are a subset of YAML's double-quoted escapes, with the same meaning.
            return { value: JSON.parse(`"${raw}"`) as string, start: p, end: j + 1 };
          } catch {
            throw DECLINE;
          }
        }
        q = j + 1;
      }
    }
    let q = p + 1;
    for (;;) {
      const j = text.indexOf("'", q);
      if (j === -1 || j >= end) return undefined;
      if (text.charCodeAt(j + 1) === 39 && j + 1 < end) {
        q = j + 2;
        continue;
      }
      return { value: this.own(text.slice(p + 1, j).replaceAll("''", "'")), start: p, end: j + 1 };
    }
  }

  private skipSpaces(p: number, end: number): number {
    let q = p;
    while (q < end && this.text.charCodeAt(q) === SPACE) q += 1;
    return q;
  }

  /** `[a, b]` or `{ k: v }` closed on this line; conservative: no trailing commas, no empty entries. */
  private flow(p: number, end: number, depth: number, want: Want | undefined): Parsed {
    if (depth > 50) throw DECLINE;
    const text = this.text;
    const open = text.charCodeAt(p);
    const close = open === 91 ? 93 : 125;
    const isMap = open === 123;
    const value: unknown[] | Record<string, unknown> = isMap ? {} : [];
    const node: IndexNode | undefined = want?.children ? (isMap ? { kind: 'map', keys: [], entries: [] } : { kind: 'seq', entries: [] }) : undefined;
    let index = 0;
    let q = this.skipSpaces(p + 1, end);
    if (text.charCodeAt(q) === close) return { value, start: p, end: q + 1, ...(node ? { node } : {}) };
    for (;;) {
      if (q >= end) throw DECLINE;
      let keyStart: number | undefined;
      let key = '';
      if (isMap) {
        keyStart = q;
        const k = this.readKey(q, end);
        if (!k || k.after >= end) throw DECLINE;
        key = k.key;
        q = this.skipSpaces(k.after, end);
      }
      const childWant = want?.children?.get(isMap ? key : String(index));
      const item = this.flowItem(q, end, depth, childWant);
      if (isMap) define(value as Record<string, unknown>, key, item.value);
      else (value as unknown[]).push(item.value);
      if (node?.kind === 'map' && childWant) {
        node.keys.push(key);
        node.entries.push({ keyStart: keyStart!, start: item.start, end: item.end, ...(item.node ? { child: item.node } : {}) });
      } else if (node && childWant) node.entries[index] = { start: item.start, end: item.end, ...(item.node ? { child: item.node } : {}) };
      index += 1;
      q = this.skipSpaces(item.end, end);
      const c = text.charCodeAt(q);
      if (c === close) return { value, start: p, end: q + 1, ...(node ? { node } : {}) };
      if (c !== 44) throw DECLINE;
      q = this.skipSpaces(q + 1, end);
      if (text.charCodeAt(q) === close) throw DECLINE; // trailing comma
    }
  }

  private flowItem(p: number, end: number, depth: number, want: Want | undefined): Parsed {
    const text = this.text;
    const c = text.charCodeAt(p);
    if (c === 91 || c === 123) return this.flow(p, end, depth + 1, want);
    if (c === 34 || c === 39) {
      const q = this.quoted(p, end);
      if (!q) throw DECLINE;
      return q;
    }
    let e = p;
    while (e < end) {
      const ch = text.charCodeAt(e);
      if (ch === 44 || ch === 91 || ch === 93 || ch === 123 || ch === 125 || ch === COLON) break;
      if (ch === HASH && text.charCodeAt(e - 1) === SPACE) throw DECLINE;
      e += 1;
    }
    if (e < end && text.charCodeAt(e) === COLON) throw DECLINE;
    while (e > p && text.charCodeAt(e - 1) === SPACE) e -= 1;
    const raw = text.slice(p, e);
    if (raw === '' || BLOCK_PLAIN_FORBIDDEN_START.has(raw[0]!) || ((raw[0] === '-' || raw[0] === '?') && (raw.length === 1 || raw[1] === ' '))) throw DECLINE;
    const value = resolvePlainScalar(raw);
    return { value: value === raw ? this.own(raw) : value, start: p, end: e };
  }
}

/**
 * Parses `text` when it is in the subset, with the positions of the `want`ed paths; undefined
 * when the text needs the full `yaml` parser.
 */
export function parseFastYaml(text: string, want?: Want): { value: unknown; index: SourceIndex } | undefined {
  if (UNSUPPORTED_CHARACTERS.test(text) || (text.includes('\r') && LONE_CR.test(text))) return undefined;
  try {
    return new FastYaml(text, want).parse();
  } catch (error) {
    if (error === DECLINE || error instanceof RangeError) return undefined;
    throw error;
  }
}
