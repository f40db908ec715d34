/**
 * Boundaries, checked in CI (`npm run lint:deps`): no import cycle; the kernel knows no module; a module
 * reaches another only through its public face (index.ts) or its dependency-free contracts/labels; the
 * web imports server code only as contracts/labels; contracts and labels import nothing but zod and
 * each other. Tests may use their own module's internals and are left out.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: split the shared part into its own file (see ARCHITECTURE.md).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'kernel-knows-no-module',
      severity: 'error',
      comment: 'The kernel is shared machinery: modules use it, never the reverse (modules register themselves).',
      from: { path: '^src/kernel/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'module-public-face',
      severity: 'error',
      comment: 'Another module is reached through its index.ts, or its dependency-free contracts.ts / labels.ts.',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/([^/]+)/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$', '^src/modules/[^/]+/.*(contracts|labels)\\.ts$', '^src/modules/[^/]+/.*\\.types\\.ts$'],
      },
    },
    {
      name: 'web-imports-only-contracts',
      severity: 'error',
      comment: 'The web takes the server’s types from contracts/labels only (no services, no database code).',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: ['(^|/)(contracts|labels)\\.ts$', '\\.types\\.ts$', '^src/kernel/http/responses\\.ts$'] },
    },
    {
      name: 'contracts-are-dependency-free',
      severity: 'error',
      comment: 'A contract or labels file imports only zod and other contract/labels files, so the web can import it.',
      from: { path: ['^src/.*/(contracts|labels)[.]ts$', '^src/.*[.]types[.]ts$', '^src/kernel/http/responses[.]ts$'] },
      to: {
        dependencyTypesNot: ['type-only'],
        pathNot: ['(^|/)(contracts|labels)\\.ts$', '\\.types\\.ts$', '^src/kernel/http/responses\\.ts$', '^node_modules/zod/'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.test\\.tsx?$', '(^|/)test-[^/]*\\.ts$', '^src/test/', '^web/dist/', '^e2e/', '^bench/', '^node_modules/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    moduleSystems: ['es6', 'cjs'],
  },
};
