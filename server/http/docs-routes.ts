// The contracts as documents and a Swagger UI page for them, all served by kravmock itself (no CDN):
//   GET /openapi.yaml        contracts/openapi.yaml as it is in the package (/openapi.json: as JSON)
//   GET /admin-openapi.yaml  contracts/admin-openapi.yaml (not with --no-admin)
//   GET /docs                Swagger UI for the API contract, with a selector for the admin contract;
//                            its assets come from the swagger-ui-dist package under /docs/.
// "Try it out" sends the requests to this kravmock, whichever server of the contract is selected.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Router } from 'express';
import { parse } from 'yaml';
import { adminContractFile, contractFile } from '../contract.js';

const swaggerUiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** The swagger-ui-dist files the page uses (and their source maps); nothing else of the package is served. */
const ASSETS = new Set(
  ['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js'].flatMap((name) => [name, `${name}.map`]).concat(['favicon-16x16.png', 'favicon-32x32.png']),
);

export interface DocsOptions {
  /** Whether the admin API exists (`--no-admin` removes it, and its contract from the page). */
  admin?: boolean;
}

/** A file read on first use and kept. */
function once<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

/** The page: local assets only. */
export function docsHtml(admin: boolean): string {
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>kravmock — API contracts</title>
    <link rel="stylesheet" type="text/css" href="/docs/swagger-ui.css">
    <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
    <link rel="icon" type="image/png" href="/docs/favicon-16x16.png" sizes="16x16">
    <style>
      body { margin: 0; }
      .kravmock-docs-links { font-family: sans-serif; padding: 0.5rem 1rem; background: #1b1b1b; color: #fff; }
      .kravmock-docs-links a { color: #9fd3ff; }
    </style>
  </head>
  <body>
    <nav class="kravmock-docs-links" aria-label="Contract documents">
      kravmock serves these contracts:
      <a href="/openapi.yaml">Krav og betalinger API (openapi.yaml)</a>
      ${admin ? '· <a href="/admin-openapi.yaml">kravmock admin API (admin-openapi.yaml)</a>' : ''}
      — "Try it out" calls this kravmock.
    </nav>
    <main id="swagger-ui"></main>
    <script src="/docs/swagger-ui-bundle.js" charset="UTF-8"></script>
    <script src="/docs/swagger-ui-standalone-preset.js" charset="UTF-8"></script>
    <script src="/docs/swagger-initializer.js" charset="UTF-8"></script>
  </body>
</html>
`;
}

/** The page's configuration: the contracts to choose from, no validator badge (it would call out), requests to this origin. */
export function docsInitializer(admin: boolean): string {
  const urls = [{ url: '/openapi.yaml', name: 'Krav og betalinger API' }, ...(admin ? [{ url: '/admin-openapi.yaml', name: 'kravmock admin API' }] : [])];
  return `// kravmock's Swagger UI configuration (server/http/docs-routes.ts).
window.onload = function () {
  window.ui = SwaggerUIBundle({
    urls: ${JSON.stringify(urls)},
    'urls.primaryName': 'Krav og betalinger API',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout',
    // The contract names Skatteetaten's hosts; "Try it out" goes to this kravmock instead, same path.
    requestInterceptor: function (request) {
      var target = new URL(request.url, window.location.href);
      if (target.origin !== window.location.origin) request.url = window.location.origin + target.pathname + target.search;
      return request;
    },
  });
};
`;
}

export function docsRoutes(options: DocsOptions = {}): Router {
  const admin = options.admin ?? true;
  const router = Router();
  const apiYaml = once(() => readFileSync(contractFile, 'utf8'));
  const apiJson = once(() => JSON.stringify(parse(apiYaml())));
  const adminYaml = once(() => readFileSync(adminContractFile, 'utf8'));
  const html = docsHtml(admin);
  const initializer = docsInitializer(admin);

  router.get('/openapi.yaml', (_req, res) => {
    res.type('application/yaml').send(apiYaml());
  });
  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(apiJson());
  });
  if (admin) {
    router.get('/admin-openapi.yaml', (_req, res) => {
      res.type('application/yaml').send(adminYaml());
    });
  }
  router.get(['/docs', '/docs/'], (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.type('text/html').send(html);
  });
  router.get('/docs/swagger-initializer.js', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.type('text/javascript').send(initializer);
  });
  router.get('/docs/:asset', (req, res, next) => {
    const asset = req.params.asset;
    if (!ASSETS.has(asset)) return next();
    res.sendFile(join(swaggerUiDir, asset), { maxAge: '1d' });
  });
  return router;
}
