// Scenarios at run time: load one from the request body or files from the server's disk, delete one,
// put one scenario's parties back as loaded, or reset the whole scope. Loading goes through the same
// loader as `kravmock serve` and `kravmock validate`, so a rejected scenario gets the same messages
// (`<body>:line:col path: message`) and nothing changes. A loaded or deleted scenario changes the
// scope's baseline too, so a reset keeps what was loaded.
import { Router, type Request } from 'express';
import type { Runtime } from '../app.js';
import { factsOf } from '../http/request-context.js';
import type { Scope } from '../runtime/sessions.js';
import { clockFor, findScenario, withoutScenario, withScenarioReset, withScenarios, WorldConflictError, type World } from '../runtime/world.js';
import { loadScenarioFiles, loadScenarioText } from '../scenarios/load.js';
import type { ScenarioFormat } from '../scenarios/parse.js';
import { formatPath } from '../scenarios/path.js';
import { crossScenarioProblems, type ScenarioIdentity } from '../scenarios/semantic.js';
import { formatProblem, ScenarioLoadError, type LoadedScenario, type LoadOptions, type ScenarioProblem } from '../scenarios/types.js';
import { AdminError, type AdminProblem } from './admin-error.js';
import { hasBody, JSON_TYPES, jsonBody, objectBody, own, textBody, unknownKeys, YAML_TYPES } from './body.js';
import { clockState } from './clock-routes.js';
import { scenarioSummary } from './scenario-summary.js';

/** Label of a scenario sent in a request body, in problems and as its `source`. */
export const BODY_SOURCE = '<body>';
const SCENARIO_LIMIT = '5mb';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function toAdminProblems(problems: readonly ScenarioProblem[]): AdminProblem[] {
  return problems.map((p) => ({ path: p.path, message: p.message, file: p.file, line: p.line, col: p.col }));
}

function rejected(error: ScenarioLoadError): AdminError {
  const first = error.problems[0];
  const more = error.problems.length > 1 ? ` (and ${plural(error.problems.length - 1, 'more problem')}, see problems)` : '';
  return new AdminError(
    400,
    'invalid-scenario',
    `the scenario was rejected, nothing was loaded: ${first ? formatProblem(first) : 'no scenario in the body'}${more}`,
    toAdminProblems(error.problems),
  );
}

function namesOf(scenarios: readonly LoadedScenario[]): string {
  const names = scenarios.map((s) => `'${s.name}'`);
  if (names.length === 0) return 'none';
  return names.length <= 20 ? names.join(', ') : `${names.slice(0, 20).join(', ')} and ${names.length - 20} more`;
}

function unknownScenario(world: World, name: string): AdminError {
  return new AdminError(404, 'unknown-scenario', `no scenario '${name}' is loaded in this scope; loaded: ${namesOf(world.scenarios)}`);
}

const identity = (s: LoadedScenario): ScenarioIdentity => ({ source: s.source, name: s.name, parties: s.parties });

/** The load options for the scope: relative dates resolve against the date its parties are answered at. */
function loadOptions(world: World, serverToday: () => string): LoadOptions {
  const today = clockFor(world, undefined, serverToday);
  return world.clock.fixed !== undefined ? { defaultClock: today, fixedClock: today } : { defaultClock: today };
}

/**
 * Adds loaded scenarios to the scope's world and baseline. A clash with a scenario already there (a
 * name, without `replace`, or a party) is 409 with the loader's positioned problems, which `reload`
 * gives when run against the scenarios kept.
 */
function install(scope: Scope, added: readonly LoadedScenario[], replace: boolean, reload: (existing: readonly LoadedScenario[]) => unknown): void {
  const kept = replace ? scope.world.scenarios.filter((s) => !added.some((a) => a.name === s.name)) : scope.world.scenarios;
  const clashes = crossScenarioProblems(added.map(identity), kept.map(identity)).flat();
  if (clashes.length > 0) {
    let problems: AdminProblem[] = clashes.map((p) => ({ path: formatPath(p.path), message: p.message }));
    try {
      reload(kept);
    } catch (error) {
      if (!(error instanceof ScenarioLoadError)) throw error;
      problems = toAdminProblems(error.problems);
    }
    const byName = !replace && added.some((a) => kept.some((s) => s.name === a.name));
    throw new AdminError(
      409,
      'scenario-clash',
      `the scenario clashes with what is loaded, nothing was loaded: ${problems.map((p) => p.message).join('; ')}${byName ? '; send ?replace=true to replace the scenario of that name' : ''}`,
      problems,
    );
  }
  let world: World;
  let baseline: World;
  try {
    world = withScenarios(scope.world, added, { replace });
    baseline = withScenarios(scope.baseline, added, { replace });
  } catch (error) {
    if (error instanceof WorldConflictError) throw new AdminError(409, 'scenario-clash', `the scenario clashes with what is loaded, nothing was loaded: ${error.message}`);
    throw error;
  }
  scope.world = world;
  scope.baseline = baseline;
}

function replaceQuery(req: Request): boolean {
  const value = req.query.replace;
  if (value === undefined || value === 'false') return false;
  if (value === 'true' || value === '') return true;
  throw new AdminError(400, 'invalid-request', `replace=${JSON.stringify(value)}: expected replace=true or replace=false`);
}

function bodyFormat(req: Request): ScenarioFormat {
  if (req.is(JSON_TYPES)) return 'json';
  if (req.is(YAML_TYPES)) return 'yaml';
  if (!hasBody(req)) {
    throw new AdminError(400, 'invalid-scenario', 'the request has no body: expected a scenario document as in a scenario file, JSON (Content-Type: application/json) or YAML (Content-Type: application/yaml)');
  }
  throw new AdminError(
    415,
    'unsupported-media-type',
    `the request body is ${req.get('Content-Type') ?? 'without a Content-Type'}: expected a scenario document as application/json, or as YAML (${YAML_TYPES.join(', ')})`,
  );
}

const FILES_EXAMPLE = '{"paths": ["scenarios/x.yaml", "more/"], "replace": false}';

function filesRequest(req: Request): { paths: string[]; replace: boolean } {
  const body = objectBody(req, 'invalid-body', FILES_EXAMPLE);
  const problems = unknownKeys(body, ['paths', 'replace']);
  const paths = own(body, 'paths');
  const replace = own(body, 'replace');
  if (paths === undefined) problems.push({ path: 'paths', message: "missing required property 'paths': expected a list of files and folders" });
  else if (!Array.isArray(paths) || paths.length === 0) problems.push({ path: 'paths', message: 'expected a non-empty list of files and folders on the server' });
  else {
    paths.forEach((p, i) => {
      if (typeof p !== 'string' || p === '') problems.push({ path: `paths[${i}]`, message: `expected a file or folder path (text) but got ${JSON.stringify(p)}` });
    });
  }
  if (replace !== undefined && typeof replace !== 'boolean') problems.push({ path: 'replace', message: `expected true or false but got ${JSON.stringify(replace)}` });
  if (problems.length > 0) {
    throw new AdminError(400, 'invalid-body', `${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}; expected ${FILES_EXAMPLE}`, problems);
  }
  return { paths: paths as string[], replace: replace === true };
}

export function scenarioRoutes(runtime: Runtime): Router {
  const { serverToday } = runtime;
  const router = Router();

  router.post('/__admin/scenarios', textBody(SCENARIO_LIMIT, [...JSON_TYPES, ...YAML_TYPES]), (req, res) => {
    const scope = factsOf(res).scope;
    const replace = replaceQuery(req);
    const format = bodyFormat(req);
    const text = typeof req.body === 'string' ? req.body : '';
    const options = loadOptions(scope.world, serverToday);
    let scenario: LoadedScenario;
    try {
      scenario = loadScenarioText(text, BODY_SOURCE, format, options);
    } catch (error) {
      if (error instanceof ScenarioLoadError) throw rejected(error);
      throw error;
    }
    install(scope, [scenario], replace, (existing) => loadScenarioText(text, BODY_SOURCE, format, { ...options, existing }));
    res.status(201).json(scenarioSummary(scope.world, scenario, serverToday));
  });

  router.post('/__admin/scenarios/files', jsonBody('64kb'), (req, res) => {
    const scope = factsOf(res).scope;
    const { paths, replace } = filesRequest(req);
    const options = loadOptions(scope.world, serverToday);
    let scenarios: LoadedScenario[];
    try {
      scenarios = loadScenarioFiles(paths, options);
    } catch (error) {
      if (error instanceof ScenarioLoadError) throw rejected(error);
      throw error;
    }
    install(scope, scenarios, replace, (existing) => loadScenarioFiles(paths, { ...options, existing }));
    res.status(201).json({ scenarios: scenarios.map((s) => scenarioSummary(scope.world, s, serverToday)) });
  });

  router.delete('/__admin/scenarios/:name', (req, res) => {
    const scope = factsOf(res).scope;
    const name = req.params.name as string;
    if (!findScenario(scope.world, name)) throw unknownScenario(scope.world, name);
    scope.world = withoutScenario(scope.world, name);
    scope.baseline = withoutScenario(scope.baseline, name);
    res.status(204).end();
  });

  router.post('/__admin/scenarios/:name/reset', (req, res) => {
    const scope = factsOf(res).scope;
    const name = req.params.name as string;
    const scenario = findScenario(scope.world, name);
    if (!scenario) throw unknownScenario(scope.world, name);
    scope.world = withScenarioReset(scope.world, name);
    res.json(scenarioSummary(scope.world, scenario, serverToday));
  });

  router.post('/__admin/reset', (_req, res) => {
    const scope = factsOf(res).scope;
    scope.world = scope.baseline;
    scope.faultCounters.clear();
    const world = scope.world;
    res.json({
      ...(scope.id !== undefined ? { session: scope.id } : {}),
      scenarios: world.scenarios.length,
      parties: world.scenarios.reduce((n, s) => n + s.parties.length, 0),
      faultRules: world.faults.length,
      clock: clockState(world, serverToday),
    });
  });

  return router;
}
