import { AuditError, AuditErrorCode, isAuditError } from '../bytes/errors.js';
import { peekU16 } from '../bytes/reader.js';
import { parseLogLine, parseRecordPayload } from '../records/parse.js';
import type { AuditRecord } from '../records/types.js';
import type { CaptureItem } from './types.js';

/** `audit(` — every kernel text record's payload starts with it. */
const AUDIT_PREFIX = [0x61, 0x75, 0x64, 0x69, 0x74, 0x28];

/** What `recordOfItem` takes besides the item. */
export interface RecordOfItemOptions {
  /** audit.log type name → number (a dialect's `typeNumbers`); default the mainline names. */
  readonly typeNumbers?: ReadonlyMap<string, number>;
}

/**
 * The text record a capture item carries: an audit.log line, or a datagram whose payload is a
 * kernel record (`audit(...)`). Control messages give `undefined`. The payload is
 * `datagram[16:]` whatever `nlmsg_len` says, so the unicast length quirk (§1.9) does not matter.
 * A record that does not parse throws an `AuditError` pointing into the input. A log line's type
 * name is read with `opts.typeNumbers` (`type=CONTAINER_ID` under ghak90-v11).
 *
 * @example recordOfItem({ kind: 'line', line }) // → { type: 1307, typeName: 'CWD', ... }
 */
export function recordOfItem(item: CaptureItem, opts: RecordOfItemOptions = {}): AuditRecord | undefined {
  try {
    if (item.kind === 'line') return parseLogLine(item.line.text, opts.typeNumbers === undefined ? {} : { typeNumbers: opts.typeNumbers });
    if (item.kind !== 'datagram') return undefined;
    const { bytes, littleEndian } = item.datagram;
    if (bytes.length < 16 + AUDIT_PREFIX.length || !AUDIT_PREFIX.every((b, i) => bytes[16 + i] === b)) return undefined;
    return parseRecordPayload(bytes.subarray(16), peekU16(bytes, 4, littleEndian ?? true));
  } catch (e) {
    if (!isAuditError(e)) throw e;
    const offset = item.kind === 'line' ? item.line.offset : item.kind === 'datagram' ? item.datagram.offset + 16 : -1;
    throw e.offset >= 0 ? e.rebase(offset, 'record') : new AuditError(AuditErrorCode.BAD_RECORD, e.message, { offset, path: 'record', cause: e });
  }
}
