import type { ParseOptions } from './scan.js';
import { payloadText } from './text.js';
import type { AuditRecord } from './types.js';
import { parseLogLineView, parseRecordPayloadView } from './view.js';

export { recordTypeName } from './view.js';

/**
 * Parses a kernel text record as it travels in a netlink message (the payload, header
 * stripped). Byte input is read as UTF-8, or as Latin-1 when it is not valid UTF-8; trailing NULs
 * (user messages) are dropped.
 *
 * @example parseRecordPayload('audit(1700000000.123:4242): arch=c000003e syscall=59', 1300).fields[0].value // → 'c000003e'
 */
export function parseRecordPayload(payload: string | Uint8Array, type: number, opts: ParseOptions = {}): AuditRecord {
  const text = typeof payload === 'string' ? payload : payloadText(payload);
  return parseRecordPayloadView(text, type, opts).toRecord();
}

/**
 * Parses one audit.log line: `[node=NAME ]type=NAME msg=audit(...): body[\x1dENRICHED]`. One
 * trailing `\n` is ignored. Errors carry the character offset in the line. `type=NAME` is a
 * mainline name, `UNKNOWN[n]`, or one of `opts.typeNumbers` (a patched kernel's names).
 *
 * @example parseLogLine('type=CWD msg=audit(1655465398.534:25618): cwd="/root"').fields[0].value // → '/root'
 * @example parseLogLine(line, { typeNumbers: getDialect('ghak90-v11').typeNumbers }).type // CONTAINER_OP → 1020
 */
export function parseLogLine(line: string, opts: ParseOptions = {}): AuditRecord {
  return parseLogLineView(line, opts).toRecord();
}
