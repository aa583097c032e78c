// The README's curl examples must work as printed: each one is run against the app with the
// built-in data, and must answer with the status its comment names (200 when none is named).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinParties } from '../fixtures/builtin/index.js';
import { createApp } from '../server/app.js';
import { aapneKravView } from '../server/ledger/views.js';
import { loadScenarioText } from '../server/scenarios/load.js';
import { get } from './helpers/contract-response.js';

const CLOCK = '2026-11-26';
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const curls = readme
  .split('\n')
  .filter((line) => line.startsWith('curl '))
  .map((line) => {
    const url = /(?:"|\s)(http:\/\/localhost:8080[^"\s]*)/.exec(line)?.[1];
    const headers = Object.fromEntries([...line.matchAll(/-H "([^:]+): ([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
    const expected = Number(/# (\d{3})/.exec(line)?.[1] ?? 200);
    return { line, path: url!.replace('http://localhost:8080', ''), headers, expected };
  });

describe('README curl examples', () => {
  const app = createApp({ parties: builtinParties(CLOCK), clock: CLOCK });

  it('has examples for all four endpoints, XML and the legacy prefix', () => {
    const paths = curls.map((c) => c.path).join('\n');
    for (const part of ['/aapnekrav', '/krav?', '/innbetalinger?', '/utbetalinger?', '/api/innkreving/kravogbetalinger/v1/']) {
      expect(paths).toContain(part);
    }
    expect(curls.some((c) => c.headers.Accept === 'application/xml')).toBe(true);
  });

  it.each(curls)('$line', async ({ path, headers, expected }) => {
    const res = await get(app, path, headers);
    expect(res.status).toBe(expected);
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
