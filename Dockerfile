# Minimal image; a later issue makes it production grade (multi-stage slim runtime, healthcheck, non-root checks).
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY server ./server
COPY fixtures ./fixtures
COPY contracts ./contracts
COPY scenarios ./scenarios
RUN npm run build && npm prune --omit=dev

FROM node:24-slim
WORKDIR /app
ENV NODE_ENV=production KRAVMOCK_HOST=0.0.0.0 KRAVMOCK_PORT=8080
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/contracts ./contracts
COPY --from=build /app/scenarios ./scenarios
USER node
EXPOSE 8080
CMD ["node", "dist/server/cli.js", "serve"]
