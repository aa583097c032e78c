// Who may use the admin API. It is mounted before every route under /__admin (kravmock's own and the
// access capability's /__admin/tokens and /__admin/clients), so one check covers them all:
// - enabled: false — there is no admin API: /__admin/* answers as any unknown URL (404 KB-003);
// - a token — every /__admin request needs `Authorization: Bearer <token>`, else 401;
// - neither — the admin API is open (the CLI only allows that on a loopback address).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import { unknownRoute } from '../http/error-handling.js';
import { AdminError } from './admin-error.js';

export const ADMIN_PREFIX = '/__admin';

export interface AdminOptions {
  /** false removes the admin API altogether (default true). */
  enabled?: boolean;
  /** When set, every admin request must send `Authorization: Bearer <token>`. */
  token?: string;
}

const TOKEN = /^[\x21-\x7e]+$/;
export const ADMIN_TOKEN_EXPECTATION = 'visible ASCII characters without spaces (it is sent as Authorization: Bearer <token>)';

/** Why a token cannot be used, or undefined when it is fine. The token itself is not repeated. */
export function adminTokenProblem(token: string): string | undefined {
  if (token.length === 0) return `must not be empty: expected ${ADMIN_TOKEN_EXPECTATION}`;
  return TOKEN.test(token) ? undefined : `must be ${ADMIN_TOKEN_EXPECTATION}`;
}

/** A fresh token: 32 random bytes, base64url (43 characters). */
export function generateAdminToken(): string {
  return randomBytes(32).toString('base64url');
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Whether an address to listen on is reachable from this machine only (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost') return true;
  const family = isIP(bare);
  return family !== 0 && LOOPBACK.check(bare, family === 6 ? 'ipv6' : 'ipv4');
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** The guard; mount it before every admin route. */
export function adminProtection(options: AdminOptions = {}) {
  const enabled = options.enabled ?? true;
  const token = options.token;
  if (token !== undefined) {
    const problem = adminTokenProblem(token);
    if (problem) throw new Error(`admin.token ${problem}`);
  }
  // Comparing digests of equal length keeps the comparison's time independent of the token.
  const expected = token === undefined ? undefined : digest(token);

  return (req: Request, res: Response, next: NextFunction): void => {
    // Express matches routes case-insensitively, so the guard must too.
    if (!req.path.toLowerCase().startsWith(ADMIN_PREFIX)) return next();
    if (!enabled) return unknownRoute(req, res);
    if (!expected) return next();
    const header = req.get('authorization');
    const match = header === undefined ? null : /^Bearer +(\S+) *$/i.exec(header);
    if (!match) {
      throw new AdminError(
        401,
        'admin-token-required',
        `the admin API needs its token: send Authorization: Bearer <admin token> (the token kravmock printed at start, or the one set with --admin-token / KRAVMOCK_ADMIN_TOKEN)${header === undefined ? '' : `; the Authorization header sent is not a Bearer token`}`,
      );
    }
    if (!timingSafeEqual(digest(match[1]!), expected)) {
      throw new AdminError(401, 'admin-token-invalid', 'the admin token sent does not match: send Authorization: Bearer <admin token> with the token this kravmock was started with');
    }
    next();
  };
}
