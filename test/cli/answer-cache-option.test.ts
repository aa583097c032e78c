// `kravmock serve --answer-cache <MiB>` / KRAVMOCK_ANSWER_CACHE: flag, then variable, then 64 MiB;
// bad values are refused naming the option, the value and what is expected.
import { describe, expect, it } from 'vitest';
import { readServeConfig } from '../../server/cli/serve-command.js';

describe('--answer-cache', () => {
  it('defaults to 64 MiB', () => {
    expect(readServeConfig([], {}).answerCacheMib).toBe(64);
  });

  it('takes the flag before the variable', () => {
    expect(readServeConfig([], { KRAVMOCK_ANSWER_CACHE: '8' }).answerCacheMib).toBe(8);
    expect(readServeConfig(['--answer-cache', '0'], { KRAVMOCK_ANSWER_CACHE: '8' }).answerCacheMib).toBe(0);
    expect(readServeConfig(['--answer-cache=4096'], {}).answerCacheMib).toBe(4096);
  });

  it.each([['-1'], ['4097'], ['1.5'], ['lots'], ['']])('refuses %j', (value) => {
    expect(() => readServeConfig([`--answer-cache=${value}`], {})).toThrow(
      `--answer-cache must be a whole number of MiB from 0 (no cache) to 4096, got '${value}'`,
    );
  });

  it('refuses a bad variable the same way', () => {
    expect(() => readServeConfig([], { KRAVMOCK_ANSWER_CACHE: '1e3' })).toThrow("--answer-cache must be a whole number of MiB from 0 (no cache) to 4096, got '1e3'");
  });
});
