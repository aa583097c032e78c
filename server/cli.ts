#!/usr/bin/env node
// The kravmock command: serve (default), validate, generate.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAIN_USAGE } from './cli/help.js';
import { UsageError, processIo } from './cli/io.js';
import { runServe } from './cli/serve-command.js';
import { exitOnSignals } from './cli/shutdown.js';
import { runToken } from './cli/token-command.js';
import { runGenerate } from './generator/generate-command.js';
import { packageRoot } from './paths.js';
import { runValidate } from './scenarios/validate-command.js';

function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    processIo.out(version());
    return 0;
  }
  if (first === 'help' && rest.length > 0) return main([rest[0]!, '--help']);
  if (first === '--help' || first === '-h' || first === 'help') {
    processIo.out(MAIN_USAGE);
    return 0;
  }
  const command = first === undefined || first.startsWith('-') ? 'serve' : first;
  const args = command === first ? rest : argv;
  switch (command) {
    case 'serve': {
      const running = await runServe(args, processIo);
      if (typeof running === 'number') return running;
      // SIGTERM/SIGINT: drain in-flight requests, then exit 0 (server/cli/shutdown.ts).
      exitOnSignals(running);
      return -1; // keeps running
    }
    case 'validate':
      return runValidate(args, processIo);
    case 'generate':
      return runGenerate(args, processIo);
    case 'token':
      return runToken(args, processIo);
    case 'check-pact':
      // Loaded on demand: the comparison engine is large and only this command needs it.
      return (await import('./cli/check-pact-command.js')).runCheckPact(args, processIo);
    case 'verify':
      // Loaded on demand, like check-pact: Pact's verifier is only needed here.
      return (await import('./cli/verify-command.js')).runVerify(args, processIo);
    default:
      throw new UsageError(`unknown command '${command}': expected serve, validate, generate, token, check-pact or verify`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      processIo.err(`kravmock: ${error.message}`);
      process.exitCode = 2;
      return;
    }
    processIo.err(`kravmock: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
