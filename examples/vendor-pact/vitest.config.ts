import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['*.pact.test.ts'], env: { PACT_DO_NOT_TRACK: 'true' }, testTimeout: 30_000 } });
