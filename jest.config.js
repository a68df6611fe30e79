const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    // A bundle folder holds both `x.ts` (the source) and `x.js` (its committed compile). Jest must
    // test the source: `ts` comes first, so `c/x`, `./x` and the component itself resolve to the
    // `.ts` whenever both exist.
    moduleFileExtensions: ['ts', 'js', 'html'],
    // Platform modules that sfdx-lwc-jest does not stub (or stubs without test controls), and the
    // connect global, live here.
    moduleNameMapper: {
        '^lightning/platformUtilityBarApi$':
            '<rootDir>/force-app/test/jest-mocks/lightning/platformUtilityBarApi',
        '^lightning/platformResourceLoader$':
            '<rootDir>/force-app/test/jest-mocks/lightning/platformResourceLoader'
    },
    setupFilesAfterEnv: [
        '<rootDir>/force-app/test/jest-setup.js',
        // Custom Labels resolve to their English values from the labels metadata.
        '<rootDir>/force-app/test/jest-mocks/salesforce/customLabels.js'
    ],
    testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/preview/', '<rootDir>/e2e/'],
    modulePathIgnorePatterns: ['<rootDir>/.localdevserver'],
    coverageProvider: 'v8',
    collectCoverageFrom: ['force-app/main/default/lwc/**/*.ts', '!**/__tests__/**']
};
