#!/usr/bin/env node
// The kravmock command: serve (default), validate, generate.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAIN_USAGE } from './cli/help.js';
import { UsageError, processIo } from './cli/io.js';
import { packageRoot } from './paths.js';

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
  // Each command's modules are loaded when it runs: start-up pays only for the command asked for
  // (serve does not load the generator's faker, nor check-pact's comparison engine or Pact's verifier).
  switch (command) {
    case 'serve': {
      const [{ runServe }, { exitOnSignals }] = await Promise.all([import('./cli/serve-command.js'), import('./cli/shutdown.js')]);
      const running = await runServe(args, processIo);
      if (typeof running === 'number') return running;
      // SIGTERM/SIGINT: drain in-flight requests, then exit 0 (server/cli/shutdown.ts).
      exitOnSignals(running);
      return -1; // keeps running
    }
    case 'validate':
      return (await import('./scenarios/validate-command.js')).runValidate(args, processIo);
    case 'generate':
      return (await import('./generator/generate-command.js')).runGenerate(args, processIo);
    case 'token':
      return (await import('./cli/token-command.js')).runToken(args, processIo);
    case 'check-pact':
      return (await import('./cli/check-pact-command.js')).runCheckPact(args, processIo);
    case 'verify':
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
