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

export function nlmsgAlign(len: number): number {
  return (len + NLMSG_ALIGNTO - 1) & ~(NLMSG_ALIGNTO - 1);
}

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

export function writeHeader(w: ByteWriter, h: NlMsgHeader): void {
  w.u32(h.nlmsg_len, 'nlmsg_len')
    .u16(h.nlmsg_type, 'nlmsg_type')
    .u16(h.nlmsg_flags, 'nlmsg_flags')
    .u32(h.nlmsg_seq, 'nlmsg_seq')
    .u32(h.nlmsg_pid, 'nlmsg_pid');
}
