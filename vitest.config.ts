import { defineConfig } from 'vitest/config';

// Pact's libraries send usage telemetry unless told not to; the workers inherit this.
process.env.PACT_DO_NOT_TRACK = 'true';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { PACT_DO_NOT_TRACK: 'true' },
  },
});
