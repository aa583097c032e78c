// The client registry: who may ask the mock Maskinporten for tokens, and with which key.
import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { SCOPE, type RegisteredClient } from './options.js';

export interface Client {
  clientId: string;
  orgnr: string;
  key: KeyObject;
  scopes: string[];
  systemId: string;
}

/** A public key from a JWK object, an SPKI/PKCS#1 PEM, or an X.509 certificate PEM. */
export function publicKeyOf(value: Record<string, unknown> | string): KeyObject {
  if (typeof value !== 'string') return createPublicKey({ key: value as never, format: 'jwk' });
  if (value.includes('BEGIN CERTIFICATE')) return new X509Certificate(value).publicKey;
  return createPublicKey(value);
}

/** The organisation number a Norwegian enterprise certificate names in its subject (serialNumber or organizationIdentifier NTRNO-). */
export function orgnrOfCertificate(cert: X509Certificate): string | undefined {
  return /(?:serialNumber|2\.5\.4\.5|organizationIdentifier|2\.5\.4\.97)=(?:NTRNO-)?(\d{9})\b/.exec(cert.subject)?.[1];
}

export class ClientRegistry {
  private readonly clients = new Map<string, Client>();

  constructor(clients: readonly RegisteredClient[] = []) {
    for (const c of clients) this.register(c);
  }

  /** Throws an Error naming what is wrong with the registration. */
  register(c: RegisteredClient): Client {
    if (typeof c.clientId !== 'string' || !c.clientId) throw new Error('clientId must be a non-empty string');
    if (typeof c.orgnr !== 'string' || !/^\d{9}$/.test(c.orgnr)) throw new Error(`orgnr must be 9 digits, got '${String(c.orgnr)}'`);
    let key: KeyObject;
    try {
      key = publicKeyOf(c.publicKey);
    } catch (error) {
      throw new Error(`publicKey of client '${c.clientId}' is neither a JWK, a PEM public key nor an X.509 certificate: ${(error as Error).message}`);
    }
    if (key.asymmetricKeyType !== 'rsa') throw new Error(`publicKey of client '${c.clientId}' must be an RSA key (RS256), got ${key.asymmetricKeyType}`);
    const client: Client = { clientId: c.clientId, orgnr: c.orgnr, key, scopes: c.scopes ?? [SCOPE], systemId: c.systemId ?? `${c.orgnr}_${c.clientId}` };
    this.clients.set(c.clientId, client);
    return client;
  }

  get(clientId: string): Client | undefined {
    return this.clients.get(clientId);
  }
}
