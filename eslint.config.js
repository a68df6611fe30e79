const lwcConfig = require('@salesforce/eslint-config-lwc');
const globals = require('globals');
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

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
            'presence-service/.build/**',
            'presence-service/cdk.out/**',
            'bench/runs/**',
            'test-results/**',
            'tmp/**'
        ]
    },
    // Components and service modules: Salesforce's recommended LWC rules, TypeScript flavour.
    ...lwcConfig.configs.recommendedTs.map((config) => ({
        ...config,
        files: ['force-app/**/*.ts']
    })),
    {
        // tsc (strict, noUnusedLocals) owns these for TypeScript: the Babel parser sees type names
        // as undefined or unused variables, and interface members named `name` as globals.
        files: ['force-app/**/*.ts'],
        rules: {
            'no-undef': 'off',
            'no-unused-vars': 'off',
            'no-use-before-define': 'off',
            // Prettier owns layout; it removes the parentheses this rule asks for.
            'no-confusing-arrow': 'off',
            'no-restricted-globals': 'off'
        }
    },
    {
        // Tests play the browser: they dispatch its own events (pagehide, message) and wait on timers.
        files: ['force-app/**/__tests__/**/*.ts', 'force-app/test/**/*.{js,ts}'],
        languageOptions: { globals: { ...globals.jest, ...globals.node } },
        rules: { '@lwc/lwc/prefer-custom-event': 'off', '@lwc/lwc/no-async-operation': 'off' }
    },
    // Jest stand-ins for platform modules, and the preview's stand-ins for base components, are LWC.
    ...lwcConfig.configs.recommended.map((config) => ({
        ...config,
        files: ['force-app/test/**/*.js', 'preview/stand-ins/**/*.js']
    })),
    // Node tooling: build scripts, the preview, the CCP emulator, tests, benchmarks.
    {
        files: ['**/*.{js,mjs,cjs}'],
        ignores: ['force-app/**', 'preview/stand-ins/**'],
        ...js.configs.recommended,
        languageOptions: {
            ecmaVersion: 'latest',
            sourceType: 'module',
            globals: { ...globals.node }
        }
    },
    // The presence service (Lambda handlers, CDK stack): TypeScript for Node, typed by its own
    // tsconfig (presence-service/tsconfig.json, run in npm test).
    ...tseslint.configs.recommended.map((config) => ({
        ...config,
        files: ['presence-service/**/*.ts']
    })),
    {
        files: ['presence-service/**/*.ts'],
        languageOptions: { globals: { ...globals.node } },
        rules: {
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
        }
    },
    {
        files: ['**/*.cjs', 'eslint.config.js', 'jest.config.js'],
        languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
    },
    {
        // Code shipped to the browser by the preview and the CCP emulator.
        files: [
            'preview/client/**/*.js',
            'ccp-emulator/public/**/*.js',
            'preview/stand-ins/**/*.js'
        ],
        languageOptions: { globals: { ...globals.browser } }
    }
];
