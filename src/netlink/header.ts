import { ByteReader } from '../bytes/reader.js';
import type { ByteWriter } from '../bytes/writer.js';

/** `struct nlmsghdr` (include/uapi/linux/netlink.h), 16 bytes, in the byte order of the host that made it. */
export interface NlMsgHeader {
  /** The length field as it was on the wire (it may count only the payload: the unicast quirk). */
  readonly nlmsg_len: number;
  readonly nlmsg_type: number;
  readonly nlmsg_flags: number;
  readonly nlmsg_seq: number;
  readonly nlmsg_pid: number;
}

export const NLMSG_HDRLEN = 16;
export const NLMSG_ALIGNTO = 4;

/**
 * NLMSG_ALIGN: `len` rounded up to a multiple of 4, where the next message starts.
 *
 * @example
 * nlmsgAlign(37) // 40
 */
export function nlmsgAlign(len: number): number {
  return (len + NLMSG_ALIGNTO - 1) & ~(NLMSG_ALIGNTO - 1);
}

/**
 * Read the 16-byte header at the cursor (`AUDIT_ERR_TRUNCATED` if fewer bytes are left).
 *
 * @example
 * readHeader(new ByteReader(fromHex('10000000e80305000100000000000000'), true)).nlmsg_type // 1000
 */
export function readHeader(r: ByteReader): NlMsgHeader {
  r.need(NLMSG_HDRLEN, 'struct nlmsghdr', 'nlmsghdr');
  return {
    nlmsg_len: r.u32('nlmsg_len'),
    nlmsg_type: r.u16('nlmsg_type'),
    nlmsg_flags: r.u16('nlmsg_flags'),
    nlmsg_seq: r.u32('nlmsg_seq'),
    nlmsg_pid: r.u32('nlmsg_pid'),
  };
}

/**
 * Write `h` as 16 bytes in the writer's byte order.
 *
 * @example
 * writeHeader(new ByteWriter(true), { nlmsg_len: 16, nlmsg_type: 1000, nlmsg_flags: 5, nlmsg_seq: 1, nlmsg_pid: 0 })
 */
export function writeHeader(w: ByteWriter, h: NlMsgHeader): void {
  w.u32(h.nlmsg_len, 'nlmsg_len')
    .u16(h.nlmsg_type, 'nlmsg_type')
    .u16(h.nlmsg_flags, 'nlmsg_flags')
    .u32(h.nlmsg_seq, 'nlmsg_seq')
    .u32(h.nlmsg_pid, 'nlmsg_pid');
}
