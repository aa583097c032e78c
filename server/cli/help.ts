// The help texts of the kravmock command: the list of subcommands (`kravmock --help`), and the option
// tables that usage texts are printed from. An option documented here is the single source for its
// usage line and its row in the README's Configuration table (test/cli/help.test.ts compares them).

/** A subcommand, as `kravmock --help` lists it. */
export interface CommandSummary {
  name: string;
  summary: string;
}

export const COMMANDS: readonly CommandSummary[] = [
  { name: 'serve', summary: 'serve the API and the admin API (the default command)' },
  { name: 'generate', summary: 'write scenario files with generated parties and ledgers' },
  { name: 'validate', summary: 'check scenario files without starting the server' },
  { name: 'token', summary: 'print a ready access token from a running kravmock' },
  { name: 'check-pact', summary: 'check Pact files against the contract, without a server' },
  { name: 'verify', summary: 'verify Pact files against kravmock (provider verification)' },
];

const NAME_WIDTH = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;

export const MAIN_USAGE = `kravmock — a local mock of Skatteetaten's Krav og betalinger API

Usage: kravmock [command] [options]

Commands:
${COMMANDS.map((c) => `  kravmock ${c.name.padEnd(NAME_WIDTH)}${c.summary}`).join('\n')}

Options:
  --help, -h    this text; kravmock <command> --help (or kravmock help <command>): a command's options
  --version     the version of kravmock

Without a command kravmock serves: kravmock --port 9090 is kravmock serve --port 9090.`;

/** One option of a command that is also read from an environment variable. */
export interface EnvOption {
  /** `--port`; a boolean option has no `arg`. */
  flag: string;
  /** `<n>`, `<mode>`, …; absent for a boolean flag. */
  arg?: string;
  /** The variable; a boolean flag is switched on by `=1` (or `=true`). */
  env: string;
  /** As shown in the usage text and the README (`[default: …]`). */
  default: string;
  /** One short line (the usage text may wrap it). */
  meaning: string;
}

/** `KRAVMOCK_NO_ADMIN=1` for a boolean flag, the bare name otherwise. */
export const envLabel = (option: EnvOption): string => (option.arg === undefined ? `${option.env}=1` : option.env);

const LINE = 104;

/**
 * Option lines of a usage text: flag and argument, variable, then the meaning and `[default: …]`,
 * wrapped under the meaning column.
 */
export function formatEnvOptions(options: readonly EnvOption[]): string {
  // Columns as wide as the widest entry needs, at least 23 and 25 characters (the other option lines' column).
  const flagWidth = Math.max(23, ...options.map((o) => o.flag.length + (o.arg ? o.arg.length + 1 : 0) + 2));
  const envWidth = Math.max(25, ...options.map((o) => envLabel(o).length + 2));
  const indent = ' '.repeat(2 + flagWidth + envWidth);
  return options
    .map((option) => {
      const head = `  ${`${option.flag}${option.arg ? ` ${option.arg}` : ''}`.padEnd(flagWidth - 1)} ${envLabel(option).padEnd(envWidth - 1)} `;
      // `[default: …]` is kept on one line.
      const words = [...option.meaning.split(' '), `[default: ${option.default}]`];
      const lines: string[] = [];
      let line = head;
      for (const word of words) {
        if (line.length + word.length > LINE && line.trim().length > 0 && line !== head) {
          lines.push(line.trimEnd());
          line = indent;
        }
        line += `${word} `;
      }
      lines.push(line.trimEnd());
      return lines.join('\n');
    })
    .join('\n');
}

/** The option lines a usage text documents with a variable: `{flag, arg, env, default}` for each. */
export function parseEnvOptions(usage: string): { flag: string; arg?: string; env: string; default: string }[] {
  const found: { flag: string; arg?: string; env: string; default: string }[] = [];
  const lines = usage.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const head = /^ {2}(--[a-z-]+)(?: (<[^>]+>))? +(KRAVMOCK_[A-Z_]+(?:=1)?) +(.*)$/.exec(lines[i]!);
    if (!head) continue;
    // The meaning runs on over indented continuation lines until the next option or a blank line.
    let text = head[4]!;
    while (i + 1 < lines.length && /^ {10,}\S/.test(lines[i + 1]!)) text += ` ${lines[(i += 1)]!.trim()}`;
    const fallback = /\[default: ([^\]]+)\]\s*$/.exec(text);
    found.push({ flag: head[1]!, ...(head[2] ? { arg: head[2] } : {}), env: head[3]!, default: fallback ? fallback[1]! : '' });
  }
  return found;
}
