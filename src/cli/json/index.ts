export * from './schema.js';
export * from './to-json.js';
export * from './from-json.js';
export * from './generic.js';
