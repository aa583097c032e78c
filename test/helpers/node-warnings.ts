// Node prints its own process warnings on stderr, `(node:1234) [DEP0060] DeprecationWarning: …`,
// followed the first time by a hint line `(Use `node --trace-deprecation ...` to show where the warning
// was created)`. Which ones appear depends on the Node version and on what a dependency calls: on
// Node 24, Pact's verifier (http-proxy's util._extend) triggers DEP0060 before kravmock's own lines.
// A test that reads a spawned kravmock's stderr line by line reads it without them.

const WARNING = /^\(node:\d+\) (?:\[[A-Z]+\d+\] )?[A-Za-z]*Warning: /;
const HINT = /^\(Use `node --trace-[a-z-]+ \.\.\.` to show where the warning was created\)$/;

/** The text without the lines of Node's own process warnings (kravmock's output as it wrote it). */
export function withoutNodeWarnings(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !WARNING.test(line) && !HINT.test(line))
    .join('\n');
}
