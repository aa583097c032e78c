// Same seed, options and clock give the same bytes; party i does not depend on how many are generated.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type OutputFormat, generateToFiles } from '../../server/generator/output.js';
import { CLOCK } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'kravmock-generator-determinism-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

async function generateFile(seed: number, parties: number, format: OutputFormat = 'json', clock = CLOCK): Promise<Buffer> {
  const path = join(root, `run${(n += 1)}.${format}`);
  await generateToFiles({ seed, parties, clock, format, layout: { kind: 'file', path } });
  return readFileSync(path);
}

async function generateDir(seed: number, parties: number, perFile = 1): Promise<string> {
  const path = join(root, `dir${(n += 1)}`);
  await generateToFiles({ seed, parties, clock: CLOCK, format: 'json', layout: { kind: 'dir', path, perFile } });
  return path;
}

interface Doc {
  name: string;
  clock: string;
  parties: { partIdentifikator: string }[];
}

describe('generator determinism', () => {
  it('writes byte-identical JSON for the same seed, options and clock', async () => {
    const a = await generateFile(42, 40);
    const b = await generateFile(42, 40);
    expect(a.length).toBeGreaterThan(10_000);
    expect(a.equals(b)).toBe(true);
  });

  it('writes byte-identical YAML for the same seed, options and clock', async () => {
    const a = await generateFile(7, 8, 'yaml');
    const b = await generateFile(7, 8, 'yaml');
    expect(a.equals(b)).toBe(true);
  });

  it('gives different parties for different seeds', async () => {
    const a = JSON.parse((await generateFile(42, 20)).toString('utf8')) as Doc;
    const b = JSON.parse((await generateFile(43, 20)).toString('utf8')) as Doc;
    expect(a.name).toBe('generert-seed42-20-parter');
    expect(b.name).toBe('generert-seed43-20-parter');
    const idsA = new Set(a.parties.map((p) => p.partIdentifikator));
    expect(b.parties.filter((p) => idsA.has(p.partIdentifikator)).length).toBeLessThan(2);
    expect(JSON.stringify(a.parties)).not.toBe(JSON.stringify(b.parties));
  });

  it('writes the clock into the file, and a different clock gives a different ledger', async () => {
    const a = JSON.parse((await generateFile(42, 5)).toString('utf8')) as Doc;
    const b = JSON.parse((await generateFile(42, 5, 'json', '2025-03-01')).toString('utf8')) as Doc;
    expect(a.clock).toBe(CLOCK);
    expect(b.clock).toBe('2025-03-01');
    expect(JSON.stringify(a.parties)).not.toBe(JSON.stringify(b.parties));
  });

  it('makes party i the same whether 10 or 50 parties are generated', async () => {
    const ten = JSON.parse((await generateFile(42, 10)).toString('utf8')) as Doc;
    const fifty = JSON.parse((await generateFile(42, 50)).toString('utf8')) as Doc;
    expect(fifty.parties.slice(0, 10)).toEqual(ten.parties);

    const dirTen = await generateDir(42, 10);
    const dirFifty = await generateDir(42, 50);
    const files = readdirSync(dirTen).sort();
    expect(files).toHaveLength(10);
    expect(readdirSync(dirFifty)).toHaveLength(50);
    for (const f of files) expect(readFileSync(join(dirFifty, f)).equals(readFileSync(join(dirTen, f)))).toBe(true);
  });

  it('splits a run into chunk files with stable names, holding the same parties in the same order', async () => {
    const dir = await generateDir(42, 25, 10);
    expect(readdirSync(dir).sort()).toEqual(['generert-seed42-parter-01-10.json', 'generert-seed42-parter-11-20.json', 'generert-seed42-parter-21-25.json']);
    const all = readdirSync(dir)
      .sort()
      .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as Doc).parties);
    const single = JSON.parse((await generateFile(42, 25)).toString('utf8')) as Doc;
    expect(all).toEqual(single.parties);
  });
});
