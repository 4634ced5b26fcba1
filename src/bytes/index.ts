export * from './errors.js';
export * from './hex.js';
export * from './reader.js';
export * from './writer.js';
export * from './struct.js';
export * from './concat.js';
