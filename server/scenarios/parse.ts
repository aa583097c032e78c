// Scenario text -> a plain JS value, the syntax problems with their real line:col, and a position
// finder that maps a path (`parties[0].events[3]`) back to where it is written.
//
// YAML: plain YAML is loaded with js-yaml, several times faster than the `yaml` library, with its
// plain scalars resolved by `yaml`'s own YAML 1.2 core schema rules, so the value is what `yaml`
// gives. Text that js-yaml would read differently or accept where `yaml` refuses it (anchors,
// aliases, tags, multi-line flow collections, ...: see NEEDS_YAML_LIBRARY), and every file js-yaml
// refuses (a syntax error, a duplicate key), goes through the `yaml` library (v2, YAML 1.2 core
// schema whatever the file's %YAML directive says, so `2025-03-15` stays a string and `<<` is an
// ordinary key), which gives the positioned problems and their messages. JSON: JSON.parse.
// Positions are found only when a file has a problem: from the `yaml` document (parsed then, for a
// file js-yaml loaded), or for JSON with jsonc-parser's scanner, recording only the wanted paths.
// All paths are prototype-safe: keys such as `__proto__` become own properties, so they neither
// pollute Object.prototype nor vanish, and the schema rejects them as unknown properties.
import jsYaml from 'js-yaml';
import { visit as visitJson, type JSONPath } from 'jsonc-parser';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Schema, visit, type Document, type Node, type YAMLMap } from 'yaml';
import { formatPath, type Path, type PathSegment } from './path.js';
import type { ScenarioProblem } from './types.js';

export type ScenarioFormat = 'yaml' | 'json';

/** Maximum alias expansions in a YAML file (yaml's `maxAliasCount`): refuses "billion laughs" bombs. */
export const MAX_ALIAS_COUNT = 100;

export interface Position {
  line: number;
  col: number;
}

export interface LocateRequest {
  path: Path;
  /** 'key': the key naming the last segment rather than its value. */
  target?: 'value' | 'key';
}

export interface Location extends Position {
  /** The source text of the scalar at the path (e.g. `0012345` for a YAML number), when it is one. */
  source?: string;
}

/** Where things are written in one file. */
export interface SourcePositions {
  /**
   * Positions of values (or keys), all at once (a large file is indexed once, for these paths only).
   * A path that does not exist (fully) gives the position of its deepest existing ancestor.
   */
  locate(requests: readonly LocateRequest[]): Location[];
}

export interface ParsedText {
  /** The document as plain JS (undefined when the text could not be parsed at all). */
  value: unknown;
  /** Problems that make the value untrustworthy (syntax errors): later checks are skipped. */
  fatal: ScenarioProblem[];
  /** Problems that do not (duplicate YAML keys, unresolved tags): later checks still run. */
  problems: ScenarioProblem[];
  positions: SourcePositions;
}

const START: Position = { line: 1, col: 1 };

interface YamlSource {
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/**
 * `uniqueKeys: false` for text js-yaml has loaded (it refuses duplicate keys itself): `yaml`'s check
 * compares each key with every earlier one, seconds for a mapping of 10 000 keys.
 */
function parseYamlSource(text: string, uniqueKeys = true): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys,
    prettyErrors: false,
    version: '1.2',
    schema: 'core',
    merge: false,
    keepSourceTokens: false,
  });
  return { text, doc, lineCounter };
}

function keyString(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

interface Found {
  /** The node reached (undefined: the document is empty). */
  node: Node | undefined;
  /** How many segments were followed. */
  depth: number;
}

type YamlPair = YAMLMap['items'][number];
const pairIndexes = new WeakMap<YAMLMap, Map<string, YamlPair>>();

/**
 * The pair of `map` with this key; the last of equal keys wins, as in the loaded value. Indexed on
 * first use: looking up each of a thousand problems in a mapping of 100 000 keys stays linear.
 */
function pairOf(map: YAMLMap, key: string): YamlPair | undefined {
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) index.set(keyString(item.key), item);
    pairIndexes.set(map, index);
  }
  return index.get(key);
}

/** Follows `path` through the YAML nodes as far as it exists; with target 'key' ends on the last key node. */
function findNode(source: YamlSource, path: Path, target: 'value' | 'key'): Found {
  const { doc } = source;
  let node = (doc.contents ?? undefined) as Node | undefined;
  for (let i = 0; i < path.length; i += 1) {
    if (node && isAlias(node)) node = (node.resolve(doc) ?? node) as Node;
    const segment = path[i]!;
    if (node && isMap(node)) {
      const pair = pairOf(node, String(segment));
      if (!pair) return { node, depth: i };
      const last = i === path.length - 1;
      const key = pair.key as Node | null;
      if (last && target === 'key' && key) return { node: key, depth: i + 1 };
      if (!pair.value || !(pair.value as Node).range) return { node: key ?? node, depth: i + 1 };
      node = pair.value as Node;
    } else if (node && isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      node = node.items[segment] as Node;
    } else {
      return { node, depth: i };
    }
  }
  return { node, depth: path.length };
}

function positionOf(source: YamlSource, node: Node | undefined): Position {
  const offset = node?.range?.[0];
  if (offset === undefined) return START;
  return source.lineCounter.linePos(offset);
}

function yamlPositions(s: YamlSource): SourcePositions {
  return {
    locate: (requests) =>
      requests.map(({ path, target = 'value' }) => {
        const { node, depth } = findNode(s, path, target);
        const location: Location = positionOf(s, node);
        if (depth === path.length && target === 'value' && node && isScalar(node) && node.range) location.source = s.text.slice(node.range[0], node.range[1]);
        return location;
      }),
  };
}

/** The path of the node (and whether it is a key) at `offset`, as far as the document structure shows it. */
function pathAtOffset(doc: Document.Parsed, offset: number): { path: PathSegment[]; mapNode?: Node; key?: string } {
  const path: PathSegment[] = [];
  let node = doc.contents as Node | null;
  const inside = (n: Node | null | undefined): boolean => !!n?.range && n.range[0] <= offset && offset < n.range[2];
  for (;;) {
    if (node && isMap(node)) {
      let next: Node | null = null;
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        if (inside(key) || (key?.range && key.range[0] === offset)) {
          return { path: [...path, keyString(key)], mapNode: node, key: keyString(key) };
        }
        const value = pair.value as Node | null;
        // From the key's end to the value's end (a tag or anchor before the value counts as the value).
        if (key?.range && value?.range && key.range[1] <= offset && offset < value.range[2]) {
          path.push(keyString(key));
          if (!inside(value)) return { path };
          next = value;
          break;
        }
      }
      if (!next) return { path };
      node = next;
    } else if (node && isSeq(node)) {
      const index = node.items.findIndex((item) => inside(item as Node));
      if (index < 0) return { path };
      path.push(index);
      node = node.items[index] as Node;
    } else {
      return { path };
    }
  }
}

function problem(file: string, pos: Position, path: string, message: string): ScenarioProblem {
  return { file, line: pos.line, col: pos.col, path, message };
}

/** Positions from the `yaml` document, parsed on first use (only files with problems need them). */
function lazyYamlPositions(text: string): SourcePositions {
  let positions: SourcePositions | undefined;
  return {
    locate(requests) {
      if (requests.length === 0) return [];
      positions ??= yamlPositions(parseYamlSource(text, false));
      return positions.locate(requests);
    },
  };
}

/**
 * Text that js-yaml would load differently from `yaml`, or that only `yaml` can check. Each was
 * found by comparing the two on generated and mutated scenario text:
 * - anchors and aliases (js-yaml expands them by reference, so an alias bomb would reach the later
 *   checks whole; `yaml` counts the expansions), tags and directives;
 * - explicit keys (`? `), collection keys (`[a]: b`) and null keys (`~: a`, `: a`), which js-yaml
 *   turns into other strings than `yaml` does;
 * - what js-yaml accepts and `yaml` refuses: tabs (as indentation), a lone CR as a line break, a
 *   comment without a space before it (`"x"#c`), `---x` (js-yaml: a document of `x`);
 * - block scalar indentation indicators (`|2`), counted from another indentation at the top level.
 * Conservative: a false match (`&` or `*` in running text, say) only means the slower `yaml` path.
 */
const NEEDS_YAML_LIBRARY = new RegExp(
  [
    /[\s,[{:](?:[&*][^\s,[\]{}]|!)/,
    /\n%/,
    /[\s,[{]\?(?=\s|$)/,
    /[\]}][ \t]*:/,
    /[\s,[{](?:~|[Nn]ull|NULL)[ \t]*:(?=[\s,[\]{}]|$)/,
    /[\s,[{]:(?=[\s,[\]{}]|$)/,
    /\t|\r(?!\n)/,
    /["'\]}]#/,
    /\n(?:---|\.\.\.)\S/,
    /[|>][-+]?[1-9]/,
  ]
    .map((r) => r.source)
    .join('|'),
);
/** The same at the very start of the text (kept out of NEEDS_YAML_LIBRARY: `(?:^|…)` there is slow). */
const NEEDS_YAML_LIBRARY_AT_START = /^(?:[&*][^\s,[\]{}]|!|%|\?(?=\s|$)|(?:~|[Nn]ull|NULL)?[ \t]*:(?=[\s,[\]{}]|$)|(?:---|\.\.\.)\S)/;

/** A line longer than `yaml` allows an implicit key to be (1024 characters). */
function hasLongLine(text: string): boolean {
  let start = 0;
  for (let eol = text.indexOf('\n'); ; eol = text.indexOf('\n', start)) {
    const end = eol === -1 ? text.length : eol;
    if (end - start > 1024) return true;
    if (eol === -1) return false;
    start = eol + 1;
  }
}

/** The scalar tags of the `yaml` library's YAML 1.2 core schema, in the order it tries them. */
type CoreScalarTag = { tag: string; test: RegExp; resolve: (value: string, onError: (message: string) => void, options: object) => unknown };
const CORE_SCALAR_TAGS = new Schema({ schema: 'core' }).tags.filter((t): t is typeof t & CoreScalarTag => t.default === true && 'test' in t && t.test instanceof RegExp);

/**
 * js-yaml types that resolve plain scalars with `yaml`'s own core schema rules. (js-yaml's
 * CORE_SCHEMA differs: `-.5` and `+.5` stay strings, `0b1`, `+0x1` and `-0o7` become numbers, `-0`
 * becomes 0 and `1e400` a string.)
 */
function coreScalarTypes(): jsYaml.Type[] {
  const byTag = new Map<string, CoreScalarTag[]>();
  for (const t of CORE_SCALAR_TAGS) byTag.set(t.tag, [...(byTag.get(t.tag) ?? []), t]);
  const noError = (): void => {};
  return [...byTag].map(([tag, variants]) => {
    const any = new RegExp(variants.map((v) => v.test.source).join('|'));
    return new jsYaml.Type(tag, {
      kind: 'scalar',
      resolve: (data: unknown) => typeof data === 'string' && any.test(data),
      construct: (data: string) => {
        const resolved = variants.find((v) => v.test.test(data))!.resolve(data, noError, { intAsBigInt: false });
        return isScalar(resolved) ? resolved.value : resolved;
      },
    });
  });
}

const JS_YAML_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({ implicit: coreScalarTypes() });

/** Thrown from the js-yaml listener to hand the text to `yaml`. */
const USE_YAML_LIBRARY = new Error('use the yaml library');
const SPACE_AND_COMMENTS = /(?:[ \r\n]|#[^\n]*)*/y;

/**
 * A js-yaml listener (its `listener` load option, called as each node opens and closes) that stops
 * at a quoted scalar or flow collection written over several lines: js-yaml does not check how
 * their later lines are indented, `yaml` does.
 */
function singleLineFlowAndQuotes(text: string): (event: jsYaml.EventType, state: jsYaml.State) => void {
  const starts: number[] = [];
  return (event, state) => {
    if (event === 'open') {
      starts.push(state.position);
      return;
    }
    // Where the node's own text starts: after the spaces, line breaks and comments before it.
    let start = starts.pop()!;
    let c = text.charCodeAt(start);
    while (c === 32) c = text.charCodeAt((start += 1));
    if (c === 10 || c === 13 || c === 35) {
      SPACE_AND_COMMENTS.lastIndex = start;
      SPACE_AND_COMMENTS.test(text);
      start = SPACE_AND_COMMENTS.lastIndex;
      c = text.charCodeAt(start);
    }
    const flowOrQuoted = state.kind === 'scalar' ? c === 34 || c === 39 : state.kind === 'sequence' ? c === 91 : state.kind === 'mapping' && c === 123;
    if (flowOrQuoted && text.lastIndexOf('\n', state.position - 1) >= start) throw USE_YAML_LIBRARY;
  };
}

/**
 * `value` with every long string copied out of the source text. js-yaml's strings are slices of the
 * text, and V8 keeps a whole text alive for as long as one slice of 13 or more characters of it
 * lives: 10 000 generated files would keep their 160 MB of text in memory with the scenarios.
 */
function ownStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.length >= 13 ? ` ${value}`.slice(1) : value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = ownStrings(value[i]);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = ownStrings(record[key]);
  }
  return value;
}

/**
 * The value of plain YAML loaded with js-yaml, or undefined when the text needs the `yaml` library
 * (see NEEDS_YAML_LIBRARY) or js-yaml refuses it (a syntax error, a duplicate key, several documents,
 * nesting deeper than 100).
 */
export function loadPlainYaml(text: string): { value: unknown } | undefined {
  if (NEEDS_YAML_LIBRARY_AT_START.test(text) || NEEDS_YAML_LIBRARY.test(text) || hasLongLine(text)) return undefined;
  try {
    const value = jsYaml.load(text, { schema: JS_YAML_SCHEMA, listener: singleLineFlowAndQuotes(text) });
    // Nothing but comments: `yaml` gives null, js-yaml undefined.
    return { value: value === undefined ? null : ownStrings(value) };
  } catch {
    // A YAMLException, USE_YAML_LIBRARY, a RangeError: `yaml` decides, and says what is wrong.
    return undefined;
  }
}

export interface ParseOptions {
  /** Skip js-yaml and parse with the `yaml` library (tests compare the two). */
  yamlLibraryOnly?: boolean;
}

/** Deepest flow nesting (`[`, `{`) a YAML file may have: deeper is refused before parsing. */
export const MAX_YAML_FLOW_DEPTH = 1000;

/**
 * The offset where flow collections (`[`, `{` outside quotes and comments) nest deeper than `max`,
 * or -1. One pass, no parsing: `[[[[…` 100 000 levels deep would cost the parsers seconds only to
 * fail on their recursion.
 */
export function flowDepthExceeded(text: string, max: number): number {
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
      else if (c === 92 && quote === 34) i += 1; // \ escapes in "…"
      continue;
    }
    if (c === 34 || c === 39) quote = c;
    else if (c === 35 && (i === 0 || text.charCodeAt(i - 1) <= 32)) {
      const eol = text.indexOf('\n', i);
      if (eol === -1) break;
      i = eol;
    } else if (c === 91 || c === 123) {
      depth += 1;
      if (depth > max) return i;
    } else if ((c === 93 || c === 125) && depth > 0) depth -= 1;
  }
  return -1;
}

function parseYaml(text: string, file: string, options: ParseOptions): ParsedText {
  const tooDeep = flowDepthExceeded(text, MAX_YAML_FLOW_DEPTH);
  if (tooDeep !== -1) {
    const pos = positionsAt(text, [tooDeep])[0]!;
    return {
      value: undefined,
      fatal: [problem(file, pos, '(yaml)', `nested more than ${MAX_YAML_FLOW_DEPTH} levels deep: refusing a possible nesting bomb; a scenario needs a few levels`)],
      problems: [],
      positions: { locate: (r) => r.map(() => ({ ...START })) },
    };
  }
  if (!options.yamlLibraryOnly) {
    const plain = loadPlainYaml(text);
    if (plain) return { value: plain.value, fatal: [], problems: [], positions: lazyYamlPositions(text) };
  }
  return parseYamlWithLibrary(text, file);
}

function parseYamlWithLibrary(text: string, file: string): ParsedText {
  let source: YamlSource;
  try {
    source = parseYamlSource(text);
  } catch (error) {
    // The yaml parser does not throw on bad input; this is a last guard (e.g. a stack overflow).
    return { value: undefined, fatal: [problem(file, START, '(yaml)', `cannot parse: ${(error as Error).message}`)], problems: [], positions: { locate: (r) => r.map(() => ({ ...START })) } };
  }
  const { doc, lineCounter } = source;
  const fatal: ScenarioProblem[] = [];
  const problems: ScenarioProblem[] = [];
  for (const error of doc.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') {
      // The document stays well defined (the last key wins), so the later checks still run.
      const at = pathAtOffset(doc, error.pos[0]);
      let first = '';
      if (at.mapNode && isMap(at.mapNode) && at.key !== undefined) {
        const pair = at.mapNode.items.find((p) => keyString(p.key) === at.key);
        const firstPos = positionOf(source, pair?.key as Node | undefined);
        if (pair && !(firstPos.line === pos.line && firstPos.col === pos.col)) first = ` (first at line ${firstPos.line}, col ${firstPos.col})`;
      }
      problems.push(problem(file, pos, formatPath(at.path), `duplicate key '${at.key ?? '?'}'${first}: each key may appear once`));
    } else {
      fatal.push(problem(file, pos, '(yaml)', `YAML syntax error: ${error.message}`));
    }
  }
  for (const warning of doc.warnings) {
    const pos = lineCounter.linePos(warning.pos[0]);
    const message = warning.code === 'TAG_RESOLVE_FAILED'
      ? `${warning.message}: scenario files use plain YAML without tags`
      : warning.message;
    problems.push(problem(file, pos, formatPath(pathAtOffset(doc, warning.pos[0]).path), message));
  }
  let value: unknown;
  if (fatal.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      if (!(error instanceof ReferenceError)) {
        // e.g. a stack overflow on absurd nesting: the file is refused, the loader does not crash.
        fatal.push(problem(file, START, '(yaml)', `cannot load: ${(error as Error).message}`));
        return { value, fatal, problems, positions: yamlPositions(source) };
      }
      let alias: Node | undefined;
      visit(doc, {
        Alias(_key, node) {
          alias = node;
          return visit.BREAK;
        },
      });
      const pos = positionOf(source, alias);
      const at = alias?.range ? formatPath(pathAtOffset(doc, alias.range[0]).path) : '(yaml)';
      fatal.push(problem(file, pos, at, `too many alias expansions (more than ${MAX_ALIAS_COUNT}): refusing a possible alias bomb; write the data out instead of nesting aliases`));
    }
  }
  return { value, fatal, problems, positions: yamlPositions(source) };
}

/** 1-based line and column of each offset (lines end at LF), in one pass over the text up to the last. */
function positionsAt(text: string, offsets: readonly number[]): Position[] {
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a]! - offsets[b]!);
  const positions: Position[] = new Array<Position>(offsets.length);
  let line = 1;
  let lineStart = 0;
  let next = text.indexOf('\n');
  for (const i of order) {
    const offset = offsets[i]!;
    while (next !== -1 && next < offset) {
      line += 1;
      lineStart = next + 1;
      next = text.indexOf('\n', lineStart);
    }
    positions[i] = { line, col: offset - lineStart + 1 };
  }
  return positions;
}

/** A wanted path (a trie by key or index) and, once the scan has passed it, where it is written. */
interface Wanted {
  children?: Map<string, Wanted>;
  /** Offset of the key (object members). */
  key?: number;
  value?: { offset: number; length: number; literal: boolean };
}

function wantedTrie(requests: readonly LocateRequest[]): Wanted {
  const root: Wanted = {};
  for (const { path } of requests) {
    let node = root;
    for (const segment of path) {
      node.children ??= new Map();
      let next = node.children.get(String(segment));
      if (!next) {
        next = {};
        node.children.set(String(segment), next);
      }
      node = next;
    }
  }
  return root;
}

/** Forgets what an earlier one of two equal keys recorded: the last wins, as in JSON.parse. */
function forget(node: Wanted): void {
  delete node.key;
  delete node.value;
  node.children?.forEach(forget);
}

/**
 * Positions in a JSON text that JSON.parse accepted, from jsonc-parser's scanner: one pass that
 * records the wanted paths only and skips the callbacks inside everything else, so a 100 MB file
 * needs no tree (and no gigabytes) to position a few problems.
 */
function jsonPositions(text: string): SourcePositions {
  return {
    locate(requests) {
      if (requests.length === 0) return [];
      const root = wantedTrie(requests);
      const find = (path: JSONPath): Wanted | undefined => {
        let node: Wanted | undefined = root;
        for (const segment of path) node = node?.children?.get(String(segment));
        return node;
      };
      /** Records a value; true when values inside it are wanted too. */
      const record = (path: JSONPath, offset: number, length: number, literal: boolean): boolean => {
        const node = find(path);
        if (!node) return false;
        node.value = { offset, length, literal };
        return node.children !== undefined;
      };
      const begin = (offset: number, length: number, _line: number, _character: number, path: () => JSONPath): boolean => record(path(), offset, length, false);
      // Callbacks skipped inside a collection are counted down by its end callback, so both are needed.
      const end = (): void => {};
      try {
        visitJson(text, {
          onObjectBegin: begin,
          onObjectEnd: end,
          onArrayBegin: begin,
          onArrayEnd: end,
          onObjectProperty(property, offset, _length, _line, _character, path) {
            const node = find([...path(), property]);
            if (!node) return;
            forget(node);
            node.key = offset;
          },
          onLiteralValue(_value, offset, length, _line, _character, path) {
            record(path(), offset, length, true);
          },
        });
      } catch (error) {
        // Nesting deeper than the scanner's recursion (JSON.parse has no such limit): the positions
        // recorded so far stand, the rest fall back to their deepest recorded ancestor.
        if (!(error instanceof RangeError)) throw error;
      }
      // Each request: the offset of its value, its key, or its deepest existing ancestor.
      const found = requests.map(({ path, target = 'value' }): { offset: number; source?: string } => {
        let node = root;
        for (let i = 0; i < path.length; i += 1) {
          const next = node.children?.get(String(path[i]));
          if (!next?.value) return { offset: node.value?.offset ?? 0 };
          if (i === path.length - 1 && target === 'key' && next.key !== undefined) return { offset: next.key };
          node = next;
        }
        const value = node.value;
        if (!value) return { offset: 0 };
        // The source text of a scalar below the root (for a quote hint; a whole document gets none).
        return target === 'value' && value.literal && path.length > 0 ? { offset: value.offset, source: text.slice(value.offset, value.offset + value.length) } : { offset: value.offset };
      });
      const positions = positionsAt(text, found.map((f) => f.offset));
      return found.map((f, i) => (f.source === undefined ? positions[i]! : { ...positions[i]!, source: f.source }));
    },
  };
}

const JSON_POSITION = / in JSON at position (\d+)(?: \(line \d+ column \d+\))?$/;

function parseJson(text: string, file: string): ParsedText {
  const positions = jsonPositions(text);
  try {
    // Two equal keys: the last wins, as JSON.parse decides; the positions agree.
    return { value: JSON.parse(text) as unknown, fatal: [], problems: [], positions };
  } catch (error) {
    if (!(error instanceof SyntaxError)) {
      return { value: undefined, fatal: [problem(file, START, '(json)', `cannot load: ${(error as Error).message}`)], problems: [], positions };
    }
    const m = JSON_POSITION.exec(error.message);
    const offset = m ? Number(m[1]) : text.length;
    const message = m ? error.message.slice(0, m.index) : error.message;
    return { value: undefined, fatal: [problem(file, positionsAt(text, [Math.min(offset, text.length)])[0]!, '(json)', `JSON syntax error: ${message}`)], problems: [], positions };
  }
}

/** Parses one scenario file's text. Never throws on bad input. */
export function parseScenarioText(text: string, file: string, format: ScenarioFormat, options: ParseOptions = {}): ParsedText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return format === 'json' ? parseJson(body, file) : parseYaml(body, file, options);
}
