// `kravmock validate <file|dir>...`: checks scenario files exactly as the server would load them,
// without starting it. Exit code 0 when every file is valid, 1 when anything is wrong, 2 when the
// command is called wrongly.
import { isIsoDate, today } from '../ledger/dates.js';
import type { IsoDate } from '../ledger/events.js';
import { inspectScenarioFiles } from './load.js';
import { formatProblem, type LoadOptions } from './types.js';

export const VALIDATE_USAGE = `Usage: kravmock validate <file|dir>... [--clock <YYYY-MM-DD>]

Checks scenario files (*.yaml, *.yml, *.json; a folder means the files directly inside it) against
contracts/scenario.schema.json and the ledger rules, as the server would load them together.
Every problem is printed as file:line:col path: message.

Options:
  --clock <YYYY-MM-DD>   resolve relative dates against this date (wins over the files' own clocks)
  --help, -h             this text`;

export interface ValidateIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface ValidateOptions {
  /** Relative dates of files without their own clock resolve against it; default today. */
  defaultClock?: IsoDate;
  fixedClock?: IsoDate;
  existing?: LoadOptions['existing'];
}

const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

/**
 * Runs the validate command on its arguments (paths, optionally `--clock <date>`, `--help`).
 * Prints, file by file, `ok <file>: <name> (<n> parties)` on `out` or the file's problems on `err`,
 * then a summary on `out` (`3 files checked, 1 rejected, 4 problems`; a missing path is a problem
 * but no file checked); returns the exit code.
 */
export function runValidate(args: readonly string[], io: ValidateIo, options: ValidateOptions = {}): number {
  const paths: string[] = [];
  let fixedClock = options.fixedClock;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') {
      io.out(VALIDATE_USAGE);
      return 0;
    }
    if (arg === '--clock' || arg.startsWith('--clock=')) {
      const value = arg === '--clock' ? args[(i += 1)] : arg.slice('--clock='.length);
      if (value === undefined || !isIsoDate(value)) {
        io.err(`--clock must be a calendar date YYYY-MM-DD, got ${value === undefined ? 'nothing' : `'${value}'`}`);
        io.err(VALIDATE_USAGE);
        return 2;
      }
      fixedClock = value;
    } else if (arg === '--') {
      paths.push(...args.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') {
      io.err(`unknown option '${arg}'`);
      io.err(VALIDATE_USAGE);
      return 2;
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) {
    io.err('no scenario files given: usage: kravmock validate <file|dir>...');
    return 2;
  }
  const loadOptions: LoadOptions = { defaultClock: options.defaultClock ?? today() };
  if (fixedClock !== undefined) loadOptions.fixedClock = fixedClock;
  if (options.existing !== undefined) loadOptions.existing = options.existing;

  const report = inspectScenarioFiles(paths, loadOptions);
  for (const file of report.files) {
    if (file.scenario) io.out(`ok ${file.file}: ${file.scenario.name} (${plural(file.scenario.parties.length, 'party', 'parties')})`);
    for (const problem of file.problems) io.err(formatProblem(problem));
  }
  const read = report.files.filter((f) => f.read);
  const rejected = read.filter((f) => f.problems.length > 0).length;
  io.out(`${plural(read.length, 'file')} checked, ${rejected} rejected, ${plural(report.problems.length, 'problem')}`);
  return report.problems.length > 0 ? 1 : 0;
}
