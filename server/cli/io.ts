// What a CLI command may touch: output lines, the environment, whether stderr is a terminal.
export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

/** A mistake in how the command was called: the message names the option and what was expected. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const processIo: CommandIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
};
