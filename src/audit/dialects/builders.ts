/** The builders for patch writers, in one import: record frames, SYSCALL bodies, whole events. */
export * from './frames.js';
export * from './syscall.js';
export * from './events.js';
