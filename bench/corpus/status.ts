/**
 * Control-struct workload: AUDIT_GET replies as the kernel sends them (reference §1.10, §3.1),
 * i.e. nlmsghdr (len 60, type 1000 AUDIT_GET, flags 0, seq, pid 0) + a 44-byte `struct audit_status`,
 * little-endian, back to back (each datagram is 60 bytes, already 4-aligned).
 */
import { Rng } from './rng.js';

export const AUDIT_GET = 1000;
export const STATUS_SIZE = 44;
export const STATUS_DATAGRAM_SIZE = 16 + STATUS_SIZE;

/** `count` AUDIT_GET reply datagrams, concatenated. */
export function statusReplies(seed: number, count: number): Uint8Array {
  const rng = new Rng(seed);
  const out = new Uint8Array(count * STATUS_DATAGRAM_SIZE);
  const v = new DataView(out.buffer);
  for (let i = 0; i < count; i++) {
    const at = i * STATUS_DATAGRAM_SIZE;
    v.setUint32(at, STATUS_DATAGRAM_SIZE, true);
    v.setUint16(at + 4, AUDIT_GET, true);
    v.setUint16(at + 6, 0, true);
    v.setUint32(at + 8, rng.int(1, 1_000_000), true);
    v.setUint32(at + 12, 0, true);
    const p = at + 16;
    v.setUint32(p + 0, 0, true); // mask: 0 in GET replies
    v.setUint32(p + 4, rng.pick([0, 1, 1, 1, 2]), true); // enabled
    v.setUint32(p + 8, rng.pick([0, 1, 1, 2]), true); // failure
    v.setUint32(p + 12, rng.chance(0.8) ? rng.int(200, 4_000_000) : 0, true); // pid
    v.setUint32(p + 16, rng.pick([0, 0, 100, 1000]), true); // rate_limit
    v.setUint32(p + 20, rng.pick([64, 8192, 16384, 65536]), true); // backlog_limit
    v.setUint32(p + 24, rng.chance(0.7) ? 0 : rng.int(1, 100_000), true); // lost
    v.setUint32(p + 28, rng.int(0, 500), true); // backlog
    v.setUint32(p + 32, rng.pick([0x7f, 0x3f, 0xff]), true); // feature_bitmap
    v.setUint32(p + 36, rng.pick([60000, 15000, 0]), true); // backlog_wait_time
    v.setUint32(p + 40, rng.chance(0.9) ? 0 : rng.int(1, 1_000_000), true); // backlog_wait_time_actual
  }
  return out;
}

/** The 44-byte payloads of `statusReplies`, as views into it. */
export function statusPayloads(replies: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at + STATUS_DATAGRAM_SIZE <= replies.length; at += STATUS_DATAGRAM_SIZE) out.push(replies.subarray(at + 16, at + STATUS_DATAGRAM_SIZE));
  return out;
}
