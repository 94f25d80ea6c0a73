/**
 * Test tier by file suffix, one Jest project per tier:
 *   *.spec.ts      unit: pure domain and mapping logic, the benchmark report and the
 *                  architecture rules (test/architecture); no servers
 *   *.int-spec.ts  integration: real Postgres and a real Kafka broker
 *   *.e2e-spec.ts  end to end: through HTTP, on real Postgres and Kafka
 *   *.browser-spec.ts  the console in a real Chromium, on the same stack
 * The integration and e2e tiers share a global setup that starts (or reuses) the servers.
 */
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Transpile only (tsconfig isolatedModules): type checking is its own step of npm test.
  transform: { '^.+\\.ts$': 'ts-jest' },
  moduleNameMapper: {
    '^@app/(domain|event-store|read-models|platform|local-infra|personal-data|auth|audit|contracts)$':
      '<rootDir>/libs/$1/src',
  },
};

const withServers = {
  ...base,
  globalSetup: '<rootDir>/test/harness/global-setup.ts',
  globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/test/harness/setup-after-env.ts'],
};

module.exports = {
  // Jest's default (one worker fewer than cores) runs one file at a time on 2 cores, while most
  // files spend their time waiting on Postgres and Kafka: two at a time.
  maxWorkers: 2,
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/{apps,libs,bench}/**/*.spec.ts',
        '<rootDir>/test/architecture/**/*.spec.ts',
      ],
    },
    { ...withServers, displayName: 'integration', testMatch: ['<rootDir>/test/**/*.int-spec.ts'] },
    { ...withServers, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
    // In a real Chromium (scripts/ensure-chromium.sh), against the real stack.
    { ...withServers, displayName: 'browser', testMatch: ['<rootDir>/test/**/*.browser-spec.ts'] },
  ],
};
