// The curl examples of the README's `Prefer` and fault-profile sections, run for real in the order
// they appear (method, headers and body as written): block lines first, then the ones in the prose.
// test/readme.test.ts runs every README curl line as a GET; this one honours -X and -d.
import { readFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { builtinParties } from '../../fixtures/builtin/index.js';
import { createApp } from '../../server/app.js';
import { contract, request } from '../helpers/contract-response.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const start = readme.indexOf('### Choosing behaviour per request: `Prefer`');
const end = readme.indexOf('\n### ', readme.indexOf('### Fault profiles'));
const sections = readme.slice(start, end);

interface Curl {
  text: string;
  method: 'get' | 'post' | 'delete';
  path: string;
  headers: Record<string, string>;
  body?: string;
  expected: number;
}

/** Shell words with single and double quotes (enough for the README's lines). */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

function parseCurl(text: string): Curl {
  const [command, comment] = text.split(/\s+#\s+/);
  const args = words(command!);
  const curl: Curl = { text, method: 'get', path: '', headers: {}, expected: 0 };
  for (let i = 1; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '-X') curl.method = args[(i += 1)]!.toLowerCase() as Curl['method'];
    else if (arg === '-H') {
      const [name, ...value] = args[(i += 1)]!.split(':');
      curl.headers[name!] = value.join(':').trim();
    } else if (arg === '-d') curl.body = args[(i += 1)]!;
    else if (arg.startsWith('http://localhost:8080')) curl.path = arg.replace('http://localhost:8080', '');
    else expect(arg, `an option the README test does not know in: ${text}`).toBe('-i');
  }
  const status = comment && /^(\d{3})/.exec(comment)?.[1];
  curl.expected = status ? Number(status) : { get: 200, post: 201, delete: 204 }[curl.method];
  return curl;
}

const blockLines = [...sections.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n').filter((l) => l.startsWith('curl ')));
const proseSpans = [...sections.replace(/```sh\n[\s\S]*?```/g, '').matchAll(/`(curl [^`]+)`/g)].map((m) => m[1]!);
const socketFault = (c: Curl) => /fault=/.test(c.headers.Prefer ?? '');

describe('README: Prefer and fault-profile examples', () => {
  const app = createApp({ parties: builtinParties('2026-11-26'), clock: '2026-11-26', contract });

  it('has examples for every fault endpoint and a Prefer of each kind', () => {
    const all = [...blockLines, ...proseSpans].map(parseCurl);
    const ops = new Set(all.map((c) => `${c.method} ${c.path.replace(/\/__admin\/faults\/[^/?]+/, '/__admin/faults/{id}')}`));
    for (const op of ['post /__admin/faults', 'get /__admin/faults', 'delete /__admin/faults', 'get /__admin/faults/{id}', 'delete /__admin/faults/{id}']) expect(ops).toContain(op);
    const prefers = all.map((c) => c.headers.Prefer ?? '').join(' ');
    for (const kind of ['code=', 'kode=', 'delay=', 'fault=']) expect(prefers).toContain(kind);
  });

  it.each([...blockLines, ...proseSpans].map(parseCurl).filter((c) => !socketFault(c)))('$text', async (curl) => {
    const options = { headers: curl.headers, ...(curl.body !== undefined ? { body: curl.body, contentType: curl.headers['Content-Type'] } : {}) };
    const res = await request(app, curl.method, curl.path, options);
    expect(res.status, JSON.stringify(res.body)).toBe(curl.expected);
    if (curl.method === 'post') expect(res.body.id).toBeDefined();
  });

  it.each(proseSpans.map(parseCurl).filter(socketFault))('$text (the body stops halfway)', async (curl) => {
    const server: Server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const seen = await new Promise<{ length: number; received: number; complete: boolean }>((resolve) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: curl.path, headers: curl.headers, agent: false }, (res) => {
          let received = 0;
          res.on('data', (chunk: Buffer) => (received += chunk.length));
          res.on('error', () => {});
          res.on('close', () => resolve({ length: Number(res.headers['content-length']), received, complete: res.complete }));
        });
        req.end();
      });
      expect(seen.complete).toBe(false);
      expect(seen.received).toBe(Math.floor(seen.length / 2));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
