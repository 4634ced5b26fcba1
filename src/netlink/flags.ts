import { decodeBits, type BitTable, type DecodedBits } from './bits.js';

/**
 * `NLM_F_*` (include/uapi/linux/netlink.h, reference §1.3). Bits 0x100–0x800 mean different
 * things by message class, so they are listed per class below and not in this object.
 */
export const NLM_F = {
  REQUEST: 0x1,
  MULTI: 0x2,
  ACK: 0x4,
  ECHO: 0x8,
  DUMP_INTR: 0x10,
  DUMP_FILTERED: 0x20,
  /** On NLMSG_ERROR: the request was not copied back (only its 16-byte header). */
  CAPPED: 0x100,
  /** On NLMSG_ERROR: extended-ACK TLVs follow the echoed request. */
  ACK_TLVS: 0x200,
  ROOT: 0x100,
  MATCH: 0x200,
  ATOMIC: 0x400,
  DUMP: 0x300,
  REPLACE: 0x100,
  EXCL: 0x200,
  CREATE: 0x400,
  APPEND: 0x800,
  NONREC: 0x100,
  BULK: 0x200,
} as const;

/** Which reading of the class-dependent bits applies. */
export type FlagContext = 'ack' | 'get' | 'new' | 'delete';

const COMMON: BitTable = [
  [0x1, 'REQUEST'], [0x2, 'MULTI'], [0x4, 'ACK'], [0x8, 'ECHO'], [0x10, 'DUMP_INTR'], [0x20, 'DUMP_FILTERED'],
];

/** The class-dependent bits of netlink.h, by the class the kernel comment gives them. */
export const NLM_F_BY_CONTEXT: Readonly<Record<FlagContext, BitTable>> = {
  ack: [...COMMON, [0x100, 'CAPPED'], [0x200, 'ACK_TLVS']],
  get: [...COMMON, [0x100, 'ROOT'], [0x200, 'MATCH'], [0x400, 'ATOMIC']],
  new: [...COMMON, [0x100, 'REPLACE'], [0x200, 'EXCL'], [0x400, 'CREATE'], [0x800, 'APPEND']],
  delete: [...COMMON, [0x100, 'NONREC'], [0x200, 'BULK']],
};

/** NLMSG_ERROR is 2; its 0x100/0x200 are CAPPED/ACK_TLVS. Audit has no NEW/DEL classes, so the rest read as GET. */
export function flagContextOf(nlmsgType: number): FlagContext {
  return nlmsgType === 2 ? 'ack' : 'get';
}

/**
 * Names of `flags` (without the `NLM_F_` prefix) for a message of `nlmsgType`, keeping unknown bits.
 *
 * @example
 * decodeNlmFlags(0x0100, 2)   // { names: ['CAPPED'], unknownBits: 0 }
 * decodeNlmFlags(0x0005, 1000) // { names: ['REQUEST', 'ACK'], unknownBits: 0 }
 */
export function decodeNlmFlags(flags: number, nlmsgType: number, context: FlagContext = flagContextOf(nlmsgType)): DecodedBits {
  return decodeBits(flags, NLM_F_BY_CONTEXT[context]);
}

/**
 * `flags` as `REQUEST|ACK` text (unknown bits as hex), `0` when none.
 *
 * @example
 * formatNlmFlags(0x0105, 1000) // 'REQUEST|ACK|ROOT'
 */
export function formatNlmFlags(flags: number, nlmsgType: number): string {
  const { names, unknownBits } = decodeNlmFlags(flags, nlmsgType);
  const parts = [...names];
  if (unknownBits !== 0) parts.push(`0x${unknownBits.toString(16)}`);
  return parts.length === 0 ? '0' : parts.join('|');
}
