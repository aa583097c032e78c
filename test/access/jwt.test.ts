// server/access/jwt.ts remembers what it worked out about a token (its decoded parts, its signature's
// verdict per key), since clients send the same token on every call. Remembering must never change a
// verdict: a forged token stays refused, a token stays valid only for the key that signed it.
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { decode, signatureValid } from '../../server/access/jwt.js';

const pair = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const signer = pair();
const other = pair();

async function token(claims: Record<string, unknown> = { scope: 'skatteetaten:kravogbetalinger' }): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuedAt().sign(signer.privateKey);
}

describe('signatureValid', () => {
  it('gives the same verdict every time it is asked, per key', async () => {
    const good = await token();
    for (let i = 0; i < 3; i += 1) {
      expect(await signatureValid(good, signer.publicKey)).toBe(true);
      expect(await signatureValid(good, other.publicKey)).toBe(false);
    }
  });

  it('keeps refusing a token whose signature was changed, after the real one was accepted', async () => {
    const good = await token();
    expect(await signatureValid(good, signer.publicKey)).toBe(true);
    const [header, payload, signature] = good.split('.') as [string, string, string];
    const forged = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const swapped = `${header}.${Buffer.from(JSON.stringify({ scope: 'all' })).toString('base64url')}.${signature}`;
    for (let i = 0; i < 2; i += 1) {
      expect(await signatureValid(forged, signer.publicKey)).toBe(false);
      expect(await signatureValid(swapped, signer.publicKey)).toBe(false);
    }
  });

  it('still answers correctly once more tokens were checked than it remembers', async () => {
    const first = await token({ n: 0 });
    expect(await signatureValid(first, signer.publicKey)).toBe(true);
    // 4,100 distinct strings push the first verdict out; each is a token with a bad signature.
    const [header, payload] = first.split('.') as [string, string];
    for (let i = 0; i < 4100; i += 1) expect(await signatureValid(`${header}.${payload}.x${i}`, signer.publicKey)).toBe(false);
    expect(await signatureValid(first, signer.publicKey)).toBe(true);
    expect(await signatureValid(first, other.publicKey)).toBe(false);
  });
});

describe('decode', () => {
  it('gives the header and claims, the same frozen object for the same token', async () => {
    const t = await token({ scope: 'a b', consumer: { ID: '0192:313367002' } });
    const once = decode(t)!;
    expect(once.header).toMatchObject({ alg: 'RS256', kid: 'k1' });
    expect(once.payload).toMatchObject({ scope: 'a b', consumer: { ID: '0192:313367002' } });
    expect(decode(t)).toBe(once);
    expect(Object.isFrozen(once.payload)).toBe(true);
    expect(Object.isFrozen(once.payload.consumer)).toBe(true);
    expect(() => {
      (once.payload as Record<string, unknown>).scope = 'changed';
    }).toThrow(TypeError);
  });

  it.each([['not a token'], ['a.b'], ['!!.??.x'], [`${Buffer.from('{').toString('base64url')}.e30.x`]])('is undefined for %j, every time', (bad) => {
    expect(decode(bad)).toBeUndefined();
    expect(decode(bad)).toBeUndefined();
  });
});
