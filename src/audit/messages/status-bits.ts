import { decodeBits, type BitTable, type DecodedBits } from '../../netlink/bits.js';

/** `AUDIT_STATUS_*` mask bits of `audit_status.mask` (include/uapi/linux/audit.h, reference §3.2). */
export const AUDIT_STATUS_BITS: BitTable = [
  [0x0001, 'ENABLED'],
  [0x0002, 'FAILURE'],
  [0x0004, 'PID'],
  [0x0008, 'RATE_LIMIT'],
  [0x0010, 'BACKLOG_LIMIT'],
  [0x0020, 'BACKLOG_WAIT_TIME'],
  [0x0040, 'LOST'],
  [0x0080, 'BACKLOG_WAIT_TIME_ACTUAL'],
];

/** `AUDIT_FEATURE_BITMAP_*` bits of `audit_status.feature_bitmap` (reference §3.3). */
export const AUDIT_FEATURE_BITMAP_BITS: BitTable = [
  [0x01, 'BACKLOG_LIMIT'],
  [0x02, 'BACKLOG_WAIT_TIME'],
  [0x04, 'EXECUTABLE_PATH'],
  [0x08, 'EXCLUDE_EXTEND'],
  [0x10, 'SESSIONID_FILTER'],
  [0x20, 'LOST_RESET'],
  [0x40, 'FILTER_FS'],
];

/** `AUDIT_FEATURE_*` numbers of `audit_features` as bits (`1 << n`, reference §3.4). */
export const AUDIT_FEATURE_BITS: BitTable = [
  [1 << 0, 'ONLY_UNSET_LOGINUID'],
  [1 << 1, 'LOGINUID_IMMUTABLE'],
];

/**
 * Names of the `AUDIT_STATUS_*` bits in `mask` (prefix dropped), keeping unknown bits.
 *
 * @example
 * decodeStatusMask(0x44) // { names: ['PID', 'LOST'], unknownBits: 0 }
 */
export function decodeStatusMask(mask: number): DecodedBits {
  return decodeBits(mask, AUDIT_STATUS_BITS);
}

/**
 * Names of the `AUDIT_FEATURE_BITMAP_*` bits in `feature_bitmap`, keeping unknown bits.
 *
 * @example
 * decodeFeatureBitmap(0x7f).names.length // 7
 */
export function decodeFeatureBitmap(bitmap: number): DecodedBits {
  return decodeBits(bitmap, AUDIT_FEATURE_BITMAP_BITS);
}

/**
 * Names of the `AUDIT_FEATURE_*` bits in an `audit_features` mask, features or lock word.
 *
 * @example
 * decodeFeatureBits(0xffffffff) // { names: [...2 names], unknownBits: 0xfffffffc }
 */
export function decodeFeatureBits(bits: number): DecodedBits {
  return decodeBits(bits, AUDIT_FEATURE_BITS);
}
