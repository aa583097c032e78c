// Paths into a scenario document: a list of keys and indexes, written the way problems show them
// (`parties[0].events[3].kravforfall[0].kidnummer`).

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `parties[0].events[3].beloep`; the document itself is `(root)`; odd keys are quoted (`["a b"]`). */
export function formatPath(path: Path): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

const TOKEN = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([^.[\]]+)/g;

/** The inverse of `formatPath` for the paths the ledger check reports (`events[3].kravforfall[0].kidnummer`). */
export function parsePath(text: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (m[1] !== undefined) out.push(Number(m[1]));
    else if (m[2] !== undefined) out.push(JSON.parse(m[2]) as string);
    else if (m[3] !== undefined) out.push(m[3]);
  }
  return out;
}

/** JSON pointer (`/parties/0/events/3`, as ajv reports it) to a path; indexes become numbers where the data is an array. */
export function pointerToPath(pointer: string, data: unknown): PathSegment[] {
  if (pointer === '') return [];
  const out: PathSegment[] = [];
  let node: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(key)) {
      out.push(Number(key));
      node = node[Number(key)];
    } else {
      out.push(key);
      node = node !== null && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, key)
        ? (node as Record<string, unknown>)[key]
        : undefined;
    }
  }
  return out;
}

/** A problem located by path; the loader turns the path into `file:line:col`. */
export interface PathProblem {
  path: PathSegment[];
  /** 'key': point at the key naming the last segment (an unknown property) rather than its value. */
  target?: 'value' | 'key';
  message: string;
  /**
   * Set on "expected a string but got a number" problems: the loader appends how to write the value
   * as text, from its source text where it has it (`0012345` lost its zeros as a YAML number).
   */
  quote?: { mark: "'" | '"'; value: string };
}
