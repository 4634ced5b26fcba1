import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import { LIBAUDIT_MSG_TYPES } from '../tables/libaudit.generated.js';
import { MAINLINE_MSG_TYPE_NUMBERS, unknownTypeName } from '../tables/msg-types.js';
import { parseHeader } from './header.js';
import { scanEnriched, scanFields } from './scan.js';
import type { ParseOptions } from './scan.js';
import { payloadText } from './text.js';
import { ENRICHED_SEPARATOR } from './types.js';
import type { AuditField, AuditRecord } from './types.js';

const LOG_NAMES: ReadonlyMap<number, string> = new Map(LIBAUDIT_MSG_TYPES);

/**
 * The name auditd writes for a type: libaudit's (`audit_msg_type_to_name`), else `UNKNOWN[n]`.
 * Types only the kernel headers name (IPE_ACCESS, ...) are `UNKNOWN[n]` too, as auditd 3.0.9
 * writes them, so that libauparse can read the line back.
 *
 * @example recordTypeName(1300) // → 'SYSCALL'
 */
export function recordTypeName(type: number): string {
  return LOG_NAMES.get(type) ?? unknownTypeName(type);
}

/**
 * Parses a kernel text record as it travels in a netlink message (the payload, header
 * stripped). Byte input is read as UTF-8, or as Latin-1 when it is not valid UTF-8; trailing NULs
 * (user messages) are dropped.
 *
 * @example parseRecordPayload('audit(1700000000.123:4242): arch=c000003e syscall=59', 1300).fields[0].value // → 'c000003e'
 */
export function parseRecordPayload(payload: string | Uint8Array, type: number, opts: ParseOptions = {}): AuditRecord {
  const text = typeof payload === 'string' ? payload : payloadText(payload);
  const header = parseHeader(text, 0);
  const fields: AuditField[] = [];
  const tail = scanFields(type, text, header.bodyStart, text.length, opts, fields);
  const typeName = recordTypeName(type);
  if (header.colon) return { type, typeName, time: header.time, serial: header.serial, fields, tail };
  return { type, typeName, time: header.time, serial: header.serial, fields, tail, headerColon: false };
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
  let end = line.length;
  if (end > 0 && line.charCodeAt(end - 1) === 0x0a) end--;
  let i = 0;
  let node: string | undefined;
  if (line.startsWith('node=', 0)) {
    const sp = line.indexOf(' ', 5);
    if (sp < 0 || sp >= end) throw bad('"node=" is not followed by a space', 5, 'node');
    node = line.slice(5, sp);
    i = sp + 1;
  }
  if (!line.startsWith('type=', i)) throw bad('expected "type="', i, 'type');
  const nameStart = i + 5;
  const sp = line.indexOf(' ', nameStart);
  if (sp < 0 || sp >= end) throw bad('"type=NAME" is not followed by a space', nameStart, 'type');
  const typeName = line.slice(nameStart, sp);
  const type = typeNumber(typeName, nameStart, opts.typeNumbers);
  if (!line.startsWith('msg=', sp + 1)) throw bad('expected "msg="', sp + 1, 'msg');
  const sepAt = line.indexOf(ENRICHED_SEPARATOR, sp);
  const bodyEnd = sepAt >= 0 && sepAt < end ? sepAt : end;
  const header = parseHeader(line, sp + 5);
  if (header.bodyStart > bodyEnd) throw bad('enriched separator inside the header', bodyEnd);
  const fields: AuditField[] = [];
  const tail = scanFields(type, line, header.bodyStart, bodyEnd, opts, fields);
  const time = header.time;
  const serial = header.serial;
  // The usual line (colon, no node, no ENRICHED part) as one literal; the rest keeps the key order
  // the earlier spreads gave: headerColon, node, enriched, enrichedTail.
  if (header.colon && node === undefined && bodyEnd === end) return { type, typeName, time, serial, fields, tail };
  const r: { -readonly [K in keyof AuditRecord]: AuditRecord[K] } = { type, typeName, time, serial, fields, tail };
  if (!header.colon) r.headerColon = false;
  if (node !== undefined) r.node = node;
  if (bodyEnd === end) return r;
  const extra = scanEnriched(line, bodyEnd + 1, end);
  r.enriched = extra.fields;
  r.enrichedTail = extra.tail;
  return r;
}

function typeNumber(name: string, offset: number, extra: ReadonlyMap<string, number> | undefined): number {
  if (extra !== undefined) {
    const mine = extra.get(name);
    if (mine !== undefined) return mine;
  }
  const known = MAINLINE_MSG_TYPE_NUMBERS.get(name);
  if (known !== undefined) return known;
  if (name.startsWith('UNKNOWN[') && name.endsWith(']')) {
    const digits = name.slice(8, -1);
    if (/^[1-9][0-9]{0,9}$/.test(digits)) return Number(digits);
  }
  throw bad(`unknown record type name ${JSON.stringify(name)}`, offset, 'type');
}

function bad(message: string, offset: number, path = 'record'): AuditError {
  return new AuditError(AuditErrorCode.BAD_RECORD, message, { offset, path });
}
