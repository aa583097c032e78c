// `--fault-seed` / KRAVMOCK_FAULT_SEED: read like every serve option (flag, then variable, then a
// random default), logged at start, and the seed GET /__admin/faults reports.
import { pino } from 'pino';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { readServeConfig, runServe, type RunningServer } from '../../server/cli/serve-command.js';
import { UsageError } from '../../server/cli/io.js';
import { validateResponse } from '../helpers/contract-response.js';

describe('--fault-seed', () => {
  it('comes from the flag, else KRAVMOCK_FAULT_SEED, else is left to a random choice at start', () => {
    expect(readServeConfig(['--fault-seed', '42'], {}).faultSeed).toBe(42);
    expect(readServeConfig([], { KRAVMOCK_FAULT_SEED: '7' }).faultSeed).toBe(7);
    expect(readServeConfig(['--fault-seed', '0'], { KRAVMOCK_FAULT_SEED: '7' }).faultSeed).toBe(0);
    expect(readServeConfig(['--fault-seed', '4294967295'], {}).faultSeed).toBe(4294967295);
    expect(readServeConfig([], {}).faultSeed).toBeUndefined();
  });

  it.each(['-1', '4294967296', '1.5', 'abc', '', '99999999999'])("refuses '%s' naming the option and the range", (value) => {
    expect(() => readServeConfig([`--fault-seed=${value}`], {})).toThrow(new UsageError(`--fault-seed must be a whole number from 0 to 4294967295, got '${value}'`));
  });

  it('refuses a bad KRAVMOCK_FAULT_SEED the same way', () => {
    expect(() => readServeConfig([], { KRAVMOCK_FAULT_SEED: 'seed' })).toThrow("--fault-seed must be a whole number from 0 to 4294967295, got 'seed'");
  });

  it('is logged at start and reported by GET /__admin/faults; a random one when none is given', async () => {
    for (const [argv, expected] of [[['--fault-seed', '12345'], 12345], [[], undefined]] as const) {
      const lines: Record<string, unknown>[] = [];
      const logger = pino({}, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
      const io = { out: () => {}, err: () => {}, env: {}, isTTY: false };
      const running = (await runServe(['--port', '0', '--no-builtin', '--clock', '2026-11-26', ...argv], io, logger)) as RunningServer;
      try {
        const listening = lines.find((l) => l.msg === 'kravmock listening')!;
        const seed = listening.faultSeed as number;
        if (expected !== undefined) expect(seed).toBe(expected);
        expect(Number.isInteger(seed) && seed >= 0 && seed <= 4294967295).toBe(true);
        const res = validateResponse('/__admin/faults', await supertest(running.url).get('/__admin/faults'));
        expect(res.body).toEqual({ serverSeed: seed, rules: [] });
      } finally {
        await running.close();
      }
    }
  });
});
