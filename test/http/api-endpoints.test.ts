import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinParties } from '../../fixtures/builtin/index.js';
import { aug2023Ledger } from '../../fixtures/aug2023-871978433.js';
import { createApp } from '../../server/app.js';
import { aapneKravView, innbetalingerView, kravView, utbetalingerView } from '../../server/ledger/views.js';
import { contractsDir } from '../../server/paths.js';
import { get } from '../helpers/contract-response.js';

const CLOCK = '2026-11-26';
const parties = builtinParties(CLOCK);
const app = createApp({ parties, clock: CLOCK });
const PAKKER = ['finans', 'regnskapssystem'] as const;
const PREFIXES = ['/v1', '/api/innkreving/kravogbetalinger/v1'] as const;
const FORMATS = [
  ['json', 'application/json'],
  ['xml', 'application/xml'],
] as const;
const PERIOD = { fraOgMed: '2025-11-27', tilOgMed: CLOCK };
const query = `fraOgMed=${PERIOD.fraOgMed}&tilOgMed=${PERIOD.tilOgMed}`;

function example(name: string): unknown {
  return JSON.parse(readFileSync(join(contractsDir, 'examples', name), 'utf8')) as unknown;
}

describe('every endpoint × rettighetspakke × format × prefix answers the ledger view', () => {
  const party = parties.find((p) => p.partIdentifikator === '313367002')!;
  const cases = PAKKER.flatMap((pakke) => PREFIXES.flatMap((prefix) => FORMATS.map(([format, accept]) => ({ pakke, prefix, format, accept }))));

  it.each(cases)('aapnekrav $pakke $format $prefix', async ({ pakke, prefix, accept }) => {
    const res = await get(app, `${prefix}/${pakke}/313367002/aapnekrav`, { Accept: accept });
    expect(res.status).toBe(200);
    expect(res.mediaType).toBe(accept);
    expect(res.body).toEqual(aapneKravView(party, { clock: CLOCK, rettighetspakke: pakke }));
  });

  it.each(cases)('krav $pakke $format $prefix', async ({ pakke, prefix, accept }) => {
    const res = await get(app, `${prefix}/${pakke}/313367002/krav?${query}`, { Accept: accept });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(kravView(party, { clock: CLOCK, rettighetspakke: pakke }, PERIOD));
  });

  it.each(cases)('innbetalinger $pakke $format $prefix', async ({ pakke, prefix, accept }) => {
    const res = await get(app, `${prefix}/${pakke}/313367002/innbetalinger?${query}`, { Accept: accept });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(innbetalingerView(party, { clock: CLOCK, rettighetspakke: pakke }, PERIOD));
  });

  it.each(cases)('utbetalinger $pakke $format $prefix', async ({ pakke, prefix, accept }) => {
    const owner = parties.find((p) => p.events.some((e) => e.type === 'payout' && e.date > PERIOD.fraOgMed && e.date <= CLOCK))!;
    const res = await get(app, `${prefix}/${pakke}/${owner.partIdentifikator}/utbetalinger?${query}`, { Accept: accept });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(utbetalingerView(owner, { clock: CLOCK, rettighetspakke: pakke }, PERIOD));
  });
});

describe('all built-in parties answer on all four endpoints', () => {
  it.each(parties.map((p) => p.partIdentifikator))('%s', async (id) => {
    const open = await get(app, `/v1/regnskapssystem/${id}/aapnekrav`);
    expect(open.status).toBe(200);
    expect(open.body.partIdentifikator).toBe(id);
    for (const resource of ['krav', 'innbetalinger', 'utbetalinger']) {
      const res = await get(app, `/v1/regnskapssystem/${id}/${resource}?${query}`);
      expect([200, 404]).toContain(res.status);
      if (res.status === 404) expect(res.body.kode).toBe('KB-007');
    }
  });
});

describe('tilOgMed defaults to the clock and is echoed', () => {
  it('krav without tilOgMed', async () => {
    const res = await get(app, `/v1/finans/313367002/krav?fraOgMed=${PERIOD.fraOgMed}`);
    expect(res.status).toBe(200);
    expect(res.body.periode).toEqual(PERIOD);
  });
});

describe('the published August 2023 situation of 871978433, served over HTTP', () => {
  const aug = createApp({ parties: [aug2023Ledger()], clock: '2023-08-28' });

  it.each(PAKKER)('aapnekrav (%s) is the official example, byte for byte after parsing', async (pakke) => {
    const res = await get(aug, `/v1/${pakke}/871978433/aapnekrav`);
    expect(res.body).toEqual(example('example-2023-08-aapnekrav.json'));
  });

  it('the same answer in XML reads back to the official example', async () => {
    const res = await get(aug, '/v1/finans/871978433/aapnekrav', { Accept: 'application/xml' });
    expect(res.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<aapneKrav>')).toBe(true);
    expect(res.text).toContain('<kravforfallsIdentifikator>KRAV-33712709</kravforfallsIdentifikator>');
    expect(res.body).toEqual(example('example-2023-08-aapnekrav.json'));
  });

  it('XML is chosen by q-value and text/xml is accepted', async () => {
    const preferXml = await get(aug, '/v1/finans/871978433/aapnekrav', { Accept: 'application/json;q=0.5, application/xml' });
    expect(preferXml.mediaType).toBe('application/xml');
    const textXml = await get(aug, '/v1/finans/871978433/aapnekrav', { Accept: 'text/xml' });
    expect(textXml.mediaType).toBe('application/xml');
    const any = await get(aug, '/v1/finans/871978433/aapnekrav', { Accept: '*/*' });
    expect(any.mediaType).toBe('application/json');
  });
});
