// A fast parser for the plain block YAML that people and generators write for scenarios: block
// mappings and sequences, plain and quoted one-line scalars, one-line flow collections, comments.
// The `yaml` library parses large files slowly (about 1 MB/s); this does the common subset about
// twenty times faster. Anything outside the subset (anchors, aliases, tags, block scalars, multi-line
// scalars, directives, several documents, duplicate keys, odd keys, tabs, any syntax error) makes it
// decline by returning undefined, and the caller parses the text with the `yaml` library instead, so
// the result is always what `yaml` (YAML 1.2 core schema) would give, and every error message comes
// from `yaml`. Keys are defined as own properties (`__proto__` included), never through a setter.
import type { IndexEntry, IndexNode, SourceIndex } from './source-index.js';

/** Thrown inside the parser when the text leaves the subset. */
class Decline {}
const DECLINE = new Decline();

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;

/** Characters that make the whole text leave the subset: tabs, control characters, a lone CR, a BOM inside. */
// eslint-disable-next-line no-control-regex -- these characters are exactly what the fast path refuses
const UNSUPPORTED_CHARACTERS = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]|\r(?!\n)/;
const PLAIN_KEY = /[A-Za-z_$][\w$.-]*/y;
const KEY_WORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const BLOCK_PLAIN_FORBIDDEN_START = new Set([...'[]{},#&*!|>\'"%@`']);

const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

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
  private readonly indent: number[] = [];
  private readonly start: number[] = [];
  private readonly end: number[] = [];
  private li = 0;

  constructor(
    private readonly text: string,
    private readonly record: boolean,
  ) {}

  parse(): { value: unknown; index: SourceIndex } {
    this.splitLines();
    if (this.start.length === 0) return { value: null, index: { rootStart: 0 } };
    const root = this.blockNode();
    if (this.li < this.start.length) throw DECLINE;
    return { value: root.value, index: { rootStart: root.start, ...(root.node ? { root: root.node } : {}) } };
  }

  /** Significant lines (not blank, not only a comment): indentation, first character, end of content. */
  private splitLines(): void {
    const text = this.text;
    const n = text.length;
    let pos = 0;
    let first = true;
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
            if (!first || !text.startsWith('---', s) || !this.isBlankOrComment(s + 3, end)) throw DECLINE;
            pos = eol + 1;
            first = false;
            continue;
          }
        }
        first = false;
        this.indent.push(s - pos);
        this.start.push(s);
        this.end.push(end);
      }
      pos = eol + 1;
    }
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
    return p - (this.start[this.li]! - this.indent[this.li]!);
  }

  private blockNode(): Parsed {
    const s = this.start[this.li]!;
    return this.isSeqItem(s, this.end[this.li]!) ? this.blockSeq(this.indent[this.li]!, s) : this.blockMap(this.indent[this.li]!, s);
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
      PLAIN_KEY.lastIndex = p;
      const m = PLAIN_KEY.exec(text);
      if (!m) return undefined;
      key = m[0];
      q = p + key.length;
    }
    if (text.charCodeAt(q) !== COLON || q >= end) return undefined;
    if (q + 1 !== end && text.charCodeAt(q + 1) !== SPACE) return undefined;
    // `yaml` turns these plain keys into null or booleans; very long keys are errors there.
    if ((c !== 34 && c !== 39 && KEY_WORDS.has(key)) || key.length > 1000) throw DECLINE;
    return { key, after: q + 1 };
  }

  private blockMap(indent: number, firstStart: number): Parsed {
    const obj: Record<string, unknown> = {};
    const node: IndexNode | undefined = this.record ? { kind: 'map', keys: [], entries: [] } : undefined;
    const lines = this.start.length;
    let s = firstStart;
    for (;;) {
      const end = this.end[this.li]!;
      if (this.isSeqItem(s, end)) throw DECLINE;
      const k = this.readKey(s, end);
      if (!k) throw DECLINE;
      let entry: IndexEntry;
      let value: unknown;
      if (this.isBlankOrComment(k.after, end)) {
        this.li += 1;
        if (this.li < lines && (this.indent[this.li]! > indent || (this.indent[this.li]! === indent && this.isSeqItem(this.start[this.li]!, this.end[this.li]!)))) {
          const child = this.blockNode();
          value = child.value;
          entry = { keyStart: s, start: child.start, end: child.start, ...(child.node ? { child: child.node } : {}) };
        } else {
          value = null;
          entry = { keyStart: s, start: k.after, end: k.after };
        }
      } else {
        let p = k.after;
        while (this.text.charCodeAt(p) === SPACE) p += 1;
        const v = this.isBlockScalarHeader(p) ? this.blockScalar(p, end, indent) : this.inlineValue(p, end);
        value = v.value;
        entry = { keyStart: s, start: v.start, end: v.end, ...(v.node ? { child: v.node } : {}) };
        if (!this.isBlockScalarHeader(p)) this.li += 1;
        if (this.li < lines && this.indent[this.li]! > indent) throw DECLINE;
      }
      define(obj, k.key, value);
      if (node?.kind === 'map') {
        node.keys.push(k.key);
        node.entries.push(entry);
      }
      if (this.li >= lines || this.indent[this.li]! !== indent) break;
      s = this.start[this.li]!;
    }
    if (this.li < lines && this.indent[this.li]! > indent) throw DECLINE;
    return { value: obj, start: firstStart, end: firstStart, ...(node ? { node } : {}) };
  }

  private blockSeq(indent: number, firstStart: number): Parsed {
    const arr: unknown[] = [];
    const node: IndexNode | undefined = this.record ? { kind: 'seq', entries: [] } : undefined;
    const lines = this.start.length;
    let s = firstStart;
    for (;;) {
      const end = this.end[this.li]!;
      let c = s + 1;
      while (c < end && this.text.charCodeAt(c) === SPACE) c += 1;
      let item: Parsed;
      if (this.isBlankOrComment(s + 1, end)) {
        this.li += 1;
        if (this.li < lines && this.indent[this.li]! > indent) item = this.blockNode();
        else item = { value: null, start: s + 1, end: s + 1 };
      } else if (this.isSeqItem(c, end)) {
        item = this.blockSeq(this.column(c), c);
      } else if (this.readKey(c, end)) {
        item = this.blockMap(this.column(c), c);
      } else if (this.isBlockScalarHeader(c)) {
        item = this.blockScalar(c, end, indent);
        if (this.li < lines && this.indent[this.li]! > indent) throw DECLINE;
      } else {
        item = this.inlineValue(c, end);
        this.li += 1;
        if (this.li < lines && this.indent[this.li]! > indent) throw DECLINE;
      }
      arr.push(item.value);
      if (node) node.entries.push({ start: item.start, end: item.end, ...(item.node ? { child: item.node } : {}) });
      if (this.li >= lines || this.indent[this.li]! !== indent || !this.isSeqItem(this.start[this.li]!, this.end[this.li]!)) break;
      s = this.start[this.li]!;
    }
    if (this.li < lines && this.indent[this.li]! > indent) throw DECLINE;
    return { value: arr, start: firstStart, end: firstStart, ...(node ? { node } : {}) };
  }

  private isBlockScalarHeader(p: number): boolean {
    const c = this.text.charCodeAt(p);
    return c === 124 || c === 62; // | >
  }

  /**
   * A literal (`|`, `|-`) or folded (`>`, `>-`) block scalar whose header is at `p` on the current
   * line, in a node indented `parentIndent`. Conservative: no indentation indicator, no keep chomping
   * (`+`), no leading blank lines, no line with extra indentation or trailing spaces. Leaves `li` at
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
    while (this.li < this.start.length && this.start[this.li]! < regionEnd) this.li += 1;
    return { value, start: p, end: regionEnd };
  }

  /** A value that starts at `p` and ends on this line (a scalar or a flow collection), then only a comment. */
  private inlineValue(p: number, end: number): Parsed {
    const c = this.text.charCodeAt(p);
    let v: Parsed;
    if (c === 91 || c === 123) v = this.flow(p, end);
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
    return { value: resolvePlainScalar(raw), start: p, end: e };
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
          if (!hasEscape && !raw.includes('\\')) return { value: raw, start: p, end: j + 1 };
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
      return { value: text.slice(p + 1, j).replaceAll("''", "'"), start: p, end: j + 1 };
    }
  }

  private skipSpaces(p: number, end: number): number {
    let q = p;
    while (q < end && this.text.charCodeAt(q) === SPACE) q += 1;
    return q;
  }

  /** `[a, b]` or `{ k: v }` closed on this line; conservative: no trailing commas, no empty entries. */
  private flow(p: number, end: number, depth = 0): Parsed {
    if (depth > 50) throw DECLINE;
    const text = this.text;
    const open = text.charCodeAt(p);
    const close = open === 91 ? 93 : 125;
    const isMap = open === 123;
    const value: unknown[] | Record<string, unknown> = isMap ? {} : [];
    const node: IndexNode | undefined = this.record ? (isMap ? { kind: 'map', keys: [], entries: [] } : { kind: 'seq', entries: [] }) : undefined;
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
      const item = this.flowItem(q, end, depth);
      if (isMap) define(value as Record<string, unknown>, key, item.value);
      else (value as unknown[]).push(item.value);
      if (node?.kind === 'map') {
        node.keys.push(key);
        node.entries.push({ keyStart: keyStart!, start: item.start, end: item.end, ...(item.node ? { child: item.node } : {}) });
      } else if (node) node.entries.push({ start: item.start, end: item.end, ...(item.node ? { child: item.node } : {}) });
      q = this.skipSpaces(item.end, end);
      const c = text.charCodeAt(q);
      if (c === close) return { value, start: p, end: q + 1, ...(node ? { node } : {}) };
      if (c !== 44) throw DECLINE;
      q = this.skipSpaces(q + 1, end);
      if (text.charCodeAt(q) === close) throw DECLINE; // trailing comma
    }
  }

  private flowItem(p: number, end: number, depth: number): Parsed {
    const text = this.text;
    const c = text.charCodeAt(p);
    if (c === 91 || c === 123) return this.flow(p, end, depth + 1);
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
    return { value: resolvePlainScalar(raw), start: p, end: e };
  }
}

/**
 * Parses `text` when it is in the subset, with an index of positions when `record` is set; undefined
 * when the text needs the full `yaml` parser.
 */
export function parseFastYaml(text: string, record = false): { value: unknown; index: SourceIndex } | undefined {
  if (UNSUPPORTED_CHARACTERS.test(text)) return undefined;
  try {
    return new FastYaml(text, record).parse();
  } catch (error) {
    if (error === DECLINE || error instanceof RangeError) return undefined;
    throw error;
  }
}
