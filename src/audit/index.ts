export * from '../netlink/index.js';
export * from './codec.js';
export * from './registry.js';
export * from './message.js';
export * from './datagram.js';
export * from './messages/index.js';
