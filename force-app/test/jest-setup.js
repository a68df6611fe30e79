// Registers the sa11y matcher so every visual state can assert `toBeAccessible()`.
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();
