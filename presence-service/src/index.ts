// Everything the tests, the local run and the benchmark use, from one bundle.
export * from './api';
export * from './config';
export * from './connect';
export * from './log';
export * from './model';
export * from './protocol';
export * from './quota';
export * from './rules';
export * from './runtime';
export * from './store';
export * from './sweep';
export * from './token';
export * from './presence';
