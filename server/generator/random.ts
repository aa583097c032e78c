// Seeded randomness for the generator. One Faker instance per run (never faker's global instance),
// nb_NO with English and the base locale as fallbacks. Before each party it is re-seeded with a seed
// derived from (run seed, party index), so party i comes out the same whatever the number of parties
// and whatever was generated before it.
import { Faker, base, en, nb_NO } from '@faker-js/faker';
import { hash32 } from '../../fixtures/builtin/identifiers.js';

/** A new Faker for one run: Norwegian (bokmål) data, English/base where nb_NO has none. */
export function createRunFaker(): Faker {
  return new Faker({ locale: [nb_NO, en, base] });
}

/** The 32-bit seed of party `index` (0-based) of a run with `seed`. */
export function partySeed(seed: number, index: number): number {
  return hash32(`kravmock-generate/${seed}/${index}`);
}

/** A stable 32-bit number for `key` in a run: for choices that must not depend on the Faker stream. */
export function runHash(seed: number, key: string): number {
  return hash32(`kravmock-generate/${seed}/${key}`);
}

/** The handful of draws the generator needs, on top of a seeded Faker. */
export class Rng {
  constructor(readonly faker: Faker) {}

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }

  /** A number in [min, max). */
  float(min: number, max: number): number {
    return min + this.faker.number.float() * (max - min);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.faker.number.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return this.faker.helpers.arrayElement(items);
  }

  /** One of `choices`, each `[value, weight]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    return this.faker.helpers.weightedArrayElement(choices.map(([value, weight]) => ({ value, weight })));
  }

  /** Log-uniform in [min, max]: small values as likely per decade as large ones (sizes of firms). */
  logUniform(min: number, max: number): number {
    return Math.exp(this.float(Math.log(min), Math.log(max)));
  }
}

/** `value` rounded to whole kroner and then to a multiple of `step` (at least `step`). */
export function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}
