import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import { MAINLINE_MSG_TYPE_NUMBERS } from '../tables/msg-types.js';
import { encodeUtf8 } from './text.js';
import type { CapturedDatagram, LogLine } from './types.js';

/**
 * The record type number of an audit.log type name: the mainline table, or `UNKNOWN[n]`.
 *
 * @example logTypeNumber('SYSCALL') // → 1300
 */
export function logTypeNumber(name: string, offset = -1): number {
  const known = MAINLINE_MSG_TYPE_NUMBERS.get(name);
  if (known !== undefined) return known;
  const m = /^UNKNOWN\[(\d+)\]$/.exec(name);
  if (m !== null && Number(m[1]) <= 0xffff) return Number(m[1]);
  throw new AuditError(AuditErrorCode.BAD_RECORD, `unknown record type name ${JSON.stringify(name)}`, { offset, path: 'type' });
}

/**
 * The datagram a multicast reader would have received for a log line: `nlmsghdr` (standard
 * `nlmsg_len`, pid 0, seq 0, flags 0, as `audit_log_end` builds it) then the payload text.
 * auditd replaced newlines in the payload with spaces and trimmed one trailing space; that is
 * not undone. The timestamp is the record's `audit(SEC.MSEC:…)` stamp.
 *
 * @example logLineDatagram(parseLogLineParts('type=CWD msg=audit(1.2:3): cwd="/"', 0, 0), true).bytes.length // → 36
 */
export function logLineDatagram(line: LogLine, littleEndian: boolean): CapturedDatagram {
  const type = logTypeNumber(line.typeName, line.offset);
  const text = encodeUtf8(line.payload);
  const bytes = new Uint8Array(16 + text.length);
  const v = new DataView(bytes.buffer);
  v.setUint32(0, bytes.length, littleEndian);
  v.setUint16(4, type, littleEndian);
  bytes.set(text, 16);
  // The record's own stamp is the only time a log line has: seconds and milliseconds.
  const stamp = /^audit\((\d+)\.(\d{3}):/.exec(line.payload);
  const timestampNs = stamp === null ? undefined : BigInt(stamp[1]!) * 1_000_000_000n + BigInt(stamp[2]!) * 1_000_000n;
  return { bytes, index: line.index, offset: line.offset, littleEndian, direction: 'from-kernel', ...(timestampNs === undefined ? {} : { timestampNs }) };
}
