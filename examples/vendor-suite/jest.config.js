/** @type {import('jest').Config} */
export default {
  testMatch: ['<rootDir>/*.jest.test.js'],
  testEnvironment: 'node',
  // Plain ESM, run as is (node --experimental-vm-modules): nothing to transform.
  transform: {},
  testTimeout: 20_000,
};
