// The README's curl examples must work as printed: each one is run against the app with the
// built-in data, and must answer with the status its comment names (200 when none is named).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp } from '../server/app.js';
import { loadServeScenarios, readServeConfig } from '../server/cli/serve-command.js';
import { aapneKravView } from '../server/ledger/views.js';
import { loadScenarioText } from '../server/scenarios/load.js';
import { adminContract, request } from './helpers/contract-response.js';
import { curlsIn } from './helpers/curl.js';

const CLOCK = '2026-11-26';
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
// `curl -H @auth.txt` needs the token `kravmock token` wrote: test/access/token-command.test.ts runs
// those README commands against a real server. Socket faults are covered by
// test/faults/socket-faults.test.ts.
const curls = curlsIn(readme);

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
