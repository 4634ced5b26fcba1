export * from './types.js';
export * from './assembler.js';
export * from './filter.js';
export * from './classes.js';
