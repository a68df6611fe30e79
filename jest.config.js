const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    // Platform modules that sfdx-lwc-jest does not stub, and the connect global, live here.
    moduleNameMapper: {
        '^lightning/platformUtilityBarApi$':
            '<rootDir>/force-app/test/jest-mocks/lightning/platformUtilityBarApi'
    },
    setupFilesAfterEnv: ['<rootDir>/force-app/test/jest-setup.js'],
    testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/preview/', '<rootDir>/e2e/'],
    modulePathIgnorePatterns: ['<rootDir>/.localdevserver'],
    coverageProvider: 'v8',
    collectCoverageFrom: ['force-app/main/default/lwc/**/*.ts', '!**/__tests__/**']
};
