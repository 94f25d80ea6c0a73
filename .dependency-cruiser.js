/**
 * Architecture rules, checked on every test run (npm run check:arch).
 * test/architecture/dependency-rules.spec.ts proves that each rule reports what it forbids.
 * @type {import('dependency-cruiser').IConfiguration}
 */

// Test code: the test files of every tier (suffixes as in jest.config.js), everything under test/
// and bench/, and folders named testing (scenario helpers beside the code they exercise).
// Everything else is production code.
const TEST_FILE = '\\.(spec|int-spec|e2e-spec|browser-spec)\\.ts$';
const TEST_CODE = [TEST_FILE, '^test/', '^bench/', '(^|/)testing/'];

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'The domain decides and nothing else, so it imports nothing outside libs/domain/src (no framework, database, broker, Node module or other lib), not even a type.',
      severity: 'error',
      from: { path: '^libs/domain/src' },
      // The domain's property tests use fast-check; property-testing-only-in-tests keeps it there.
      to: { pathNot: ['^libs/domain/src', 'node_modules/fast-check/'] },
    },
    {
      name: 'property-testing-only-in-tests',
      comment:
        'fast-check is a dev dependency, absent from a production install, so only test files, test/ and bench/ may import it (in the domain: only its spec files).',
      severity: 'error',
      from: { pathNot: [TEST_FILE, '^test/', '^bench/'] },
      to: { path: 'node_modules/fast-check/' },
    },
    {
      name: 'libs-do-not-import-apps',
      comment:
        'The apps are built on the libs, so a lib that imported an app would drag that app into every other app using the lib.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-do-not-import-each-other',
      comment:
        'Each app is a process with its own wiring, so what two apps share belongs in a lib, not in one of them.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-circular',
      comment:
        'In a cycle, load order decides whether an import is still undefined when first used, and no module of it can be understood or tested alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-test-code-in-production',
      comment:
        'Production code must not import test files, test/, bench/ or a testing/ folder, because that code fakes states and stands in for servers, and imported it would run in production.',
      severity: 'error',
      from: { pathNot: TEST_CODE },
      to: { path: TEST_CODE },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports are dependencies too: without this they would not be seen at all.
    tsPreCompilationDeps: true,
    exclude: { path: '^dist/' },
  },
};
