// The random numbers behind fault rules, as pure functions of (rule seed, n, k): draw k of the rule's
// n-th matching request. No state but the counter, so a scope that sees the same requests in the same
// order draws the same numbers — a failing CI run replays with the same seed.
import { randomInt } from 'node:crypto';
import { fmix32, hash32 } from '../../fixtures/builtin/identifiers.js';

const TWO_POW_32 = 2 ** 32;
export const MAX_SEED = TWO_POW_32 - 1;

/** A number in (0, 1): draw `k` of request `n` on the stream of `seed`. Never exactly 0 or 1. */
export function unitDraw(seed: number, n: number, k: number): number {
  // Two rounds of murmur3's finaliser over (seed, n, k), each folded in with a different odd constant.
  const request = fmix32((seed ^ Math.imul(n + 1, 0x9e3779b9)) >>> 0);
  const draw = fmix32((request ^ Math.imul(k + 1, 0x85ebca6b)) >>> 0);
  return (draw + 0.5) / TWO_POW_32;
}

/** A standard normal value from two uniform draws (Box-Muller). */
export function normalDraw(seed: number, n: number, k: number): number {
  const u1 = unitDraw(seed, n, k);
  const u2 = unitDraw(seed, n, k + 1);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** The seed of a rule that names none: fixed by the server's fault seed and the rule's id. */
export function ruleSeed(serverSeed: number, id: string): number {
  return hash32(`kravmock-fault/${serverSeed}/${id}`);
}

/** The server's fault seed: the one given (checked), else a random one. */
export function serverFaultSeed(given?: number): number {
  if (given === undefined) return randomInt(0, TWO_POW_32);
  if (!Number.isInteger(given) || given < 0 || given > MAX_SEED) throw new RangeError(`faultSeed must be a whole number from 0 to ${MAX_SEED}, got ${given}`);
  return given;
}
