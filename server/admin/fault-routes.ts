// Fault profiles under /__admin/faults: add, list, read and remove the fault rules of the caller's
// scope (the shared state, or the session of X-Kravmock-Session). A change is a new World with the
// rules replaced; a rejected one leaves the scope as it was. Counters (how many requests a rule
// matched: its position in its random stream) live in the scope and go with the rule.
import { Router, type Response } from 'express';
import type { Runtime } from '../app.js';
import { firedCount } from '../faults/decide.js';
import { parseFaultRule, ruleJson } from '../faults/rule-input.js';
import type { FaultRule } from '../faults/types.js';
import { factsOf } from '../http/request-context.js';
import type { Scope } from '../runtime/sessions.js';
import { withFaults } from '../runtime/world.js';
import { AdminError, adminErrorHandler } from './admin-error.js';
import { jsonBody } from './body.js';

function scopeName(scope: Scope): string {
  return scope.id === undefined ? 'the shared scope' : `session '${scope.id}'`;
}

function ruleState(scope: Scope, rule: FaultRule) {
  const matched = scope.faultCounters.get(rule.id) ?? 0;
  return { ...ruleJson(rule), matched, fired: firedCount(rule, matched) };
}

function scopeOf(res: Response): Scope {
  return factsOf(res).scope;
}

function findRule(scope: Scope, id: string): FaultRule {
  const rule = scope.world.faults.find((r) => r.id === id);
  if (!rule) throw new AdminError(404, 'unknown-fault-rule', `${scopeName(scope)} has no fault rule '${id}'; GET /__admin/faults lists its rules`);
  return rule;
}

export function faultRoutes(runtime: Runtime): Router {
  const router = Router();

  router.get('/__admin/faults', (_req, res) => {
    const scope = scopeOf(res);
    res.json({ serverSeed: runtime.faultSeed, rules: scope.world.faults.map((rule) => ruleState(scope, rule)) });
  });

  router.post('/__admin/faults', jsonBody('64kb'), (req, res) => {
    const scope = scopeOf(res);
    if (req.body === undefined) {
      throw new AdminError(400, 'invalid-fault-rule', `the body must be a fault rule as JSON with Content-Type: application/json, got Content-Type '${req.get('content-type') ?? 'none'}'`);
    }
    const rule = parseFaultRule(req.body, scope.world.faults, runtime.faultSeed, scopeName(scope));
    scope.world = withFaults(scope.world, [...scope.world.faults, rule]);
    scope.faultCounters.delete(rule.id);
    res.status(201).location(`/__admin/faults/${encodeURIComponent(rule.id)}`).json(ruleJson(rule));
  });

  router.delete('/__admin/faults', (_req, res) => {
    const scope = scopeOf(res);
    scope.world = withFaults(scope.world, []);
    scope.faultCounters.clear();
    res.status(204).end();
  });

  router.get('/__admin/faults/:id', (req, res) => {
    const scope = scopeOf(res);
    res.json(ruleState(scope, findRule(scope, req.params.id)));
  });

  router.delete('/__admin/faults/:id', (req, res) => {
    const scope = scopeOf(res);
    const rule = findRule(scope, req.params.id);
    scope.world = withFaults(scope.world, scope.world.faults.filter((r) => r !== rule));
    scope.faultCounters.delete(rule.id);
    res.status(204).end();
  });

  // Malformed JSON and oversized bodies as admin errors (400 invalid-json, 413), not API errors.
  router.use(adminErrorHandler(runtime.logger));
  return router;
}
