// How each server under test is started: kravmock as `kravmock serve` from the build, Prism from its
// npm package, and the bare node:http ceiling from a few lines of source.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { start, type Target } from './processes.js';

export interface KravmockServe {
  port: number;
  clock: string;
  access?: 'off' | 'permissive' | 'strict';
  validate?: 'off' | 'report' | 'enforce';
  /** Concurrent calls per organisation before 429 in strict mode; 0 = unlimited. */
  fairUseLimit?: number;
  scenarios?: readonly string[];
  noBuiltin?: boolean;
  /** Other `serve` options, as given (e.g. `--answer-cache 0`, `--log-level warn`). */
  extra?: readonly string[];
  /** Extra node flags before the script, e.g. --cpu-prof. */
  nodeFlags?: readonly string[];
  pipeStdout?: boolean;
}

export function kravmockArgs(cli: string, o: KravmockServe): string[] {
  const args = [...(o.nodeFlags ?? []), cli, 'serve', '--port', String(o.port), '--clock', o.clock];
  if (o.access) args.push('--access', o.access);
  if (o.validate) args.push('--validate', o.validate);
  if (o.fairUseLimit !== undefined) args.push('--fair-use-limit', String(o.fairUseLimit));
  for (const s of o.scenarios ?? []) args.push('--scenarios', s);
  if (o.noBuiltin) args.push('--no-builtin');
  args.push(...(o.extra ?? []));
  return args;
}

export function startKravmock(root: string, cli: string, label: string, o: KravmockServe): Target {
  return start({
    label,
    command: process.execPath,
    args: kravmockArgs(cli, o),
    port: o.port,
    cwd: root,
    // No KRAVMOCK_* variable from the caller's shell changes what is measured.
    env: Object.fromEntries(Object.keys(process.env).filter((k) => k.startsWith('KRAVMOCK_')).map((k) => [k, undefined])),
    pipeStdout: o.pipeStdout ?? false,
  });
}

/** The JavaScript file behind Prism's `prism` command, run with this Node directly (no npx in between). */
export function prismEntry(root: string): { script: string; version: string } {
  const require = createRequire(join(root, 'package.json'));
  const pkgFile = require.resolve('@stoplight/prism-cli/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { version: string; bin: string | Record<string, string> };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.prism!;
  return { script: join(dirname(pkgFile), bin), version: pkg.version };
}

export function startPrism(root: string, label: string, port: number, contract: string, extra: readonly string[] = []): Target {
  const { script } = prismEntry(root);
  return start({
    label,
    command: process.execPath,
    args: [script, 'mock', '-p', String(port), '-h', '127.0.0.1', ...extra, contract],
    port,
    cwd: root,
  });
}

/** The ceiling: node:http answering every request with the same pre-serialized bytes. */
const CEILING_SOURCE = `
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
const [port, file] = process.argv.slice(1);
const body = readFileSync(file);
const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length };
createServer((req, res) => {
  res.writeHead(200, headers);
  res.end(body);
}).listen(Number(port), '127.0.0.1');
`;

export function startCeiling(root: string, port: number, bodyFile: string): Target {
  return start({
    label: 'node:http ceiling',
    command: process.execPath,
    args: ['--input-type=module', '-e', CEILING_SOURCE, String(port), bodyFile],
    port,
    cwd: root,
  });
}
