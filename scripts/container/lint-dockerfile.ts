// A Dockerfile lint: the Dockerfile is parsed with dockerfile-ast, checked for syntax and semantic
// errors by dockerfile-utils' validator (the one behind VS Code's Docker support), then against the
// hadolint rules that matter for this image (hadolint itself is neither a Debian nor an npm package):
//
//   npm run lint:dockerfile [-- path/to/Dockerfile]     (test/container/dockerfile-lint.test.ts runs it too)
//
// Each problem names its rule (hadolint's code where there is one) and the line.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';

export interface LintProblem {
  rule: string;
  /** 1-based line of the instruction. */
  line: number;
  message: string;
}

export const RULES = {
  syntax: 'syntax or semantic error found by dockerfile-utils',
  DL3006: 'FROM names an explicit tag (or digest)',
  DL3007: 'FROM does not use the tag latest',
  DL3002: 'the final stage ends as a non-root USER',
  healthcheck: 'the final stage has a HEALTHCHECK, exec form, without curl or wget (not in slim images)',
  expose: 'the final stage EXPOSEs its port',
  DL3025: 'CMD and ENTRYPOINT use the exec (JSON) form',
  DL3020: 'COPY, not ADD, for local files and folders',
  'npm-ci': 'npm ci installs from the lockfile: no npm install',
  'npm-ci-omit-dev': 'npm ci in the final stage installs production dependencies only (--omit=dev)',
  DL3015: 'apt-get install uses --no-install-recommends',
  DL3014: 'apt-get install uses -y',
  DL3009: 'apt lists are deleted in the RUN that installs (rm -rf /var/lib/apt/lists/*)',
  DL3004: 'no sudo in RUN',
} as const;
export type RuleId = keyof typeof RULES;

// npm's install command and its aliases.
const NPM_INSTALL = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add']);

const lineOf = (instruction: Instruction): number => instruction.getRange().start.line + 1;

/** The shell text of a RUN without its flags (--mount …), continuation lines joined. */
function runText(instruction: Instruction): string {
  return instruction
    .getArguments()
    .map((argument) => argument.getValue())
    .join(' ');
}

/** The commands of a shell line, split at &&, ||, ; and |. */
function commands(text: string): string[] {
  return text
    .split(/&&|\|\||;|\|/)
    .map((part) => part.trim())
    .filter(Boolean);
}

const isRootUser = (user: string): boolean => {
  const name = user.split(':')[0] ?? '';
  return name === '' || name === 'root' || name === '0';
};

function isJsonForm(instruction: Instruction): boolean {
  const text = instruction.getArgumentsContent()?.trim() ?? '';
  if (!text.startsWith('[')) return false;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string');
  } catch {
    return false;
  }
}

/** Every problem of a Dockerfile's text, in line order. */
export function lintDockerfile(text: string): LintProblem[] {
  const problems: LintProblem[] = [];
  const report = (rule: RuleId, line: number, message: string): void => {
    problems.push({ rule, line, message });
  };

  for (const diagnostic of validate(text)) {
    report('syntax', diagnostic.range.start.line + 1, typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);
  }

  const dockerfile = DockerfileParser.parse(text);
  const instructions = dockerfile.getInstructions();
  const stageNames = new Set<string>();
  let finalStageStart = -1;
  instructions.forEach((instruction, index) => {
    if (instruction.getKeyword() === 'FROM') finalStageStart = index;
  });
  if (finalStageStart === -1) return problems; // validate() reported the missing FROM

  for (const from of dockerfile.getFROMs()) {
    const image = from.getImageName() ?? '';
    const line = lineOf(from);
    const fromStage = stageNames.has(image.toLowerCase()) || image === 'scratch';
    const stage = from.getBuildStage();
    if (stage) stageNames.add(stage.toLowerCase());
    if (fromStage || from.getImageDigest()) continue;
    const tag = from.getImageTag();
    if (!tag) report('DL3006', line, `FROM ${from.getImage() ?? ''}: name a tag, e.g. node:24-slim`);
    else if (tag === 'latest') report('DL3007', line, `FROM ${from.getImage() ?? ''}: the tag latest moves; pin a version tag`);
  }

  for (const [index, instruction] of instructions.entries()) {
    const keyword = instruction.getKeyword();
    const line = lineOf(instruction);
    const final = index > finalStageStart;
    if (keyword === 'CMD' || keyword === 'ENTRYPOINT') {
      if (!isJsonForm(instruction)) report('DL3025', line, `${keyword} in shell form: use the exec form ["executable", "arg", …] so the process gets signals`);
    } else if (keyword === 'ADD') {
      const sources = instruction
        .getArguments()
        .map((argument) => argument.getValue())
        .slice(0, -1);
      const local = sources.filter((source) => !/^(https?|git):\/\/|^git@/.test(source));
      if (local.length > 0) report('DL3020', line, `ADD of local ${local.join(', ')}: use COPY`);
    } else if (keyword === 'RUN') {
      const shell = runText(instruction);
      for (const command of commands(shell)) {
        const words = command.split(/\s+/);
        if (words[0] === 'sudo') report('DL3004', line, 'sudo in RUN: the build runs as the USER in force; switch USER instead');
        const npmAt = words.indexOf('npm');
        const npmCommand = npmAt === -1 ? undefined : words.slice(npmAt + 1).find((word) => !word.startsWith('-'));
        if (npmCommand && NPM_INSTALL.has(npmCommand)) {
          report('npm-ci', line, `npm ${npmCommand}: use npm ci, which installs exactly the lockfile`);
        }
        if (final && npmCommand === 'ci' && !words.some((word, at) => word === '--omit=dev' || (word === '--omit' && words[at + 1] === 'dev') || word === '--production')) {
          report('npm-ci-omit-dev', line, 'npm ci in the final stage without --omit=dev installs development dependencies into the image');
        }
        const aptAt = words.findIndex((word) => word === 'apt-get' || word === 'apt');
        if (aptAt !== -1 && words.slice(aptAt + 1).find((word) => !word.startsWith('-')) === 'install') {
          if (!words.includes('--no-install-recommends')) report('DL3015', line, 'apt-get install without --no-install-recommends');
          if (!words.some((word) => /^-[a-zA-Z]*y[a-zA-Z]*$/.test(word) || word === '--yes' || word === '--assume-yes')) {
            report('DL3014', line, 'apt-get install without -y');
          }
          if (!/rm\s+-(rf|fr|r)\s+\/var\/lib\/apt\/lists\/?\*?/.test(shell)) {
            report('DL3009', line, 'apt-get install without rm -rf /var/lib/apt/lists/* in the same RUN');
          }
        }
      }
    }
  }

  const finalStage = instructions.slice(finalStageStart + 1);
  const finalLine = lineOf(instructions[finalStageStart] as Instruction);
  const users = finalStage.filter((instruction) => instruction.getKeyword() === 'USER');
  const lastUser = users.at(-1);
  if (!lastUser) report('DL3002', finalLine, 'the final stage sets no USER, so the container runs as root');
  else if (isRootUser(lastUser.getArgumentsContent()?.trim() ?? '')) report('DL3002', lineOf(lastUser), 'the final stage ends as root: switch to an unprivileged USER');

  const healthchecks = finalStage.filter((instruction) => instruction.getKeyword() === 'HEALTHCHECK');
  const healthcheck = healthchecks.at(-1);
  if (!healthcheck) report('healthcheck', finalLine, 'the final stage has no HEALTHCHECK');
  else {
    const args = healthcheck.getArguments().map((argument) => argument.getValue());
    const subcommand = (args[0] ?? '').toUpperCase();
    const command = healthcheck.getArgumentsContent()?.replace(/^[\s\S]*?\bCMD\b/i, '').trim() ?? '';
    if (subcommand === 'NONE') report('healthcheck', lineOf(healthcheck), 'HEALTHCHECK NONE turns the health check off');
    else if (!command.startsWith('[')) report('healthcheck', lineOf(healthcheck), 'HEALTHCHECK CMD in shell form: use the exec form');
    else if (/\b(curl|wget)\b/.test(command)) report('healthcheck', lineOf(healthcheck), 'HEALTHCHECK calls curl or wget, which slim images do not have: use node');
  }

  if (!finalStage.some((instruction) => instruction.getKeyword() === 'EXPOSE')) report('expose', finalLine, 'the final stage EXPOSEs no port');
  if (!finalStage.some((instruction) => instruction.getKeyword() === 'CMD' || instruction.getKeyword() === 'ENTRYPOINT')) {
    report('DL3025', finalLine, 'the final stage has no CMD or ENTRYPOINT');
  }

  return problems.sort((a, b) => a.line - b.line);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2] ?? 'Dockerfile';
  const problems = lintDockerfile(readFileSync(file, 'utf8'));
  for (const problem of problems) console.log(`${file}:${problem.line} ${problem.rule} ${problem.message}`);
  console.log(`${file}: ${problems.length === 0 ? 'no problems' : `${problems.length} problem${problems.length === 1 ? '' : 's'}`} (${Object.keys(RULES).length} rules)`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
