// curl lines from documentation, parsed into requests the tests can send with the contract-checking
// helper (method, headers, body; `-d @file` read from the repository; `# 201` names the status).
import { readFileSync } from 'node:fs';

/** Splits a shell line into words, honouring single and double quotes; stops at an unquoted `#`. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'" || c === '"') {
      const close = line.indexOf(c, i + 1);
      word = (word ?? '') + line.slice(i + 1, close);
      i = close;
    } else if (c === ' ') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === '#' && word === undefined) {
      break;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

export type Method = 'get' | 'post' | 'put' | 'delete' | 'patch';

export interface Curl {
  line: string;
  method: Method;
  /** `http://localhost:<port>` as written. */
  origin: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The status its comment names; any 2xx when none is named. */
  expected?: number;
}

/** Where `@file` arguments are read from: the repository root unless told otherwise. */
const REPO_ROOT = new URL('../../', import.meta.url);

function readAt(file: string, cwd: string | URL): string {
  return readFileSync(typeof cwd === 'string' ? `${cwd}/${file}` : new URL(file, cwd), 'utf8');
}

export function parseCurl(line: string, cwd: string | URL = REPO_ROOT): Curl {
  const words = shellWords(line).slice(1);
  const headers: Record<string, string> = {};
  let method: Method | undefined;
  let body: string | undefined;
  let url: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '-X') method = words[++i]!.toLowerCase() as Method;
    else if (w === '-H' && words[i + 1]!.startsWith('@')) {
      // Header lines from a file (what `kravmock token` writes).
      for (const headerLine of readAt(words[++i]!.slice(1), cwd).split('\n').filter((l) => l.includes(':'))) {
        const [name, ...value] = headerLine.split(':');
        headers[name!.trim()] = value.join(':').trim();
      }
    } else if (w === '-H') {
      const [name, ...value] = words[++i]!.split(':');
      headers[name!.trim()] = value.join(':').trim();
    } else if (w === '-d' || w === '--data-binary') {
      const data = words[++i]!;
      body = data.startsWith('@') ? readAt(data.slice(1), cwd) : data;
    } else if (w === '-i' || w === '-s') continue;
    else if (/^http:\/\/localhost:\d+/.test(w)) url = w;
    else throw new Error(`README curl line has an option this test does not know: ${w}\n${line}`);
  }
  if (!url) throw new Error(`README curl line without a URL: ${line}`);
  const expected = /# (\d{3})/.exec(line)?.[1];
  return { line, method: method ?? (body === undefined ? 'get' : 'post'), origin: /^http:\/\/localhost:\d+/.exec(url)![0], path: url.replace(/^http:\/\/localhost:\d+/, ''), headers, ...(body !== undefined ? { body } : {}), ...(expected ? { expected: Number(expected) } : {}) };
}

// Every line that starts with `curl` (in indented blocks too), in README order: they are run one
// after another against one server, as a reader would run them.

/**
 * Every curl command of a document, in order: lines that start with `curl` (in indented blocks too)
 * and inline ones in backticks. Left out: `-H @file` (a file another command wrote) and socket faults
 * (`Prefer: fault=…`), which break the connection on purpose.
 */
export function curlsIn(text: string): Curl[] {
  return text
    .split('\n')
    .flatMap((line) => (line.trim().startsWith('curl ') ? [line.trim()] : [...line.matchAll(/`(curl [^`]+)`/g)].map((m) => m[1]!)))
    .filter((line) => !line.includes(' -H @') && !/Prefer: [^"]*fault=/.test(line))
    .map((line) => parseCurl(line));
}
