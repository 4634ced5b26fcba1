export * from './arch.js';
export * from './errno.js';
export * from './msg-types.js';
export * from './libaudit.generated.js';
