// What the mock learns about a request on its way through (kept in res.locals): the scope it works
// in, what it asked for, the access decision, any fault applied and any contract violations. The
// journal records it when the response is done.
import type { Response } from 'express';
import type { AccessMode } from '../access/options.js';
import type { ContractViolation } from '../contract.js';
import type { Scope } from '../runtime/sessions.js';
import type { Resource } from './request-validation.js';

export interface AccessDecision {
  mode: AccessMode;
  /** `not-checked`: access mode off; `without-token`: permissive mode served a call that had none. */
  outcome: 'not-checked' | 'granted' | 'without-token' | 'refused';
  /** The consumer organisation the token speaks for. */
  consumer?: string;
  /** Why access was refused, or what was noted. */
  reason?: string;
}

export interface RequestFacts {
  scope: Scope;
  endpoint?: Resource;
  rettighetspakke?: string;
  partIdentifikator?: string;
  access?: AccessDecision;
  /** The fault or preference that shaped the answer, e.g. `Prefer: code=500` or `fault rule r1: reset`. */
  fault?: string;
  /** Where the response broke the contract (response validation). */
  violations?: ContractViolation[];
}

const KEY = 'kravmock';

export function setFacts(res: Response, facts: RequestFacts): void {
  res.locals[KEY] = facts;
}

/** The facts of a request that passed the scope middleware. */
export function factsOf(res: Response): RequestFacts {
  const facts = res.locals[KEY] as RequestFacts | undefined;
  if (!facts) throw new Error('request facts read before the scope middleware ran');
  return facts;
}
