const lwcConfig = require('@salesforce/eslint-config-lwc');
const globals = require('globals');
const js = require('@eslint/js');

module.exports = [
    {
        // Generated or third-party output: the compiled component .js is checked against its .ts
        // by `npm run check:compiled`, the Streams resource by `build:streams --check`.
        ignores: [
            'node_modules/**',
            'coverage/**',
            '.sf/**',
            '.sfdx/**',
            'force-app/main/default/lwc/**/*.js',
            'force-app/main/default/staticresources/**',
            'preview/.build/**',
            'bench/runs/**',
            'test-results/**'
        ]
    },
    // Components and service modules: Salesforce's recommended LWC rules, TypeScript flavour.
    ...lwcConfig.configs.recommendedTs.map((config) => ({
        ...config,
        files: ['force-app/**/*.ts']
    })),
    {
        files: ['force-app/**/__tests__/**/*.ts', 'force-app/test/**/*.{js,ts}'],
        languageOptions: { globals: { ...globals.jest, ...globals.node } }
    },
    // Jest stand-ins for platform modules are plain ES modules.
    ...lwcConfig.configs.recommended.map((config) => ({
        ...config,
        files: ['force-app/test/**/*.js']
    })),
    // Node tooling: build scripts, the preview, the CCP emulator, tests, benchmarks.
    {
        files: ['**/*.{js,mjs,cjs}'],
        ignores: ['force-app/**'],
        ...js.configs.recommended,
        languageOptions: {
            ecmaVersion: 'latest',
            sourceType: 'module',
            globals: { ...globals.node }
        }
    },
    {
        files: ['**/*.cjs', 'eslint.config.js', 'jest.config.js'],
        languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
    },
    {
        // Code shipped to the browser by the preview and the CCP emulator.
        files: ['preview/client/**/*.js', 'ccp-emulator/public/**/*.js', 'preview/stand-ins/**/*.js'],
        languageOptions: { globals: { ...globals.browser } }
    }
];
