// The dashboard: a static page (server/dashboard/public: HTML, CSS and ES modules, no build step, no
// CDN) that reads and drives the admin API from the browser. It is served at /__admin/ui/ without
// the admin token: the files hold no data, and every call the page makes goes to the admin API,
// which asks for the token when it has one. A browser asking for `/` is sent there; any other client
// asking for `/` still gets the API's 404 KB-003, as the real API answers.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type Response } from 'express';
import { packageRoot } from '../paths.js';

export const DASHBOARD_PATH = '/__admin/ui/';
export const dashboardDir = join(packageRoot, 'server', 'dashboard', 'public');

/**
 * Only this origin: no inline script or style, no other host. The page's own data comes from the
 * admin API on the same origin (`connect-src 'self'`).
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function securityHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', DASHBOARD_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-cache');
}

/**
 * Mount before the admin guard (the page needs no token) and only when the admin API is enabled.
 * `dir` is the page's folder (tests point it elsewhere).
 */
export function dashboardRoutes(dir = dashboardDir): Router {
  const router = Router();
  // An installation that left the page's files out (a package or image built without
  // server/dashboard/public) says so rather than answering as if there were no such page.
  const missing = existsSync(join(dir, 'index.html')) ? undefined : `kravmock's dashboard files are missing from this installation: expected ${join(dir, 'index.html')}`;
  router.get('/', (req, res, next) => {
    // Browsers put text/html first; curl (*/*), API clients and a missing Accept header get JSON/XML.
    if (req.accepts(['application/json', 'application/xml', 'text/html']) !== 'text/html') return next();
    res.redirect(302, DASHBOARD_PATH);
  });
  router.use(DASHBOARD_PATH, (_req, res, next) => (missing ? res.status(500).type('text/plain').send(`${missing}\n`) : next()));
  router.use(
    DASHBOARD_PATH,
    express.static(dir, {
      index: 'index.html',
      dotfiles: 'deny',
      fallthrough: true,
      setHeaders: securityHeaders,
    }),
  );
  // `/__admin/ui` without the slash, so the page's relative URLs (app.js, styles.css) resolve under it.
  router.get(DASHBOARD_PATH.slice(0, -1), (_req, res) => res.redirect(301, DASHBOARD_PATH));
  return router;
}
