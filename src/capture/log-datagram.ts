import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import { MAINLINE_MSG_TYPE_NUMBERS } from '../tables/msg-types.js';
import { encodeUtf8 } from './text.js';
import type { CapturedDatagram, LogLine } from './types.js';

/**
 * The record type number of an audit.log type name: `typeNumbers` (a dialect's
 * `getDialect(name).typeNumbers` for a patched kernel's log; default the mainline names), or
 * `UNKNOWN[n]`. Anything else is an `AUDIT_ERR_BAD_RECORD`.
 *
 * @example logTypeNumber('SYSCALL') // → 1300
 * @example logTypeNumber('CONTAINER_ID', 0, getDialect('ghak90-v11').typeNumbers) // → 1336
 */
export function logTypeNumber(name: string, offset = -1, typeNumbers: ReadonlyMap<string, number> = MAINLINE_MSG_TYPE_NUMBERS): number {
  const known = typeNumbers.get(name);
  if (known !== undefined) return known;
  const m = /^UNKNOWN\[(\d+)\]$/.exec(name);
  if (m !== null && Number(m[1]) <= 0xffff) return Number(m[1]);
  throw new AuditError(AuditErrorCode.BAD_RECORD, `unknown record type name ${JSON.stringify(name)}`, { offset, path: 'type' });
}

/** What `logLineDatagram` takes besides the line. */
export interface LogDatagramOptions {
  /** Type name → number (default the mainline names); see `logTypeNumber`. */
  readonly typeNumbers?: ReadonlyMap<string, number>;
}

/**
 * The datagram a multicast reader would have received for a log line: `nlmsghdr` (standard
 * `nlmsg_len`, pid 0, seq 0, flags 0, as `audit_log_end` builds it) then the payload text.
 * auditd replaced newlines in the payload with spaces and trimmed one trailing space; that is
 * not undone. The timestamp is the record's `audit(SEC.MSEC:…)` stamp. The datagram has
 * `payloadKind: 'text'`: a log holds text, whatever codec its type has on the wire.
 *
 * @example logLineDatagram(parseLogLineParts('type=CWD msg=audit(1.2:3): cwd="/"', 0, 0), true).bytes.length // → 36
 */
export function logLineDatagram(line: LogLine, littleEndian: boolean, opts: LogDatagramOptions = {}): CapturedDatagram {
  const type = logTypeNumber(line.typeName, line.offset, opts.typeNumbers);
  const text = encodeUtf8(line.payload);
  const bytes = new Uint8Array(16 + text.length);
  const v = new DataView(bytes.buffer);
  v.setUint32(0, bytes.length, littleEndian);
  v.setUint16(4, type, littleEndian);
  bytes.set(text, 16);
  // The record's own stamp is the only time a log line has: seconds and milliseconds.
  const stamp = /^audit\((\d+)\.(\d{3}):/.exec(line.payload);
  const timestampNs = stamp === null ? undefined : BigInt(stamp[1]!) * 1_000_000_000n + BigInt(stamp[2]!) * 1_000_000n;
  return {
    bytes,
    index: line.index,
    offset: line.offset,
    littleEndian,
    direction: 'from-kernel',
    payloadKind: 'text',
    ...(timestampNs === undefined ? {} : { timestampNs }),
  };
}
