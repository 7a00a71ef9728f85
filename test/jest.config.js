// Two projects: `server` (GraphQL API on a real database: MariaDB, or the embedded one with
// TEST_DB=sqlite) and `e2e` (the H5 build in Debian's Chromium against the started server).
const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2021',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  rootDir: require('node:path').resolve(__dirname, '..'),
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swcTransform },
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  testTimeout: 60000, // a global option in Jest 30; browser tests raise it in their files
  projects: [
    { ...common, displayName: 'server', testMatch: ['<rootDir>/test/server/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
};
