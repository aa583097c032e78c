// `kravmock validate <file|dir>...`: output lines and exit codes.
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runValidate } from '../../server/scenarios/validate-command.js';

const FIXTURES = relative(process.cwd(), join(import.meta.dirname, 'fixtures'));
const fixture = (...parts: string[]): string => join(FIXTURES, ...parts);

function run(args: string[], options = { defaultClock: '2025-06-01' }): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runValidate(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, options);
  return { code, out, err };
}

describe('kravmock validate', () => {
  it('exits 0 and says ok per file when every file is valid', () => {
    expect(run([fixture('good')])).toEqual({
      code: 0,
      out: [
        `ok ${fixture('good', 'a-first.yaml')}: fixture-a (1 party)`,
        `ok ${fixture('good', 'b-second.json')}: fixture-b (1 party)`,
        '2 files checked, 0 rejected, 0 problems',
      ],
      err: [],
    });
  });

  it('exits 1 and prints every problem, a missing path included, then a summary', () => {
    const { code, out, err } = run([fixture('good'), fixture('dup-party'), fixture('mixed', 'g-three-problems.yaml'), fixture('gone.yaml')]);
    expect(code).toBe(1);
    expect(out).toEqual([
      `ok ${fixture('good', 'a-first.yaml')}: fixture-a (1 party)`,
      `ok ${fixture('good', 'b-second.json')}: fixture-b (1 party)`,
      '4 files checked, 2 rejected, 6 problems',
    ]);
    expect(err).toEqual([
      `${fixture('dup-party', 'c-same-party.yaml')}:7:24 parties[1].partIdentifikator: party '310000000' is already in parties[0] of scenario 'fixture-a' (${fixture('good', 'a-first.yaml')}): a party has one ledger, in one scenario`,
      `${fixture('mixed', 'g-three-problems.yaml')}:8:15 parties[0].events[0].date: '2025-02-30' is not a calendar date: 2025-02 has 28 days`,
      `${fixture('mixed', 'g-three-problems.yaml')}:12:24 parties[1].partIdentifikator: partIdentifikator '310000050' is not a valid organisasjonsnummer: the mod 11 check digit (weights 3 2 7 6 5 4 3 2) does not match`,
      `${fixture('mixed', 'g-three-problems.yaml')}:15:24 parties[2].partIdentifikator: party '310000051' is already in parties[0] of this scenario: a party has one ledger, in one scenario`,
      `${fixture('mixed', 'g-three-problems.yaml')}:16:11 parties[2].navn: must not be empty`,
      `${fixture('gone.yaml')}:1:1 (file): no such file or directory`,
    ]);
  });

  it('exits 2 with the usage when no path is given', () => {
    expect(run([])).toEqual({ code: 2, out: [], err: ['no scenario files given: usage: kravmock validate <file|dir>...'] });
  });

  it('exits 2 on an unknown option or a bad --clock', () => {
    const unknown = run(['--strict', fixture('good')]);
    expect(unknown.code).toBe(2);
    expect(unknown.err[0]).toBe("unknown option '--strict'");
    const clock = run(['--clock', '2025-02-30', fixture('good')]);
    expect(clock.code).toBe(2);
    expect(clock.err[0]).toBe("--clock must be a calendar date YYYY-MM-DD, got '2025-02-30'");
  });

  it('--clock fixes the clock relative dates resolve against', () => {
    // fixture-b's credit falls due 'today'; with a clock before its own, it still loads.
    expect(run(['--clock', '2020-01-01', fixture('good')]).code).toBe(0);
    expect(run([`--clock=2020-01-01`, fixture('good', 'b-second.json')]).out).toEqual([
      `ok ${fixture('good', 'b-second.json')}: fixture-b (1 party)`,
      '1 file checked, 0 rejected, 0 problems',
    ]);
  });

  it('--help prints the usage and exits 0', () => {
    const { code, out } = run(['--help']);
    expect(code).toBe(0);
    expect(out[0]!.split('\n')[0]).toBe('Usage: kravmock validate <file|dir>... [--clock <YYYY-MM-DD>]');
  });
});
