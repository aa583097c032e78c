// `kravmock generate`: seeded scenario files with realistic, internally consistent ledgers for
// volume testing. Usage mistakes exit 2 with one line naming the option and what was expected;
// a progress bar is drawn on stderr when it is a terminal; a summary line goes to stdout.
import { existsSync, statSync } from 'node:fs';
import { extname, sep } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { isIsoDate, today } from '../ledger/dates.js';
import { MAX_PARTIES } from './identifiers.js';
import { type OutputFormat, type OutputLayout, generateToFiles } from './output.js';

/** What the command may touch (structurally the CLI's CommandIo). */
export interface GenerateIo {
  out(line: string): void;
  err(line: string): void;
  /** True when stderr is a terminal: then a progress bar is drawn on it. */
  isTTY: boolean;
}

export const GENERATE_USAGE = `Usage: kravmock generate --parties <n> --out <file|dir> [options]

Writes scenario files with generated parties (AS and ENK) and their ledgers: MVA, A-melding,
forskuddsskatt and yearly assessments from the real calendars over about the last twenty months,
paid on time, late, in part or not at all. The same seed, options and clock give the same bytes.

Options:
  --parties <n>          how many parties, 1 to ${MAX_PARTIES} (required)
  --out <file|dir>       a .json, .yaml or .yml file: one scenario with every party;
                         a directory (existing, or ending in /): one file per party (<orgnr>.json)
  --seed <n>             seed, a whole number from 0 to 4294967295 (default 1)
  --clock <YYYY-MM-DD>   the day the ledgers are generated up to, written into every file as the
                         scenario's clock (default today, UTC)
  --format <json|yaml>   file format (default: from the --out file name, else json)
  --per-file <n>         with a directory: n parties per file instead of one
  --help, -h             this text`;

const OPTIONS = ['--parties', '--out', '--seed', '--clock', '--format', '--per-file', '--help'];

class UsageProblem extends Error {}

function wholeNumber(option: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageProblem(`${option} must be a whole number from ${min} to ${max}, got '${text}'`);
  }
  return value;
}

interface GenerateConfig {
  seed: number;
  parties: number;
  clock: string;
  format: OutputFormat;
  layout: OutputLayout;
  out: string;
}

const FILE_FORMATS: Record<string, OutputFormat> = { '.json': 'json', '.yaml': 'yaml', '.yml': 'yaml' };

function parse(argv: string[]): GenerateConfig | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  // `--seed -1` is written `--seed=-1` for parseArgs, so the value is checked (and named) below
  const args: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (!arg.startsWith('-') || arg === '-' || arg === '--') {
      args.push(arg);
      continue;
    }
    const name = arg.split('=')[0]!;
    if (!OPTIONS.includes(name)) throw new UsageProblem(`unknown option '${name}': expected one of ${OPTIONS.join(', ')}`);
    if (name === '--help' || arg.includes('=')) {
      args.push(arg);
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || OPTIONS.includes(value.split('=')[0]!)) throw new UsageProblem(`${name} needs a value`);
    args.push(`${name}=${value}`);
    i += 1;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        parties: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string' },
        clock: { type: 'string' },
        format: { type: 'string' },
        'per-file': { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message;
    const missing = /Option '(--[a-z-]+)/.exec(message);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && missing) throw new UsageProblem(`${missing[1]} needs a value`);
    const positional = /Unexpected argument '([^']*)'/.exec(message);
    if (positional) throw new UsageProblem(`unexpected argument '${positional[1]}': generate takes only options (${OPTIONS.join(', ')})`);
    throw new UsageProblem(message);
  }
  const v = parsed.values;
  if (v.help) return 'help';

  if (v.parties === undefined) throw new UsageProblem(`--parties is required: how many parties to generate, 1 to ${MAX_PARTIES}`);
  const parties = wholeNumber('--parties', v.parties, 1, MAX_PARTIES);
  if (v.out === undefined || v.out === '') {
    throw new UsageProblem('--out is required: a .json, .yaml or .yml file, or a directory (existing, or ending in /)');
  }
  const seed = v.seed === undefined ? 1 : wholeNumber('--seed', v.seed, 0, 4_294_967_295);
  const clock = v.clock ?? today();
  if (!isIsoDate(clock)) throw new UsageProblem(`--clock must be a calendar date YYYY-MM-DD, got '${clock}'`);
  if (v.format !== undefined && v.format !== 'json' && v.format !== 'yaml') {
    throw new UsageProblem(`--format must be json or yaml, got '${v.format}'`);
  }

  const out = v.out;
  const isDir = out.endsWith('/') || out.endsWith(sep) || (existsSync(out) && statSync(out).isDirectory());
  const perFileText = v['per-file'];
  let layout: OutputLayout;
  let format: OutputFormat;
  if (isDir) {
    const perFile = perFileText === undefined ? 1 : wholeNumber('--per-file', perFileText, 1, MAX_PARTIES);
    layout = { kind: 'dir', path: out, perFile };
    format = (v.format as OutputFormat | undefined) ?? 'json';
  } else {
    if (perFileText !== undefined) {
      throw new UsageProblem(`--per-file needs --out to be a directory (existing, or ending in /), got '${out}'`);
    }
    const byName = FILE_FORMATS[extname(out).toLowerCase()];
    if (!byName) {
      throw new UsageProblem(`--out must be a .json, .yaml or .yml file, or a directory (existing, or ending in /), got '${out}'`);
    }
    if (v.format !== undefined && v.format !== byName) {
      throw new UsageProblem(`--format ${v.format} does not match --out '${out}': name the file .${v.format === 'yaml' ? 'yaml' : 'json'} or leave out --format`);
    }
    layout = { kind: 'file', path: out };
    format = byName;
  }
  return { seed, parties, clock, format, layout, out };
}

const grouped = (n: number): string => n.toLocaleString('en-US');

/** Runs `kravmock generate`; returns the exit code (0 done, 1 failed, 2 usage error). */
export async function runGenerate(argv: string[], io: GenerateIo): Promise<number> {
  let config: GenerateConfig | 'help';
  try {
    config = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageProblem)) throw error;
    io.err(`kravmock: ${error.message}`);
    return 2;
  }
  if (config === 'help') {
    io.out(GENERATE_USAGE);
    return 0;
  }

  const started = performance.now();
  const bar = io.isTTY
    ? new cliProgress.SingleBar(
        {
          format: 'generating |{bar}| {value}/{total} parties | {eta_formatted} left',
          stream: process.stderr,
          clearOnComplete: true,
          hideCursor: true,
          etaBuffer: 200,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(config.parties, 0);
  try {
    const result = await generateToFiles({
      seed: config.seed,
      parties: config.parties,
      clock: config.clock,
      format: config.format,
      layout: config.layout,
      onProgress: async (done) => {
        if (!bar) return;
        bar.update(done);
        if (done % 200 === 0) await new Promise((resolve) => setImmediate(resolve)); // let the bar redraw
      },
    });
    bar?.stop();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const partyWord = result.parties === 1 ? 'party' : 'parties';
    io.out(`wrote ${result.parties} ${partyWord} (${grouped(result.claims)} claims) to ${config.out} in ${seconds} s`);
    return 0;
  } catch (error) {
    bar?.stop();
    io.err(`kravmock: generate failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
