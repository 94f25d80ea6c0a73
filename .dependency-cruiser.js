/**
 * Architecture rules, checked on every test run (npm run check:arch).
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'The domain decides; it knows nothing of frameworks, databases, brokers or the other libs.',
      severity: 'error',
      from: { path: '^libs/domain/src' },
      to: {
        // fast-check generates histories in the domain's property tests (see the next rule).
        pathNot: ['^libs/domain/src', 'node_modules/fast-check/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'property-testing-only-in-tests',
      comment: 'fast-check is a test library: no production code imports it.',
      severity: 'error',
      from: { pathNot: ['\\.(spec|int-spec|e2e-spec)\\.ts$', '^test/', '^bench/'] },
      to: { path: 'node_modules/fast-check/' },
    },
    {
      name: 'domain-imports-no-infrastructure',
      comment: 'Not even types from @nestjs, typeorm, pg or kafkajs.',
      severity: 'error',
      from: { path: '^libs/domain/src' },
      to: { path: 'node_modules/(@nestjs|typeorm|pg|kafkajs|express|class-validator)' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-do-not-import-each-other',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-test-code-in-production',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: '\\.spec\\.ts$' },
      to: { path: '(^test/|\\.spec\\.ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '^dist/' },
  },
};
