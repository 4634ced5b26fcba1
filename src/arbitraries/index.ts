export * from './types.js';
export * from './primitives.js';
export * from './frame.js';
export * from './structs.js';
export * from './rules.js';
export * from './records.js';
export { interleave } from './exchanges.js';
export * from './frames.js';
export * from './invalid.js';
