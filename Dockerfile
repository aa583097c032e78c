# kravmock: the production image.
#
#   docker build -t kravmock .
#   docker run --rm -p 8080:8080 -e KRAVMOCK_ADMIN_TOKEN=my-ci-secret kravmock
#
# The base is the official Node LTS slim image, pinned by tag; a build that pushes to a registry
# pins it by digest as well (FROM node:24-slim@sha256:…) so every rebuild starts from the same bytes.
# Behind a TLS-intercepting proxy, give npm the proxy's CA as a build secret:
#   docker build --secret id=npm_ca,src=/path/to/ca.crt -t kravmock .
# CI builds this file with buildah on a locally made node:24-slim (scripts/container/).

# Build: every dependency, then the TypeScript compiled to dist/.
FROM node:24-slim AS build
WORKDIR /app
ENV PACT_DO_NOT_TRACK=true SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=npm_ca \
    if [ -s /run/secrets/npm_ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/npm_ca; fi \
    && npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY server ./server
COPY fixtures ./fixtures
COPY contracts ./contracts
COPY scenarios ./scenarios
RUN npm run build

# Production dependencies only, installed from the same lockfile.
FROM node:24-slim AS prod-deps
WORKDIR /app
ENV PACT_DO_NOT_TRACK=true SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=npm_ca \
    if [ -s /run/secrets/npm_ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/npm_ca; fi \
    && npm ci --omit=dev --no-audit --no-fund

# Runtime: Node, the production dependencies, the compiled code and the files it reads (the
# contracts, the scenario library, the dashboard's page), owned by root and run as the unprivileged
# `node` user.
FROM node:24-slim
LABEL org.opencontainers.image.title="kravmock" \
      org.opencontainers.image.description="Local mock of Skatteetaten's Krav og betalinger API, with Norwegian scenarios and contract tests" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.base.name="docker.io/library/node:24-slim"
WORKDIR /app
ENV NODE_ENV=production PACT_DO_NOT_TRACK=true \
    KRAVMOCK_HOST=0.0.0.0 KRAVMOCK_PORT=8080
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/package.json ./
COPY --from=build /app/dist ./dist
COPY --from=build /app/contracts ./contracts
COPY --from=build /app/scenarios ./scenarios
COPY --from=build /app/server/dashboard/public ./server/dashboard/public
# Your scenarios: mount a folder at /scenarios and set KRAVMOCK_SCENARIOS=/scenarios (not set here:
# kravmock refuses a scenario folder that is missing or empty rather than serve without it).
USER node
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.KRAVMOCK_PORT || 8080) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "dist/server/cli.js", "serve"]
