import { isAuditError } from '../bytes/errors.js';
import { peekU16 } from '../bytes/reader.js';
import { matchRecord, matchType } from '../events/filter.js';
import type { Filter } from '../events/filter.js';
import { recordOfItem } from './records.js';
import type { CapturedDatagram } from './types.js';

/**
 * The `decode --filter` test for one datagram: a kernel record is matched as a record
 * (`matchRecord`), anything else by its `nlmsg_type` alone (`matchType`). An empty filter keeps
 * everything; a record that does not parse is kept, so that its error is still shown.
 *
 * @example
 * const filter = parseFilter(argv.filter);             // before reading any input
 * for (const d of readCapture(bytes).datagrams) if (datagramMatches(filter, d)) print(d);
 */
export function datagramMatches(filter: Filter, d: CapturedDatagram): boolean {
  if (filter.terms.length === 0) return true;
  let record;
  try {
    record = recordOfItem({ kind: 'datagram', datagram: d });
  } catch (e) {
    if (isAuditError(e)) return true;
    throw e;
  }
  if (record !== undefined) return matchRecord(filter, record);
  return d.bytes.length >= 6 && matchType(filter, peekU16(d.bytes, 4, d.littleEndian ?? true));
}
