// The README's curl examples must work as printed: each one is run against the app with the
// built-in data, and must answer with the status its comment names (200 when none is named).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp } from '../server/app.js';
import { loadServeScenarios, readServeConfig } from '../server/cli/serve-command.js';
import { aapneKravView } from '../server/ledger/views.js';
import { loadScenarioText } from '../server/scenarios/load.js';
import { adminContract, request } from './helpers/contract-response.js';

const CLOCK = '2026-11-26';
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
/** Splits a shell line into words, honouring single and double quotes; stops at an unquoted `#`. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'" || c === '"') {
      const close = line.indexOf(c, i + 1);
      word = (word ?? '') + line.slice(i + 1, close);
      i = close;
    } else if (c === ' ') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === '#' && word === undefined) {
      break;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

type Method = 'get' | 'post' | 'put' | 'delete' | 'patch';

interface Curl {
  line: string;
  method: Method;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The status its comment names; any 2xx when none is named. */
  expected?: number;
}

function parseCurl(line: string): Curl {
  const words = shellWords(line).slice(1);
  const headers: Record<string, string> = {};
  let method: Method | undefined;
  let body: string | undefined;
  let url: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '-X') method = words[++i]!.toLowerCase() as Method;
    else if (w === '-H') {
      const [name, ...value] = words[++i]!.split(':');
      headers[name!.trim()] = value.join(':').trim();
    } else if (w === '-d' || w === '--data-binary') {
      const data = words[++i]!;
      body = data.startsWith('@') ? readFileSync(new URL(`../${data.slice(1)}`, import.meta.url), 'utf8') : data;
    } else if (w === '-i' || w === '-s') continue;
    else if (w.startsWith('http://localhost:8080')) url = w;
    else throw new Error(`README curl line has an option this test does not know: ${w}\n${line}`);
  }
  if (!url) throw new Error(`README curl line without a URL: ${line}`);
  const expected = /# (\d{3})/.exec(line)?.[1];
  return { line, method: method ?? (body === undefined ? 'get' : 'post'), path: url.replace('http://localhost:8080', ''), headers, ...(body !== undefined ? { body } : {}), ...(expected ? { expected: Number(expected) } : {}) };
}

// Every line that starts with `curl` (in indented blocks too), in README order: they are run one
// after another against one server, as a reader would run them.
// Inline examples in the prose (`curl …` in backticks) count too. Left out: `curl -H @auth.txt` needs
// the token `kravmock token` wrote (test/access/token-command.test.ts runs those README commands
// against a real server), and the socket faults break the connection on purpose
// (test/faults/socket-faults.test.ts).
const curls = readme
  .split('\n')
  .flatMap((line) => (line.trim().startsWith('curl ') ? [line.trim()] : [...line.matchAll(/`(curl [^`]+)`/g)].map((m) => m[1]!)))
  .filter((line) => !line.includes(' -H @') && !/Prefer: [^"]*fault=/.test(line))
  .map(parseCurl);

describe('README curl examples', () => {
  // What `npm start` serves (the built-in parties and the library), at a fixed date and fault seed.
  const config = readServeConfig([], {});
  const app = createApp({ scenarios: loadServeScenarios(config, CLOCK), clock: () => CLOCK, faultSeed: 42 });

  it('has examples for all four endpoints, XML and the legacy prefix', () => {
    const paths = curls.map((c) => c.path).join('\n');
    for (const part of ['/aapnekrav', '/krav?', '/innbetalinger?', '/utbetalinger?', '/api/innkreving/kravogbetalinger/v1/']) {
      expect(paths).toContain(part);
    }
    expect(curls.some((c) => c.headers.Accept === 'application/xml')).toBe(true);
  });

  it('has an example for every admin operation in contracts/admin-openapi.yaml', () => {
    const templates = Object.entries(adminContract.document.paths).flatMap(([template, item]) =>
      Object.keys(item).filter((key) => ['get', 'post', 'put', 'delete', 'patch'].includes(key)).map((method) => ({ method, pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/?]+')}(\\?|$)`), template })),
    );
    const missing = templates.filter((t) => !curls.some((c) => c.method === t.method && t.pattern.test(c.path)));
    expect(missing.map((m) => `${m.method.toUpperCase()} ${m.template}`)).toEqual([]);
  });

  it.each(curls)('$line', async ({ method, path, headers, body, expected }) => {
    const { ['Content-Type']: contentType, ...rest } = headers;
    const res = await request(app, method, path, { headers: rest, ...(body !== undefined ? { body } : {}), ...(contentType ? { contentType } : {}) });
    if (expected !== undefined) expect(res.status).toBe(expected);
    else expect(Math.floor(res.status / 100), `${res.status} ${JSON.stringify(res.body)}`).toBe(2);
  });
});

describe('README scenario example', () => {
  const block = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];

  it('is a complete, valid scenario with the figures its comments promise', () => {
    expect(block).toBeDefined();
    const scenario = loadScenarioText(block!, 'README.md', 'yaml', { defaultClock: CLOCK });
    expect(scenario.name).toBe('restskatt-halvt-betalt');
    const view = aapneKravView(scenario.parties[0]!, { clock: CLOCK, rettighetspakke: 'regnskapssystem' });
    expect(view.totalOversikt?.sumForfalteKrav).toBe(12000);
    expect(view.totalOversikt?.sumUplasserteInnbetalinger).toBe(-2500);
    expect(view.innbetalingMedUplassertBeloep?.map((i) => i.innbetalingsidentifikator)).toEqual(['850000002']);
  });
});
