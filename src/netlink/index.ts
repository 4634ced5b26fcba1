export * from './header.js';
export * from './flags.js';
export * from './bits.js';
export * from './attr.js';
export * from './issues.js';
export * from './nlmsgerr.js';
export * from './framing.js';
