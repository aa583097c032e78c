// withoutNodeWarnings drops exactly the lines Node writes for a process warning (as a real node
// process prints them), and keeps everything else.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { withoutNodeWarnings } from './node-warnings.js';

describe('withoutNodeWarnings', () => {
  it('drops the deprecation warning and its hint line a real node process prints, and keeps the rest', () => {
    const script = "console.error('first line of our own'); process.emitWarning('old API', 'DeprecationWarning', 'DEP0999'); process.emitWarning('odd', 'ExperimentalWarning'); setTimeout(() => console.error('last line'), 10);";
    const { stderr, status } = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(status).toBe(0);
    expect(stderr).toMatch(/^\(node:\d+\) \[DEP0999\] DeprecationWarning: old API$/m);
    expect(stderr).toMatch(/^\(node:\d+\) ExperimentalWarning: odd$/m);
    expect(stderr).toContain('(Use `node --trace-');
    expect(withoutNodeWarnings(stderr).trim().split('\n')).toEqual(['first line of our own', 'last line']);
  });

  it('keeps lines that only look alike', () => {
    const text = 'Verification failed: (node:1) [DEP0060] DeprecationWarning: quoted\n(node) something else\n';
    expect(withoutNodeWarnings(text)).toBe(text);
  });
});
