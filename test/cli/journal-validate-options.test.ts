// `kravmock serve --journal-size` and `--validate`: flag, then KRAVMOCK_* variable, then default;
// bad values are refused naming the option, the value and what is expected; the server gets them.
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { CommandIo } from '../../server/cli/io.js';
import { readServeConfig, runServe, type RunningServer } from '../../server/cli/serve-command.js';

describe('--journal-size and --validate', () => {
  it('default to a journal of 1000 entries and validate=report', () => {
    expect(readServeConfig([], {})).toMatchObject({ journalSize: 1000, validate: 'report' });
  });

  it('take flags before variables', () => {
    const env = { KRAVMOCK_JOURNAL_SIZE: '50', KRAVMOCK_VALIDATE: 'off' };
    expect(readServeConfig([], env)).toMatchObject({ journalSize: 50, validate: 'off' });
    expect(readServeConfig(['--journal-size', '0', '--validate', 'enforce'], env)).toMatchObject({ journalSize: 0, validate: 'enforce' });
  });

  it.each([
    [['--journal-size=-1'], "--journal-size must be a whole number from 0 (no journal) to 100000, got '-1'"],
    [['--journal-size', '100001'], "--journal-size must be a whole number from 0 (no journal) to 100000, got '100001'"],
    [['--journal-size', 'lots'], "--journal-size must be a whole number from 0 (no journal) to 100000, got 'lots'"],
    [['--validate', 'strict'], "--validate must be report, enforce or off, got 'strict'"],
  ])('refuses %j', (argv, message) => {
    expect(() => readServeConfig(argv, {})).toThrow(message);
  });

  it('refuses a bad variable the same way', () => {
    expect(() => readServeConfig([], { KRAVMOCK_VALIDATE: 'loud' })).toThrow("--validate must be report, enforce or off, got 'loud'");
  });

  it('serve passes them to the server', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    const io: CommandIo = { out: () => {}, err: () => {}, env: {}, isTTY: false };
    const running = (await runServe(['--port', '0', '--no-builtin', '--journal-size', '3', '--validate', 'enforce'], io, logger)) as RunningServer;
    try {
      for (const path of ['/a', '/b', '/c', '/d']) await fetch(`${running.url}${path}`);
      const page = (await (await fetch(`${running.url}/__admin/journal`)).json()) as { capacity: number; size: number; dropped: number };
      expect(page).toMatchObject({ capacity: 3, size: 3, dropped: 1 });
      expect(lines.find((l) => l.msg === 'kravmock listening')).toMatchObject({ validate: 'enforce', journalSize: 3 });
    } finally {
      await running.close();
    }
  });
});
