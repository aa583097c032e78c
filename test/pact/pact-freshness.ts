// Is a committed pact file what the consumer tests produce today? Compares two pact documents and
// describes every difference by interaction description and JSON path. Only the versions of the Pact
// libraries that wrote the file are ignored: everything else in a pact is made deterministic
// (fixed clock, fixed example tokens, fixed example korrelasjonsid), so any other difference means stale.

type Json = unknown;
type Pact = Record<string, Json> & { interactions?: Record<string, Json>[]; metadata?: Record<string, Json> };

/** The metadata entries that name library versions (`pact-js`, `pactRust`); they change with an npm update, not with the contract. */
export const VERSION_METADATA = ['pact-js', 'pactRust'] as const;

function normalise(pact: Pact): Pact {
  const metadata = { ...(pact.metadata ?? {}) };
  for (const key of VERSION_METADATA) delete metadata[key];
  return { ...pact, metadata };
}

const show = (value: Json): string => {
  const text = JSON.stringify(value);
  return text === undefined ? 'nothing' : text.length > 120 ? `${text.slice(0, 117)}...` : text;
};

/** The first paths (up to `limit`) where two JSON values differ. */
export function jsonDifferences(a: Json, b: Json, path = '$', limit = 5): string[] {
  const out: string[] = [];
  const walk = (x: Json, y: Json, at: string): void => {
    if (out.length >= limit) return;
    if (Array.isArray(x) && Array.isArray(y)) {
      for (let i = 0; i < Math.max(x.length, y.length); i++) walk(x[i], y[i], `${at}[${i}]`);
      return;
    }
    if (x && y && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x) && !Array.isArray(y)) {
      const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])];
      for (const key of keys) walk((x as Record<string, Json>)[key], (y as Record<string, Json>)[key], `${at}.${key}`);
      return;
    }
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push(`${at}: committed ${show(x)}, generated ${show(y)}`);
  };
  walk(a, b, path);
  return out;
}

/**
 * Every way `generated` differs from `committed`, as readable lines (empty when the committed pact
 * is fresh): interactions added, removed or changed (by description, with the paths that differ),
 * a changed order, and differences outside the interactions.
 */
export function describePactDrift(committed: Pact, generated: Pact): string[] {
  const a = normalise(committed);
  const b = normalise(generated);
  const drift: string[] = [];
  const byDescription = (p: Pact) => new Map((p.interactions ?? []).map((i) => [String(i.description), i]));
  const old = byDescription(a);
  const fresh = byDescription(b);
  for (const [description, interaction] of fresh) {
    const before = old.get(description);
    if (!before) drift.push(`interaction '${description}' is new: the committed pact does not have it`);
    else drift.push(...jsonDifferences(before, interaction, '$').map((d) => `interaction '${description}' changed at ${d}`));
  }
  for (const description of old.keys()) {
    if (!fresh.has(description)) drift.push(`interaction '${description}' is in the committed pact but no consumer test produces it any more`);
  }
  const order = (p: Pact, other: Map<string, Json>) => (p.interactions ?? []).map((i) => String(i.description)).filter((d) => other.has(d));
  if (drift.length === 0 && order(a, fresh).join('\n') !== order(b, old).join('\n')) drift.push('the interactions are in a different order');
  const { interactions: _a, ...restA } = a;
  const { interactions: _b, ...restB } = b;
  drift.push(...jsonDifferences(restA, restB));
  return drift;
}
