// What response validation costs per response, timed in this process with kravmock's own validator
// (the one `--validate report` runs on every answer) on the bodies the load runs received. Unlike the
// HTTP comparison of `--validate report` and `--validate off`, this does not depend on how busy the
// machine is beyond the CPU's speed: it is a median of many calls.
import { createContract } from '../../server/contract.js';
import { createResponseValidator } from '../../server/http/traffic-validation.js';

export interface ValidationTiming {
  label: string;
  bytes: number;
  /** Median milliseconds per validation. */
  validateMs: number;
  /** Median milliseconds per JSON.stringify of the same body, for scale. */
  stringifyMs: number;
}

function perCall(fn: () => unknown, budgetMs = 300): number {
  for (let i = 0; i < 20; i += 1) fn();
  const t = performance.now();
  let n = 0;
  while (performance.now() - t < 20 || n < 5) {
    fn();
    n += 1;
  }
  const batch = Math.max(1, Math.round((n * 10) / (performance.now() - t))); // about 10 ms a batch
  const samples: number[] = [];
  const until = performance.now() + budgetMs;
  while (performance.now() < until || samples.length < 5) {
    const s = performance.now();
    for (let i = 0; i < batch; i += 1) fn();
    samples.push((performance.now() - s) / batch);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

export function timeValidation(bodies: readonly { label: string; operationId: string; bytes: Buffer }[]): ValidationTiming[] {
  const validator = createResponseValidator(createContract());
  return bodies.map(({ label, operationId, bytes }) => {
    const body: unknown = JSON.parse(bytes.toString('utf8'));
    const violations = validator.violations(operationId, 200, body);
    if (violations.length > 0) throw new Error(`${label}: the answer breaks the contract: ${JSON.stringify(violations.slice(0, 3))}`);
    return {
      label,
      bytes: bytes.length,
      validateMs: perCall(() => validator.violations(operationId, 200, body)),
      stringifyMs: perCall(() => JSON.stringify(body)),
    };
  });
}
