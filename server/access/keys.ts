// The mock's signing keys: one RS256 key pair for Maskinporten (access tokens) and one for Altinn
// (AltinnSamtykke consent tokens). Made synchronously with node:crypto so createApp stays
// synchronous; jose signs and verifies with the KeyObjects directly. The kid is the key's RFC 7638
// JWK thumbprint, so it is stable for a given key and says which key signed a token.
import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  kid: string;
  /** The public key as a JWK with kid, use and alg, as published in a JWKS. */
  jwk: Record<string, string>;
}

export function thumbprint(publicKey: KeyObject): string {
  const { e, kty, n } = publicKey.export({ format: 'jwk' });
  // RFC 7638: the required members in lexicographic order, no whitespace.
  return createHash('sha256').update(JSON.stringify({ e, kty, n })).digest('base64url');
}

/** A signing key from a given private key (tests pass their own to sign tokens with jose), or a fresh one. */
export function signingKey(privateKey?: KeyObject): SigningKey {
  const priv = privateKey ?? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const publicKey = createPublicKey(priv);
  const kid = thumbprint(publicKey);
  const { e, n, kty } = publicKey.export({ format: 'jwk' }) as Record<string, string>;
  return { privateKey: priv, publicKey, kid, jwk: { kty: kty!, e: e!, n: n!, kid, use: 'sig', alg: 'RS256' } };
}

/**
 * A signing key made on first use. Generating an RSA key takes 70–350 ms here, and a server that is
 * never asked for a token (mode off, or permissive without tokens) never needs one, so neither start-up
 * nor createApp pays for it.
 */
export function lazySigningKey(privateKey?: KeyObject): SigningKey {
  let key: SigningKey | undefined;
  const made = (): SigningKey => (key ??= signingKey(privateKey));
  return {
    get privateKey() {
      return made().privateKey;
    },
    get publicKey() {
      return made().publicKey;
    },
    get kid() {
      return made().kid;
    },
    get jwk() {
      return made().jwk;
    },
  };
}
