// Scenario text -> a plain JS value, the syntax problems with their real line:col, and a position
// finder that maps a path (`parties[0].events[3]`) back to where it is written.
//
// YAML: the plain block YAML scenarios are written in goes through fast-yaml.ts; anything else (and
// every file with a syntax error) through the `yaml` library (v2, YAML 1.2 core schema whatever the
// file's %YAML directive says, so `2025-03-15` stays a string and `<<` is an ordinary key), which
// also gives the error messages. JSON: JSON.parse. Positions are found only when a file has a
// problem: by parsing it once more with position recording (fast-yaml.ts, json-index.ts), or from the
// `yaml` document. All paths are prototype-safe: keys such as `__proto__` become own properties, so
// they neither pollute Object.prototype nor vanish, and the schema rejects them as unknown properties.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { parseFastYaml } from './fast-yaml.js';
import { indexJson } from './json-index.js';
import { formatPath, type Path, type PathSegment } from './path.js';
import { LineTable, lookup, wantOf, type SourceIndex, type Want } from './source-index.js';
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

function parseYamlSource(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
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

/** Follows `path` through the YAML nodes as far as it exists; with target 'key' ends on the last key node. */
function findNode(source: YamlSource, path: Path, target: 'value' | 'key'): Found {
  const { doc } = source;
  let node = (doc.contents ?? undefined) as Node | undefined;
  for (let i = 0; i < path.length; i += 1) {
    if (node && isAlias(node)) node = (node.resolve(doc) ?? node) as Node;
    const segment = path[i]!;
    if (node && isMap(node)) {
      let pair: (typeof node.items)[number] | undefined;
      // The last of equal keys wins, as in the loaded value.
      for (let j = node.items.length - 1; j >= 0; j -= 1) {
        const candidate = node.items[j]!;
        if (keyString(candidate.key) === String(segment)) {
          pair = candidate;
          break;
        }
      }
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

/** Positions from an index of the wanted paths, built by parsing the text once more. */
function indexPositions(text: string, build: (want: Want) => SourceIndex): SourcePositions {
  return {
    locate(requests) {
      if (requests.length === 0) return [];
      const index = build(wantOf(requests.map((r) => r.path)));
      const lines = new LineTable(text);
      return requests.map(({ path, target = 'value' }) => {
        const found = lookup(index, path, target);
        const location: Location = lines.position(found.offset);
        if (found.complete && target === 'value' && found.entry && !found.entry.child) location.source = text.slice(found.entry.start, found.entry.end);
        return location;
      });
    },
  };
}

export interface ParseOptions {
  /** Skip the fast YAML parser (tests compare the two). */
  yamlLibraryOnly?: boolean;
}

function parseYaml(text: string, file: string, options: ParseOptions): ParsedText {
  if (!options.yamlLibraryOnly) {
    const fast = parseFastYaml(text);
    if (fast) {
      return { value: fast.value, fatal: [], problems: [], positions: indexPositions(text, (want) => parseFastYaml(text, want)?.index ?? { rootStart: 0 }) };
    }
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

const JSON_POSITION = / in JSON at position (\d+)(?: \(line \d+ column \d+\))?$/;

function parseJson(text: string, file: string): ParsedText {
  const positions = indexPositions(text, (want) => indexJson(text, want));
  try {
    // Two equal keys: the last wins, as JSON.parse decides; the index agrees.
    return { value: JSON.parse(text) as unknown, fatal: [], problems: [], positions };
  } catch (error) {
    if (!(error instanceof SyntaxError)) {
      return { value: undefined, fatal: [problem(file, START, '(json)', `cannot load: ${(error as Error).message}`)], problems: [], positions };
    }
    const m = JSON_POSITION.exec(error.message);
    const offset = m ? Number(m[1]) : text.length;
    const message = m ? error.message.slice(0, m.index) : error.message;
    const pos = new LineTable(text).position(Math.min(offset, text.length));
    return { value: undefined, fatal: [problem(file, pos, '(json)', `JSON syntax error: ${message}`)], problems: [], positions };
  }
}

/** Parses one scenario file's text. Never throws on bad input. */
export function parseScenarioText(text: string, file: string, format: ScenarioFormat, options: ParseOptions = {}): ParsedText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return format === 'json' ? parseJson(body, file) : parseYaml(body, file, options);
}
