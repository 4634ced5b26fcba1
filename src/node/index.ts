export * from './capture.js';
export * from './progress.js';
export * from './input.js';
export * from './text.js';
