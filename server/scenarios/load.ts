// Loading scenario files: read, parse, validate against the schema, resolve relative dates, check
// each ledger and the rules across files, and either return every scenario or throw one
// ScenarioLoadError listing every problem of every file. Nothing global is touched, so a rejected
// load changes nothing; each load builds its scenarios afresh.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve as resolvePath } from 'node:path';
import type { PartyLedger } from '../ledger/events.js';
import { parseScenarioText, type ParsedText, type ScenarioFormat, type SourcePositions } from './parse.js';
import { formatPath, type PathProblem } from './path.js';
import { assertClocks, clockProblems, effectiveClock, resolveScenarioDates } from './resolve.js';
import { validateAgainstSchema } from './schema-validation.js';
import { crossScenarioProblems, ledgerProblems, type ScenarioIdentity } from './semantic.js';
import { ScenarioLoadError, type LoadedScenario, type LoadOptions, type ScenarioDocument, type ScenarioProblem } from './types.js';

export type { ScenarioFormat } from './parse.js';

const FORMATS: Record<string, ScenarioFormat> = { '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json' };

/** The format a file name's extension says, or undefined for anything else. */
export function formatOf(file: string): ScenarioFormat | undefined {
  return FORMATS[extname(file).toLowerCase()];
}

/** The outcome for one scenario file, or for a path that gave no file to read. */
export interface FileReport {
  file: string;
  /** False for a path that is missing, unreadable, not a scenario file or a folder without any. */
  read: boolean;
  /** The scenario, when the file has no problems. */
  scenario?: LoadedScenario;
  /** This file's problems, in file order. */
  problems: ScenarioProblem[];
}

export interface LoadReport {
  /** Every scenario file (and every path without one), in load order. */
  files: FileReport[];
  /** Every problem: per path in the order given, per file in file order (missing paths and empty folders included). */
  problems: ScenarioProblem[];
}

/** One file (or request body) on its way through the checks. */
interface Work {
  file: string;
  parsed: ParsedText;
  /** Already positioned (syntax) problems. */
  positioned: ScenarioProblem[];
  /** Problems located by path, positioned at the end. */
  located: PathProblem[];
  /** The document, when its root is an object. */
  doc?: ScenarioDocument;
  /** Name and parties for the rules across files (set when the document parsed to an object). */
  identity?: ScenarioIdentity;
  clock: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Blank, or (YAML) nothing but comments; stops at the first line with content. */
function isEmptyText(text: string, format: ScenarioFormat): boolean {
  for (let pos = 0; pos < text.length; ) {
    let eol = text.indexOf('\n', pos);
    if (eol === -1) eol = text.length;
    const line = text.slice(pos, eol).trim().replace(/^\ufeff/, '');
    if (line !== '' && !(format === 'yaml' && line.startsWith('#'))) return false;
    pos = eol + 1;
  }
  return true;
}

const EMPTY_FILE = 'the file is empty: expected a scenario with name, description and parties';

/** A text parsed, and whether it was empty; the text itself is not kept by the result. */
function parseText(text: string, file: string, format: ScenarioFormat): { parsed: ParsedText; empty: boolean } {
  if (isEmptyText(text, format)) return { parsed: parseScenarioText('', file, 'yaml'), empty: true };
  return { parsed: parseScenarioText(text, file, format), empty: false };
}

/**
 * A file read and parsed. The text lives only in this call (a generated file may be 150 MB): the
 * checks run without it, and positions, needed only for problems, come from reading the file again.
 */
function parseFile(file: string, format: ScenarioFormat): { parsed: ParsedText; empty: boolean } | ScenarioProblem {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return pathProblem(file, ioMessage(error));
  }
  const result = parseText(text, file, format);
  if (result.parsed.fatal.length === 0) result.parsed.positions = rereadPositions(file, format);
  return result;
}

/** Every check on one parsed text. */
function check(parsed: ParsedText, empty: boolean, file: string, format: ScenarioFormat, options: LoadOptions): Work {
  const work: Work = { file, parsed, positioned: [...parsed.fatal, ...parsed.problems], located: [], clock: options.fixedClock ?? options.defaultClock };
  if (empty) {
    work.located.push({ path: [], message: EMPTY_FILE });
    return work;
  }
  if (parsed.fatal.length > 0) return work;
  const value = parsed.value;
  const schemaProblems = validateAgainstSchema(value, { format });
  work.located.push(...schemaProblems);
  if (!isObject(value)) return work;
  const doc = value as unknown as ScenarioDocument;
  work.doc = doc;
  const parties: unknown[] = Array.isArray(value.parties) ? value.parties : [];
  work.identity = { source: file, name: value.name, parties: parties.map((p) => (isObject(p) ? p : {})) };
  if (!Array.isArray(value.parties)) return work;

  // Parties the schema found nothing wrong with get their dates resolved and their ledger checked.
  const dirty = new Set<number>();
  for (const p of schemaProblems) if (p.path[0] === 'parties' && typeof p.path[1] === 'number') dirty.add(p.path[1]);
  if (schemaProblems.some((p) => p.path[0] === 'parties' && p.path.length === 1)) return work;
  work.located.push(...clockProblems(value));
  work.clock = effectiveClock(options, value.clock);
  const clean = [...parties.keys()].filter((i) => !dirty.has(i));
  const dateProblems = resolveScenarioDates(doc, work.clock, clean);
  work.located.push(...dateProblems);
  for (const p of dateProblems) dirty.add(p.path[1] as number);
  work.located.push(...ledgerProblems(doc.parties, clean.filter((i) => !dirty.has(i))));
  return work;
}

function finish(work: Work): FileReport {
  const locations = work.parsed.positions.locate(work.located);
  const problems = [
    ...work.positioned,
    ...work.located.map((p, i): ScenarioProblem => {
      const at = locations[i]!;
      let message = p.message;
      if (p.quote) message += ` (write it in quotes: ${p.quote.mark}${at.source ?? p.quote.value}${p.quote.mark})`;
      return { file: work.file, line: at.line, col: at.col, path: formatPath(p.path), message };
    }),
  ];
  problems.sort((a, b) => a.line - b.line || a.col - b.col);
  const report: FileReport = { file: work.file, read: true, problems };
  if (problems.length === 0 && work.doc) {
    const doc = work.doc;
    const scenario: LoadedScenario = { name: doc.name, description: doc.description, source: work.file, clock: work.clock, parties: doc.parties as PartyLedger[] };
    if (doc.clock !== undefined) scenario.ownClock = doc.clock;
    report.scenario = scenario;
  }
  return report;
}

function withCrossChecks(works: Work[], options: LoadOptions): void {
  const checked = works.filter((w) => w.identity);
  const existing = (options.existing ?? []).map((s): ScenarioIdentity => ({ source: s.source, name: s.name, parties: s.parties }));
  crossScenarioProblems(checked.map((w) => w.identity!), existing).forEach((problems, i) => checked[i]!.located.push(...problems));
}

function pathProblem(file: string, message: string): ScenarioProblem {
  return { file, line: 1, col: 1, path: '(file)', message };
}

function ioMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}

/** Positions found by reading and parsing the file again, on first use. */
function rereadPositions(file: string, format: ScenarioFormat): SourcePositions {
  return {
    locate(requests) {
      if (requests.length === 0) return [];
      let text = '';
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        // Gone since: positions fall back to 1:1.
      }
      return parseScenarioText(text, file, format).positions.locate(requests);
    },
  };
}

type Entry = { kind: 'file'; file: string; format: ScenarioFormat } | { kind: 'problem'; problem: ScenarioProblem };

/** Files named and files directly inside folders named (`*.yaml`, `*.yml`, `*.json`, sorted by name, no dot files). */
function expand(paths: readonly string[]): Entry[] {
  const entries: Entry[] = [];
  const seen = new Set<string>();
  const add = (file: string, format: ScenarioFormat): void => {
    const key = resolvePath(file);
    if (seen.has(key)) return;
    seen.add(key);
    entries.push({ kind: 'file', file, format });
  };
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      entries.push({ kind: 'problem', problem: pathProblem(path, ioMessage(error)) });
      continue;
    }
    if (stats.isDirectory()) {
      let names: string[];
      try {
        names = readdirSync(path);
      } catch (error) {
        entries.push({ kind: 'problem', problem: pathProblem(path, ioMessage(error)) });
        continue;
      }
      const files = names
        .filter((name) => !name.startsWith('.') && formatOf(name) !== undefined)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .map((name) => join(path, name))
        .filter((file) => {
          try {
            return statSync(file).isFile();
          } catch {
            return false;
          }
        });
      if (files.length === 0) entries.push({ kind: 'problem', problem: pathProblem(path, 'no scenario files in this folder: expected *.yaml, *.yml or *.json files directly inside') });
      for (const file of files) add(file, formatOf(file)!);
    } else {
      const format = formatOf(path);
      if (!format) entries.push({ kind: 'problem', problem: pathProblem(path, 'not a scenario file: expected a .yaml, .yml or .json file') });
      else add(path, format);
    }
  }
  return entries;
}

/**
 * Checks every scenario file the paths name (files, or folders whose `*.yaml`, `*.yml` and `*.json`
 * files are read) and reports per file, without throwing on a bad file. `loadScenarioFiles` and the
 * validate command are built on it.
 */
export function inspectScenarioFiles(paths: readonly string[], options: LoadOptions): LoadReport {
  assertClocks(options);
  const entries = expand(paths);
  const works: (Work | ScenarioProblem)[] = [];
  for (const entry of entries) {
    if (entry.kind === 'problem') {
      works.push(entry.problem);
      continue;
    }
    const result = parseFile(entry.file, entry.format);
    works.push('parsed' in result ? check(result.parsed, result.empty, entry.file, entry.format, options) : result);
  }
  withCrossChecks(works.filter((w): w is Work => 'parsed' in w), options);
  const files: FileReport[] = [];
  const problems: ScenarioProblem[] = [];
  for (const w of works) {
    if (!('parsed' in w)) {
      files.push({ file: w.file, read: false, problems: [w] });
      problems.push(w);
      continue;
    }
    const report = finish(w);
    files.push(report);
    problems.push(...report.problems);
  }
  return { files, problems };
}

/**
 * Loads scenario files and folders. Returns every scenario, or throws a ScenarioLoadError listing
 * every problem of every file when anything is wrong; then nothing is returned at all.
 */
export function loadScenarioFiles(paths: readonly string[], options: LoadOptions): LoadedScenario[] {
  const report = inspectScenarioFiles(paths, options);
  if (report.problems.length > 0) throw new ScenarioLoadError(report.problems);
  return report.files.map((f) => f.scenario!);
}

/**
 * Loads one scenario given as text (e.g. a request body), labelled `source` in problems. Checks it
 * against `options.existing` for name and party clashes. Throws a ScenarioLoadError when anything is wrong.
 */
export function loadScenarioText(text: string, source: string, format: ScenarioFormat, options: LoadOptions): LoadedScenario {
  assertClocks(options);
  const { parsed, empty } = parseText(text, source, format);
  const work = check(parsed, empty, source, format, options);
  withCrossChecks([work], options);
  const report = finish(work);
  if (report.problems.length > 0 || !report.scenario) throw new ScenarioLoadError(report.problems);
  return report.scenario;
}
