import { AuditError, AuditErrorCode, isAuditError } from '../bytes/errors.js';
import { peekU16 } from '../bytes/reader.js';
import { payloadText } from '../records/text.js';
import { parseLogLineView, parseRecordPayloadView } from '../records/view.js';
import type { RecordView } from '../records/view.js';
import type { ParseOptions } from '../records/scan.js';
import type { AuditRecord } from '../records/types.js';
import type { CaptureItem } from './types.js';

/** nlmsghdr: a record's payload follows it. */
const NLMSG_HDRLEN = 16;

/** What `recordOfItem` takes besides the item. */
export interface RecordOfItemOptions {
  /** audit.log type name → number (a dialect's `typeNumbers`); default the mainline names. */
  readonly typeNumbers?: ReadonlyMap<string, number>;
}

/** What `recordViewOfDatagram` takes: the record parser's options, and where the datagram is in the input. */
export interface RecordViewOfDatagramOptions extends ParseOptions {
  /**
   * Absolute input offset of the datagram's first byte (`DatagramView.offset`,
   * `CapturedDatagram.offset`). With it, errors point into the input (path `record`), as
   * `recordOfItem`'s do; without it, they carry offsets into the payload text.
   */
  readonly offset?: number;
}

/**
 * The text record a netlink datagram `bytes[start, end)` carries, as a `RecordView`, or
 * `undefined` for a datagram that carries none (control messages: the payload does not start with
 * `audit(`). The payload is everything after the 16-byte nlmsghdr whatever `nlmsg_len` says, so the
 * unicast length quirk (§1.9) does not matter; the type is `nlmsg_type` in `littleEndian` byte
 * order; the text is read as UTF-8, or Latin-1 when it is not valid UTF-8, without trailing NULs.
 * A record that does not parse throws an `AuditError` (see `opts.offset` for its offsets).
 * `recordOfItem` is this plus `toRecord()`.
 *
 * @example
 * for (let x = r.nextView(); x !== undefined; x = r.nextView()) {
 *   if (x.kind !== 'view') continue;
 *   const rec = recordViewOfDatagram(x.buffer, x.start, x.end, x.littleEndian, { offset: x.offset });
 *   if (rec !== undefined) for (let i = 0; i < rec.fieldCount; i++) use(rec.name(i), rec.raw(i));
 * }
 */
export function recordViewOfDatagram(
  bytes: Uint8Array,
  start: number,
  end: number,
  littleEndian: boolean,
  opts: RecordViewOfDatagramOptions = {},
): RecordView | undefined {
  const p = start + NLMSG_HDRLEN;
  if (!startsWithStamp(bytes, p, end)) return undefined;
  const type = peekU16(bytes, start + 4, littleEndian);
  // A plain Uint8Array over the payload: `subarray` of a Node Buffer goes through its species
  // constructor, which costs more here than decoding the text.
  const text = payloadText(new Uint8Array(bytes.buffer, bytes.byteOffset + p, end - p));
  try {
    return parseRecordPayloadView(text, type, opts);
  } catch (e) {
    throw opts.offset === undefined ? e : inInput(e, opts.offset + NLMSG_HDRLEN);
  }
}

/**
 * True if `bytes[at, end)` starts with `audit(`, the stamp the kernel puts before every record it
 * sends (`audit_log_start`): a payload that is a kernel text record.
 */
export function startsWithStamp(bytes: Uint8Array, at: number, end: number): boolean {
  return end - at >= 6 && bytes[at] === 0x61 && bytes[at + 1] === 0x75 && bytes[at + 2] === 0x64 && bytes[at + 3] === 0x69 && bytes[at + 4] === 0x74 && bytes[at + 5] === 0x28;
}

/**
 * The text record a capture item carries: an audit.log line, or a datagram whose payload is a
 * kernel record (`audit(...)`, see `recordViewOfDatagram`). Control messages give `undefined`.
 * A record that does not parse throws an `AuditError` pointing into the input. A log line's type
 * name is read with `opts.typeNumbers` (`type=CONTAINER_ID` under ghak90-v11).
 *
 * @example recordOfItem({ kind: 'line', line }) // → { type: 1307, typeName: 'CWD', ... }
 */
export function recordOfItem(item: CaptureItem, opts: RecordOfItemOptions = {}): AuditRecord | undefined {
  const parse: ParseOptions = opts.typeNumbers === undefined ? {} : { typeNumbers: opts.typeNumbers };
  if (item.kind === 'datagram') {
    const { bytes, littleEndian, offset } = item.datagram;
    try {
      return recordViewOfDatagram(bytes, 0, bytes.length, littleEndian ?? true, parse)?.toRecord();
    } catch (e) {
      throw inInput(e, offset + NLMSG_HDRLEN);
    }
  }
  if (item.kind !== 'line') return undefined;
  try {
    return parseLogLineView(item.line.text, parse).toRecord();
  } catch (e) {
    throw inInput(e, item.line.offset);
  }
}

/** A record parser's error moved to where its text starts in the input (`delta`). */
function inInput(e: unknown, delta: number): unknown {
  if (!isAuditError(e)) return e;
  return e.offset >= 0 ? e.rebase(delta, 'record') : new AuditError(AuditErrorCode.BAD_RECORD, e.message, { offset: delta, path: 'record', cause: e });
}
