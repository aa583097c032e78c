// `kravmock generate` as the CLI calls it: usage errors, a file, a directory, the summary line.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGenerate } from '../../server/generator/generate-command.js';

const root = mkdtempSync(join(tmpdir(), 'kravmock-generate-command-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runGenerate(argv, { out: (l) => out.push(l), err: (l) => err.push(l), isTTY: false });
  return { code, out, err };
}

describe('kravmock generate', () => {
  it.each([
    [['--out', 'x.json'], 'kravmock: --parties is required: how many parties to generate, 1 to 100000'],
    [['--parties', '10'], 'kravmock: --out is required: a .json, .yaml or .yml file, or a directory (existing, or ending in /)'],
    [['--parties', 'ten', '--out', 'x.json'], "kravmock: --parties must be a whole number from 1 to 100000, got 'ten'"],
    [['--parties', '0', '--out', 'x.json'], "kravmock: --parties must be a whole number from 1 to 100000, got '0'"],
    [['--parties', '100001', '--out', 'x.json'], "kravmock: --parties must be a whole number from 1 to 100000, got '100001'"],
    [['--parties', '5', '--out', 'x.json', '--seed', '-1'], "kravmock: --seed must be a whole number from 0 to 4294967295, got '-1'"],
    [['--parties', '5', '--out', 'x.json', '--seed', '1.5'], "kravmock: --seed must be a whole number from 0 to 4294967295, got '1.5'"],
    [['--parties', '5', '--out', 'x.json', '--clock', '2025-02-30'], "kravmock: --clock must be a calendar date YYYY-MM-DD, got '2025-02-30'"],
    [['--parties', '5', '--out', 'x/', '--format', 'xml'], "kravmock: --format must be json or yaml, got 'xml'"],
    [['--parties', '5', '--out', 'x.txt'], "kravmock: --out must be a .json, .yaml or .yml file, or a directory (existing, or ending in /), got 'x.txt'"],
    [['--parties', '5', '--out', 'x.json', '--format', 'yaml'], "kravmock: --format yaml does not match --out 'x.json': name the file .yaml or leave out --format"],
    [['--parties', '5', '--out', 'x.json', '--per-file', '2'], "kravmock: --per-file needs --out to be a directory (existing, or ending in /), got 'x.json'"],
    [['--parties', '5', '--out', 'x/', '--per-file', '0'], "kravmock: --per-file must be a whole number from 1 to 100000, got '0'"],
    [['--parties', '5', '--out', 'x.json', '--verbose'], "kravmock: unknown option '--verbose': expected one of --parties, --out, --seed, --clock, --format, --per-file, --help"],
    [['--parties', '--out', 'x.json'], 'kravmock: --parties needs a value'],
    [['--parties', '5', '--out', 'x.json', 'extra'], "kravmock: unexpected argument 'extra': generate takes only options (--parties, --out, --seed, --clock, --format, --per-file, --help)"],
  ])('refuses %j with exit code 2', async (argv, message) => {
    const r = await run(...argv);
    expect(r).toEqual({ code: 2, out: [], err: [message] });
  });

  it('prints its usage with --help', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^Usage: kravmock generate --parties <n> --out <file\|dir>/);
  });

  it('writes one scenario file with every party and prints a summary', async () => {
    const out = join(root, 'nested', 'all.json');
    const r = await run('--seed', '42', '--parties', '12', '--out', out, '--clock', '2026-11-26');
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]); // no progress bar when stderr is not a terminal
    expect(r.out).toHaveLength(1);
    expect(r.out[0]).toMatch(new RegExp(`^wrote 12 parties \\(\\d{1,3}(,\\d{3})* claims\\) to ${out.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} in \\d+\\.\\d s$`));
    const doc = JSON.parse(readFileSync(out, 'utf8')) as { name: string; clock: string; parties: unknown[] };
    expect(doc.name).toBe('generert-seed42-12-parter');
    expect(doc.clock).toBe('2026-11-26');
    expect(doc.parties).toHaveLength(12);
    const claims = Number(/\((\S+) claims\)/.exec(r.out[0]!)![1]!.replace(/,/g, ''));
    expect(claims).toBe(readFileSync(out, 'utf8').split('"type":"claimRaised"').length - 1);
  });

  it('writes YAML when the file says so', async () => {
    const out = join(root, 'all.yaml');
    const r = await run('--parties', '2', '--out', out, '--clock', '2026-11-26');
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^name: generert-seed1-2-parter\n/);
  });

  it('writes one file per party into a directory, or chunks with --per-file', async () => {
    const dir = join(root, 'dir') + '/';
    const r = await run('--parties', '3', '--out', dir, '--clock', '2026-11-26');
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^wrote 3 parties \(.* claims\) to .*dir\/ in /);
    const files = readdirSync(dir);
    expect(files).toHaveLength(3);
    for (const f of files) {
      expect(f).toMatch(/^[23]\d{8}\.json$/);
      const doc = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { name: string; parties: { partIdentifikator: string }[] };
      expect(doc.name).toBe(`generert-seed1-${f.slice(0, 9)}`);
      expect(doc.parties[0]!.partIdentifikator).toBe(f.slice(0, 9));
    }
    const chunks = join(root, 'chunks');
    expect((await run('--parties', '5', '--out', `${chunks}/`, '--per-file', '2', '--format', 'yaml', '--clock', '2026-11-26')).code).toBe(0);
    expect(readdirSync(chunks).sort()).toEqual(['generert-seed1-parter-1-2.yaml', 'generert-seed1-parter-3-4.yaml', 'generert-seed1-parter-5-5.yaml']);
    // an existing directory needs no trailing slash
    expect((await run('--parties', '1', '--out', chunks, '--clock', '2026-11-26')).code).toBe(0);
    expect(existsSync(chunks)).toBe(true);
    expect(readdirSync(chunks)).toHaveLength(4);
  });
});
