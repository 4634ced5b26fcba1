import { AuditErrorCode } from '../bytes/errors.js';
import { ByteReader } from '../bytes/reader.js';
import { NLMSG_HDRLEN, nlmsgAlign, readHeader, type NlMsgHeader } from './header.js';
import { allZero, type Issues } from './issues.js';

/**
 * How message boundaries are found in a datagram (docs/framing.md):
 * - `strict`: standard netlink, each message at NLMSG_ALIGN(nlmsg_len) of the one before;
 * - `unicast`: kernel records carry the length quirk of the audit daemon's socket (nlmsg_len
 *   counts the payload only, reference §1.9); other messages are standard;
 * - `auto`: a record whose nlmsg_len is the datagram length minus 16 is read as unicast, any
 *   other datagram as standard.
 */
export type Framing = 'strict' | 'unicast' | 'auto';

/** How one message was framed: `standard` nlmsg_len or the unicast payload-only length. */
export type MessageFraming = 'standard' | 'unicast';

/** One message's place in its datagram. Views borrow the caller's bytes. */
export interface Frame {
  /** Offset of the header from the start of the datagram. */
  readonly offset: number;
  readonly header: NlMsgHeader;
  readonly payload: Uint8Array;
  /** Bytes from the end of the message to NLMSG_ALIGN of it (or to the datagram's end). */
  readonly padding: Uint8Array;
  readonly framing: MessageFraming;
  /** nlmsg_len promised more bytes than the datagram holds (lenient validation only). */
  readonly lengthMismatch: boolean;
}

export interface SplitDatagram {
  readonly frames: readonly Frame[];
  /** Bytes after the last message and its padding that do not make a message. */
  readonly trailing: Uint8Array;
}

export interface SplitOptions {
  readonly littleEndian: boolean;
  readonly framing: Framing;
  /** Absolute offset of the datagram's first byte, for error offsets. */
  readonly base: number;
  readonly issues: Issues;
  /** True for types the kernel sends as records (text), the only ones with the unicast quirk. */
  readonly isRecordType: (type: number) => boolean;
}

/**
 * Find the messages of one datagram.
 *
 * @example
 * splitDatagram(fromHex('10000000 e8030500 01000000 00000000'), {
 *   littleEndian: true, framing: 'auto', base: 0, issues: new Issues('strict'), isRecordType: () => false,
 * }).frames[0].header.nlmsg_type // 1000
 */
export function splitDatagram(bytes: Uint8Array, opts: SplitOptions): SplitDatagram {
  const { littleEndian, base, issues } = opts;
  const empty = bytes.subarray(bytes.length);
  if (bytes.length === 0) return { frames: [], trailing: empty };
  if (bytes.length < NLMSG_HDRLEN) {
    issues.report(AuditErrorCode.TRUNCATED, `datagram of ${bytes.length} bytes is shorter than NLMSG_HDRLEN 16`, base, 'msg[0].nlmsghdr');
    return { frames: [], trailing: bytes };
  }
  const first = readHeader(new ByteReader(bytes, littleEndian, base, 'msg[0]'));
  const quirkLength = bytes.length - NLMSG_HDRLEN;
  if (opts.framing !== 'strict' && opts.isRecordType(first.nlmsg_type)) {
    if (first.nlmsg_len === quirkLength) {
      const frame: Frame = {
        offset: 0,
        header: first,
        payload: bytes.subarray(NLMSG_HDRLEN),
        padding: empty,
        framing: 'unicast',
        lengthMismatch: false,
      };
      return { frames: [frame], trailing: empty };
    }
    if (opts.framing === 'unicast') {
      issues.report(
        AuditErrorCode.BAD_LENGTH,
        `record nlmsg_len ${first.nlmsg_len} is not the payload length ${quirkLength} of unicast framing`,
        base,
        'msg[0].nlmsg_len',
      );
    }
  }
  return walk(bytes, opts);
}

function walk(bytes: Uint8Array, opts: SplitOptions): SplitDatagram {
  const { littleEndian, base, issues } = opts;
  const frames: Frame[] = [];
  let at = 0;
  while (bytes.length - at >= NLMSG_HDRLEN) {
    const i = frames.length;
    const header = readHeader(new ByteReader(bytes.subarray(at, at + NLMSG_HDRLEN), littleEndian, base + at, `msg[${i}]`));
    const len = header.nlmsg_len;
    if (len < NLMSG_HDRLEN) {
      issues.report(AuditErrorCode.BAD_LENGTH, `nlmsg_len ${len} < NLMSG_HDRLEN 16`, base + at, `msg[${i}].nlmsg_len`);
      break;
    }
    const left = bytes.length - at;
    if (len > left) {
      issues.report(AuditErrorCode.BAD_LENGTH, `nlmsg_len ${len} > ${left} bytes left in the datagram`, base + at, `msg[${i}].nlmsg_len`);
      frames.push({
        offset: at,
        header,
        payload: bytes.subarray(at + NLMSG_HDRLEN),
        padding: bytes.subarray(bytes.length),
        framing: 'standard',
        lengthMismatch: true,
      });
      at = bytes.length;
      break;
    }
    const end = at + len;
    const padEnd = Math.min(at + nlmsgAlign(len), bytes.length);
    const padding = bytes.subarray(end, padEnd);
    if (!allZero(padding)) issues.report(AuditErrorCode.BAD_PADDING, 'alignment padding is not zero', base + end, `msg[${i}].padding`);
    frames.push({ offset: at, header, payload: bytes.subarray(at + NLMSG_HDRLEN, end), padding, framing: 'standard', lengthMismatch: false });
    at = padEnd;
  }
  const trailing = bytes.subarray(at);
  if (trailing.length > 0 && frames.length > 0 && frames[frames.length - 1]!.lengthMismatch === false) {
    const i = frames.length;
    if (trailing.length < NLMSG_HDRLEN) {
      issues.report(AuditErrorCode.TRUNCATED, `${trailing.length} bytes after the last message are too few for a header`, base + at, `msg[${i}].nlmsghdr`);
    }
  }
  return { frames, trailing };
}
