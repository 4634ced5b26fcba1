/**
 * audit-netlink: the Linux audit netlink protocol, byte for byte.
 *
 * Layers, in decoding order: bytes → tables → netlink framing → audit messages (registry,
 * dialects) → text records and their interpretation → rules → events → captures. Node-only
 * helpers (files, streams) are in `audit-netlink/node`; fast-check arbitraries in
 * `audit-netlink/arbitraries`.
 */
export * from './bytes/index.js';
export * from './tables/index.js';
export * from './audit/index.js';
export * from './audit/dialects/index.js';
export * from './records/index.js';
export * from './interpret/index.js';
export * from './rules/index.js';
export * from './events/index.js';
export * from './capture/index.js';
