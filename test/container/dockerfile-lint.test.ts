// The Dockerfile lint (scripts/container/lint-dockerfile.ts): the repository's Dockerfile passes
// every rule, each rule fails on a Dockerfile that breaks it (and only that rule), the image keeps
// what the README and `npm run test:container` promise, and .dockerignore lets in exactly what the
// Dockerfile copies, and the README's Docker commands and compose snippet agree with the Dockerfile.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { lintDockerfile, RULES, type RuleId } from '../../scripts/container/lint-dockerfile.js';
import { packageRoot } from '../../server/paths.js';

const dockerfile = readFileSync(join(packageRoot, 'Dockerfile'), 'utf8');
const dockerignore = readFileSync(join(packageRoot, '.dockerignore'), 'utf8');

/** The Dockerfile with `from` (which must occur) replaced by `to` at its first or last occurrence. */
function edit(from: string | RegExp, to: string, where: 'first' | 'last' = 'first'): string {
  if (typeof from !== 'string') {
    expect(dockerfile).toMatch(from);
    return dockerfile.replace(from, to);
  }
  const at = where === 'first' ? dockerfile.indexOf(from) : dockerfile.lastIndexOf(from);
  expect(at, `the Dockerfile has '${from}'`).toBeGreaterThanOrEqual(0);
  return dockerfile.slice(0, at) + to + dockerfile.slice(at + from.length);
}

/** The Dockerfile with `line` added after the last occurrence of `after` (in the final stage). */
const insertAfterLast = (after: string, line: string): string => edit(after, `${after}\n${line}`, 'last');

const rulesOf = (text: string): RuleId[] => [...new Set(lintDockerfile(text).map((problem) => problem.rule as RuleId))];

const HEALTHCHECK = /^HEALTHCHECK [^\n]*\\\n[^\n]*\n/m;

describe('the Dockerfile lint', () => {
  it("passes the repository's Dockerfile", () => {
    expect(lintDockerfile(dockerfile)).toEqual([]);
  });

  const broken: [RuleId, string, () => string][] = [
    ['syntax', 'EXPOSE with a port that is no number', () => edit('EXPOSE 8080', 'EXPOSE http')],
    ['syntax', 'a relative WORKDIR', () => edit('WORKDIR /app', 'WORKDIR app')],
    ['syntax', 'an unknown HEALTHCHECK flag', () => edit('HEALTHCHECK --interval=15s', 'HEALTHCHECK --every=15s')],
    ['DL3006', 'FROM without a tag', () => edit('FROM node:24-slim AS build', 'FROM node AS build')],
    ['DL3007', 'FROM with the tag latest', () => edit('FROM node:24-slim AS prod-deps', 'FROM node:latest AS prod-deps')],
    ['DL3002', 'no USER in the final stage', () => edit('USER node\n', '')],
    ['DL3002', 'USER root last in the final stage', () => insertAfterLast('USER node', 'USER root')],
    ['DL3002', 'USER 0:0', () => edit('USER node', 'USER 0:0')],
    ['healthcheck', 'no HEALTHCHECK', () => edit(HEALTHCHECK, '')],
    ['healthcheck', 'HEALTHCHECK NONE', () => edit(HEALTHCHECK, 'HEALTHCHECK NONE\n')],
    ['healthcheck', 'a HEALTHCHECK in shell form', () => edit(HEALTHCHECK, 'HEALTHCHECK CMD node -e "process.exit(0)"\n')],
    ['healthcheck', 'a HEALTHCHECK with curl', () => edit(HEALTHCHECK, 'HEALTHCHECK CMD ["curl", "-f", "http://127.0.0.1:8080/health"]\n')],
    ['expose', 'no EXPOSE', () => edit('EXPOSE 8080\n', '')],
    ['DL3025', 'CMD in shell form', () => edit('CMD ["node", "dist/server/cli.js", "serve"]', 'CMD node dist/server/cli.js serve')],
    ['DL3025', 'ENTRYPOINT in shell form', () => insertAfterLast('STOPSIGNAL SIGTERM', 'ENTRYPOINT node')],
    ['DL3025', 'no CMD in the final stage', () => edit('CMD ["node", "dist/server/cli.js", "serve"]', '')],
    ['DL3020', 'ADD of a local folder', () => edit('COPY server ./server', 'ADD server ./server')],
    ['npm-ci', 'npm install instead of npm ci', () => edit('npm ci --no-audit --no-fund', 'npm install --no-audit --no-fund')],
    ['npm-ci', 'npm i', () => edit('RUN npm run build', 'RUN npm i && npm run build')],
    ['npm-ci-omit-dev', 'npm ci with development dependencies in the final stage', () => insertAfterLast('WORKDIR /app', 'RUN npm ci')],
    ['DL3015', 'apt-get install without --no-install-recommends', () => insertAfterLast('WORKDIR /app', 'RUN apt-get update && apt-get install -y tini && rm -rf /var/lib/apt/lists/*')],
    ['DL3014', 'apt-get install without -y', () => insertAfterLast('WORKDIR /app', 'RUN apt-get update && apt-get install --no-install-recommends tini && rm -rf /var/lib/apt/lists/*')],
    ['DL3009', 'apt-get install leaving the apt lists', () => insertAfterLast('WORKDIR /app', 'RUN apt-get update && apt-get install -y --no-install-recommends tini')],
    ['DL3004', 'sudo in RUN', () => edit('RUN npm run build', 'RUN sudo npm run build')],
  ];

  it.each(broken)('fails %s on %s, and only that rule', (rule, _what, make) => {
    const text = make();
    expect(text).not.toBe(dockerfile);
    expect(rulesOf(text)).toEqual([rule]);
  });

  it('has a failing case for every rule', () => {
    expect(new Set(broken.map(([rule]) => rule))).toEqual(new Set(Object.keys(RULES)));
  });

  it.each([
    ['a base pinned by digest', () => edit('FROM node:24-slim AS build', `FROM node:24-slim@sha256:${'a'.repeat(64)} AS build`)],
    ['FROM an earlier stage', () => edit('FROM node:24-slim\n', 'FROM build\n', 'last')],
    ['ADD of a URL', () => insertAfterLast('WORKDIR /app', 'ADD https://example.invalid/licence.txt /app/')],
    ['npm ci --omit=dev in the final stage', () => insertAfterLast('WORKDIR /app', 'RUN npm ci --omit=dev && npm cache clean --force')],
    ['apt-get install done right', () => insertAfterLast('WORKDIR /app', 'RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*')],
    ['USER root in a build stage only', () => edit('WORKDIR /app', 'USER root\nWORKDIR /app')],
  ])('accepts %s', (_what, make) => {
    expect(lintDockerfile(make())).toEqual([]);
  });

  it('names the line of each problem', () => {
    const text = 'FROM node:latest\nWORKDIR /app\nRUN npm install\nCMD node server.js\n';
    expect(lintDockerfile(text)).toEqual([
      { rule: 'DL3007', line: 1, message: 'FROM node:latest: the tag latest moves; pin a version tag' },
      { rule: 'DL3002', line: 1, message: 'the final stage sets no USER, so the container runs as root' },
      { rule: 'healthcheck', line: 1, message: 'the final stage has no HEALTHCHECK' },
      { rule: 'expose', line: 1, message: 'the final stage EXPOSEs no port' },
      { rule: 'npm-ci', line: 3, message: 'npm install: use npm ci, which installs exactly the lockfile' },
      { rule: 'DL3025', line: 4, message: 'CMD in shell form: use the exec form ["executable", "arg", …] so the process gets signals' },
    ]);
  });
});

describe('the image the Dockerfile makes', () => {
  const parsed = DockerfileParser.parse(dockerfile);
  const instructions = parsed.getInstructions();
  const froms = parsed.getFROMs();
  const finalFrom = froms.at(-1)!;
  const finalStage = instructions.filter((instruction) => instruction.getRange().start.line > finalFrom.getRange().start.line);
  const argsOf = (keyword: string): string[] =>
    finalStage.filter((instruction) => instruction.getKeyword() === keyword).map((instruction) => instruction.getArgumentsContent()?.replace(/\\\n\s*/g, '') ?? '');

  it('builds on the official Node 24 LTS slim image, in a build stage, a production-dependency stage and a runtime stage', () => {
    expect(froms.map((from) => [from.getImage(), from.getBuildStage()])).toEqual([
      ['node:24-slim', 'build'],
      ['node:24-slim', 'prod-deps'],
      ['node:24-slim', null],
    ]);
    const runs = instructions.filter((instruction) => instruction.getKeyword() === 'RUN').map((instruction) => instruction.getArgumentsContent() ?? '');
    expect(runs.filter((run) => /\bnpm ci\b/.test(run)).map((run) => /--omit=dev/.test(run))).toEqual([false, true]);
    expect(argsOf('RUN')).toEqual([]); // nothing is installed or run in the runtime stage
  });

  it('runs as node on 0.0.0.0:8080, with a HEALTHCHECK against /health, SIGTERM to stop and the serve command', () => {
    expect(argsOf('USER')).toEqual(['node']);
    expect(argsOf('EXPOSE')).toEqual(['8080']);
    expect(argsOf('ENV').join(' ')).toMatch(/\bKRAVMOCK_HOST=0\.0\.0\.0\b[\s\S]*\bKRAVMOCK_PORT=8080\b/);
    expect(argsOf('HEALTHCHECK').join(' ')).toMatch(/CMD \["node", "-e", ".*\/health.*"\]$/);
    expect(argsOf('STOPSIGNAL')).toEqual(['SIGTERM']);
    expect(argsOf('CMD')).toEqual(['["node", "dist/server/cli.js", "serve"]']);
    expect(argsOf('LABEL').join(' ')).toMatch(/org\.opencontainers\.image\.title="kravmock"/);
  });

  it(".dockerignore lets in exactly the files and folders the Dockerfile copies from the context", () => {
    const patterns = dockerignore.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
    expect(patterns[0]).toBe('*');
    const allowed = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1).replace(/\/$/, ''));
    const copied = instructions
      .filter((instruction) => instruction.getKeyword() === 'COPY' && !/--from=/.test(instruction.getTextContent()))
      .flatMap((instruction) => instruction.getArguments().slice(0, -1).map((argument) => argument.getValue()));
    expect(allowed.sort()).toEqual([...new Set(copied)].sort());
    for (const kept of ['node_modules', 'dist', '.git', '.cache', 'test', 'coverage']) expect(allowed).not.toContain(kept);
  });
});

describe("README's ## Docker", () => {
  const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Docker\n'), readme.indexOf('\n## ', readme.indexOf('\n## Docker\n') + 1));
  const healthcheck = DockerfileParser.parse(dockerfile).getHEALTHCHECKs().at(-1)!;
  const healthcheckCommand = JSON.parse(healthcheck.getArgumentsContent()!.replace(/\\\n\s*/g, '').replace(/^[\s\S]*?\bCMD\s+/, '')) as string[];

  it('builds with docker build and runs with the admin token, and with scenarios mounted read-only and named', () => {
    expect(section).toContain('docker build -t kravmock .\n');
    expect(section).toContain('docker run --rm -p 8080:8080 -e KRAVMOCK_ADMIN_TOKEN=my-ci-secret kravmock\n');
    // npm run test:container runs this line's -e variables and -v mount against the image.
    const run = section.split('\n').find((line) => line.startsWith('docker run') && line.includes('/scenarios'));
    expect(run).toMatch(/ -e KRAVMOCK_SCENARIOS=\/scenarios /);
    expect(run).toMatch(/ -v "\$PWD\/my-scenarios:\/scenarios:ro" /);
    expect(run).toMatch(/ -e KRAVMOCK_ADMIN_TOKEN=\S+ .* kravmock$/);
  });

  it("has a compose service with the image's health check, the token and the scenario mount", () => {
    const block = /```yaml\n(services:[\s\S]*?)```/.exec(section)?.[1];
    expect(block).toBeDefined();
    const compose = parseYaml(block!) as { services: Record<string, Record<string, unknown>> };
    const service = compose.services.kravmock!;
    expect(service.ports).toEqual(['8080:8080']);
    expect(service.environment).toMatchObject({ KRAVMOCK_ADMIN_TOKEN: expect.any(String), KRAVMOCK_SCENARIOS: '/scenarios' });
    expect(service.volumes).toEqual(['./my-scenarios:/scenarios:ro']);
    expect((service.healthcheck as { test: string[] }).test).toEqual(['CMD', ...healthcheckCommand]);
    expect(compose.services.app!.depends_on).toEqual({ kravmock: { condition: 'service_healthy' } });
  });
});
