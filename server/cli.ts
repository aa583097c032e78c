#!/usr/bin/env node
// The kravmock command: serve (default), validate, generate.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError, processIo } from './cli/io.js';
import { runServe } from './cli/serve-command.js';
import { runToken } from './cli/token-command.js';
import { runGenerate } from './generator/generate-command.js';
import { packageRoot } from './paths.js';
import { runValidate } from './scenarios/validate-command.js';

const USAGE = `kravmock — a local mock of Skatteetaten's Krav og betalinger API

Usage:
  kravmock serve [options]                 serve the API (the default command)
  kravmock validate <file|dir>...          check scenario files without starting the server
  kravmock generate --parties <n> --out <file|dir> [--seed <n>] [options]
                                           write generated scenario files
  kravmock token --org <orgnr> --pakke <regnskapssystem|finans> [options]
                                           print a ready access token from a running kravmock
  kravmock check-pact <file|dir>...        check Pact files against the contract, without a server
  kravmock verify --pact <file|dir>... [--provider-base-url <url>]
                                           verify Pact files against kravmock (provider verification)
  kravmock <command> --help                options of a command
  kravmock --version`;

function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    processIo.out(version());
    return 0;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    processIo.out(USAGE);
    return 0;
  }
  const command = first === undefined || first.startsWith('-') ? 'serve' : first;
  const args = command === first ? rest : argv;
  switch (command) {
    case 'serve': {
      const running = await runServe(args, processIo);
      if (typeof running === 'number') return running;
      const stop = () => void running.close().then(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
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
