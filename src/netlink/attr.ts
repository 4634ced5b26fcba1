import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import { peekU16 } from '../bytes/reader.js';

/** `struct nlattr` (netlink.h): u16 nla_len (header included), u16 nla_type, payload, padding to 4. */
export interface NlAttr {
  /** nla_type without the NESTED/NET_BYTEORDER bits. */
  readonly type: number;
  readonly nested: boolean;
  readonly netByteOrder: boolean;
  readonly payload: Uint8Array;
}

export const NLA_HDRLEN = 4;
export const NLA_F_NESTED = 0x8000;
export const NLA_F_NET_BYTEORDER = 0x4000;

/** `enum nlmsgerr_attrs` (netlink.h, reference §1.4): the extended-ACK attribute ids. */
export const NLMSGERR_ATTR_NAMES: ReadonlyMap<number, string> = new Map([
  [0, 'UNUSED'], [1, 'MSG'], [2, 'OFFS'], [3, 'COOKIE'], [4, 'POLICY'], [5, 'MISS_TYPE'], [6, 'MISS_NEST'],
]);

/**
 * Parse a run of TLVs. Each attribute's length is checked against the bytes left before it is
 * used, so a hostile `nla_len` can only produce an error.
 *
 * @example
 * parseAttrs(fromHex('0800 0100 6869 0000'), true, 0) // [{ type: 1, payload: 'hi\0\0'... }]
 */
export function parseAttrs(bytes: Uint8Array, littleEndian: boolean, base: number, path = 'attrs'): NlAttr[] {
  const out: NlAttr[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (bytes.length - at < NLA_HDRLEN) {
      throw new AuditError(AuditErrorCode.TRUNCATED, `nlattr header needs 4 bytes, ${bytes.length - at} left`, {
        offset: base + at,
        path: `${path}[${out.length}]`,
      });
    }
    const len = peekU16(bytes, at, littleEndian);
    const rawType = peekU16(bytes, at + 2, littleEndian);
    if (len < NLA_HDRLEN || len > bytes.length - at) {
      throw new AuditError(AuditErrorCode.BAD_LENGTH, `nla_len ${len} outside [4, ${bytes.length - at}]`, {
        offset: base + at,
        path: `${path}[${out.length}].nla_len`,
        actual: len,
      });
    }
    out.push({
      type: rawType & ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER),
      nested: (rawType & NLA_F_NESTED) !== 0,
      netByteOrder: (rawType & NLA_F_NET_BYTEORDER) !== 0,
      payload: bytes.subarray(at + NLA_HDRLEN, at + len),
    });
    at += Math.min((len + 3) & ~3, bytes.length - at);
  }
  return out;
}
