// Reading and verifying compact JWTs with jose, with failures as reasons a message can name
// (jose's own error texts are English and generic).
import type { KeyObject } from 'node:crypto';
import { compactVerify, decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from 'jose';

export interface DecodedJwt {
  header: ProtectedHeaderParameters;
  payload: JWTPayload & Record<string, unknown>;
}

/** The header and claims of a compact JWT, or undefined when it is not one. */
export function decode(token: string): DecodedJwt | undefined {
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token)) return undefined;
  try {
    return { header: decodeProtectedHeader(token), payload: decodeJwt(token) as DecodedJwt['payload'] };
  } catch {
    return undefined;
  }
}

/** True when the token's RS256 signature was made with the private half of `publicKey`. */
export async function signatureValid(token: string, publicKey: KeyObject): Promise<boolean> {
  try {
    await compactVerify(token, publicKey, { algorithms: ['RS256'] });
    return true;
  } catch {
    return false;
  }
}

export const isoOf = (epochSeconds: number): string => new Date(epochSeconds * 1000).toISOString();
