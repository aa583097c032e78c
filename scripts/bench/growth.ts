// Parties of a chosen size for the growth measurement, made with the repository's generator
// (`kravmock generate`). It writes realistic parties of about twenty claims each, so a large party is
// built from them: a block of generated AS ledgers (merged into one party, under the first one's
// number) of about the smallest size, repeated as often as each size needs. Every size is then the
// same mix of claims, payments, open claims and payouts, k times over: the answer grows exactly with
// the party, and what is measured is how kravmock scales, not which parties happened to be drawn.
//
// Only parties that stand alone when merged are used: no owner (tilknyttedeParter: the owner's own
// claims), not skjermet, and no setOffInLegalOrder (in a merged ledger it would reach the other
// parties' debts). The generator makes claim, instalment, payment and payout ids unique within a party
// only, so every id (and every reference to one) gets a suffix naming the copy and the party
// ("415795387" → "415795387.0.12"). KIDs carry the organisation number, so they are unique across
// parties; a copy's KIDs get the copy number in front and a new MOD10 check digit, so a payment is
// placed on its own copy's claims only. Events are merged in date order (a stable sort, so events of
// one party on the same day keep their order).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface GeneratedEvent {
  type: string;
  date: string;
  [key: string]: unknown;
}

interface GeneratedParty {
  partIdentifikator: string;
  navn: string;
  events: GeneratedEvent[];
  [key: string]: unknown;
}

interface GeneratedScenario {
  name: string;
  description: string;
  clock: string;
  parties: GeneratedParty[];
}

export interface GrowthParty {
  /** Claims (claimRaised events) in the party. */
  claims: number;
  /** Generated parties in one block. */
  merged: number;
  /** Copies of the block. */
  copies: number;
  partIdentifikator: string;
  file: string;
}

/** The digits followed by their MOD10 (Luhn) check digit. */
export function withMod10(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return `${digits}${(10 - (sum % 10)) % 10}`;
}

/**
 * A copy of an event: every `…identifikator` except partIdentifikator gets `suffix`, and for copies
 * after the first every KID becomes copy number + KID + a new check digit; in the objects and lists
 * inside it too.
 */
function copyEvent<T>(value: T, suffix: string, copy: number): T {
  if (Array.isArray(value)) return value.map((v: unknown) => copyEvent(v, suffix, copy)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' && /identifikator$/i.test(k) && k !== 'partIdentifikator') out[k] = `${v}${suffix}`;
    else if (typeof v === 'string' && k === 'kidnummer' && copy > 0) out[k] = withMod10(`${copy}${v}`);
    else out[k] = copyEvent(v, suffix, copy);
  }
  return out as T;
}

const claimsOf = (p: GeneratedParty): number => p.events.filter((e) => e.type === 'claimRaised').length;

const standsAlone = (p: GeneratedParty): boolean =>
  Object.keys(p).every((k) => k === 'partIdentifikator' || k === 'navn' || k === 'events') &&
  !p.events.some((e) => e.type === 'setOffInLegalOrder');

/**
 * Generates parties with `kravmock generate` into `dir` and writes one scenario file per size, each
 * with one party: the block (whole generated parties until it has the smallest size's claims) repeated
 * round(size / block) times.
 */
export function makeGrowthParties(opts: { cli: string; dir: string; clock: string; seed: number; sizes: readonly number[] }): GrowthParty[] {
  const smallest = Math.min(...opts.sizes);
  // About 23 claims per stand-alone party and about half the parties stand alone: 8 claims per party generated is safe.
  const generate = Math.ceil(smallest / 8) + 10;
  const out = join(opts.dir, 'generated');
  const run = spawnSync(
    process.execPath,
    [opts.cli, 'generate', '--parties', String(generate), '--out', `${out}/`, '--per-file', String(generate), '--clock', opts.clock, '--seed', String(opts.seed)],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`kravmock generate failed (${run.status}):\n${run.stderr}${run.stdout}`);
  const files = readdirSync(out).filter((f) => f.endsWith('.json'));
  const pool = files.flatMap((f) => (JSON.parse(readFileSync(join(out, f), 'utf8')) as GeneratedScenario).parties).filter(standsAlone);
  const block: GeneratedParty[] = [];
  let blockClaims = 0;
  for (const p of pool) {
    if (blockClaims >= smallest) break;
    block.push(p);
    blockClaims += claimsOf(p);
  }
  if (blockClaims < smallest) throw new Error(`the generator's ${generate} parties have only ${blockClaims} claims in stand-alone parties, fewer than ${smallest}`);
  const first = block[0]!;

  return [...opts.sizes]
    .sort((a, b) => a - b)
    .map((size) => {
      const copies = Math.max(1, Math.round(size / blockClaims));
      const events: GeneratedEvent[] = [];
      for (let c = 0; c < copies; c += 1) {
        block.forEach((p, i) => {
          for (const e of p.events) events.push(copyEvent(e, `.${c}.${i}`, c));
        });
      }
      // Array.prototype.sort is stable: same-day events keep their order (copy by copy, party by party).
      events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const claims = blockClaims * copies;
      const scenario: GeneratedScenario = {
        name: `bench-vekst-${size}`,
        description: `Benchmark: ${block.length} generated AS ledgers (seed ${opts.seed}, ${blockClaims} claims) merged into one party, ${copies} times over: ${claims} claims.`,
        clock: opts.clock,
        parties: [{ partIdentifikator: first.partIdentifikator, navn: first.navn, events }],
      };
      const file = join(opts.dir, `vekst-${size}.json`);
      writeFileSync(file, JSON.stringify(scenario));
      return { claims, merged: block.length, copies, partIdentifikator: first.partIdentifikator, file };
    });
}
