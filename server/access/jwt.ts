// Reading and verifying compact JWTs with jose, with failures as reasons a message can name
// (jose's own error texts are English and generic).
import type { KeyObject } from 'node:crypto';
import { compactVerify, decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { deepFreeze } from '../deep-freeze.js';

export interface DecodedJwt {
  header: ProtectedHeaderParameters;
  payload: JWTPayload & Record<string, unknown>;
}

/** How many tokens `decode` and `signatureValid` remember (the most recent; per key for verdicts). */
const REMEMBERED = 4096;
const decoded = new Map<string, DecodedJwt | undefined>();

/**
 * The header and claims of a compact JWT, or undefined when it is not one. Remembered for the most
 * recent tokens (clients send the same token on every call), so the result is frozen: shared, read-only.
 */
export function decode(token: string): DecodedJwt | undefined {
  if (decoded.has(token)) return decoded.get(token);
  const result = decodeOnce(token);
  remember(decoded, token, result);
  return result;
}

function decodeOnce(token: string): DecodedJwt | undefined {
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token)) return undefined;
  try {
    return deepFreeze({ header: decodeProtectedHeader(token), payload: decodeJwt(token) as DecodedJwt['payload'] });
  } catch {
    return undefined;
  }
}

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= REMEMBERED) map.delete(map.keys().next().value!);
  map.set(key, value);
}

const verdicts = new WeakMap<KeyObject, Map<string, boolean>>();

/**
 * True when the token's RS256 signature was made with the private half of `publicKey`. A verdict is
 * a pure function of the token's bytes and the key, so it is remembered (per key, the most recent
 * tokens): a client that sends the same token on every call pays for one RSA check, not one per
 * call. Everything that depends on the time (exp, nbf) is checked by the caller on every request.
 */
export async function signatureValid(token: string, publicKey: KeyObject): Promise<boolean> {
  let known = verdicts.get(publicKey);
  if (!known) {
    known = new Map();
    verdicts.set(publicKey, known);
  }
  const remembered = known.get(token);
  if (remembered !== undefined) return remembered;
  let valid: boolean;
  try {
    await compactVerify(token, publicKey, { algorithms: ['RS256'] });
    valid = true;
  } catch {
    valid = false;
  }
  remember(known, token, valid);
  return valid;
}

export const isoOf = (epochSeconds: number): string => new Date(epochSeconds * 1000).toISOString();
