// The CDK constructs, for the tests and the app.
export * from './settings';
export * from './stack';
