import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import { LIBAUDIT_MSG_TYPES } from '../tables/libaudit.generated.js';
import { MAINLINE_MSG_TYPE_NUMBERS, unknownTypeName } from '../tables/msg-types.js';
import { header, readHeader } from './header.js';
import { fieldsOfSpans, makeField, messageSpan, scanEnriched, scanSpans, sepBetween } from './scan.js';
import type { ParseOptions } from './scan.js';
import { UNTRUSTED_FIELDS } from './untrusted.js';
import { ENRICHED_SEPARATOR } from './types.js';
import type { AuditField, AuditRecord, FieldForm, RecordTime } from './types.js';

const LOG_NAMES: ReadonlyMap<number, string> = new Map(LIBAUDIT_MSG_TYPES);
const NO_OPTIONS: ParseOptions = {};

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
 * A parsed text record that borrows its text: the header is read (type, time, serial, node) and
 * every field is found, but fields are kept as offsets into `text` and their strings are made
 * only when asked for (`name(i)`, `raw(i)`, `value(i)`, ...). This is the fast path for reading
 * logs and captures (no object and no string per field unless used); `toRecord()` gives the
 * plain `AuditRecord` that `parseLogLine` / `parseRecordPayload` return, which are built on it.
 *
 * A view keeps `text` alive (a whole read chunk, when parsed out of one): call `toRecord()` for
 * records kept long after the chunk is gone.
 *
 * @example
 * const v = parseLogLineView(chunk, {}, lineStart, lineEnd);
 * for (let i = 0; i < v.fieldCount; i++) console.log(v.name(i), v.raw(i));
 */
export class RecordView {
  /** The string the offsets point into. */
  readonly text: string;
  readonly type: number;
  /** `SYSCALL`, or `UNKNOWN[1329]`; for a log line, the name as written. */
  readonly typeName: string;
  /** The `node=` prefix of an audit.log line, when present. */
  readonly node: string | undefined;
  readonly time: RecordTime;
  readonly serial: number;
  /** False only for old daemon records written as `audit(...) text` without a colon. */
  readonly headerColon: boolean;
  /** The body: `text[bodyStart, bodyEnd)` (after the header, up to the 0x1D of an ENRICHED line). */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** End of the record or line (its ENRICHED part, if any, is `text[bodyEnd + 1, end)`). */
  readonly end: number;
  /** Three offsets per field: name start, `=`, value end. */
  private readonly spans: readonly number[];
  private readonly msgFrom: number;
  private readonly msgTo: number;
  private readonly untrusted: ReadonlySet<string>;

  /** @internal Use `parseLogLineView` or `parseRecordPayloadView`. */
  constructor(
    text: string,
    type: number,
    typeName: string,
    node: string | undefined,
    time: RecordTime,
    serial: number,
    headerColon: boolean,
    bodyStart: number,
    bodyEnd: number,
    end: number,
    spans: readonly number[],
    msgFrom: number,
    msgTo: number,
    untrusted: ReadonlySet<string>,
  ) {
    this.text = text;
    this.type = type;
    this.typeName = typeName;
    this.node = node;
    this.time = time;
    this.serial = serial;
    this.headerColon = headerColon;
    this.bodyStart = bodyStart;
    this.bodyEnd = bodyEnd;
    this.end = end;
    this.spans = spans;
    this.msgFrom = msgFrom;
    this.msgTo = msgTo;
    this.untrusted = untrusted;
  }

  /** Number of fields (not counting ENRICHED ones). */
  get fieldCount(): number {
    return this.spans.length / 3;
  }

  /** Field `i`'s name exactly as written. */
  name(i: number): string {
    const k = i * 3;
    return this.text.slice(this.spans[k]!, this.spans[k + 1]!);
  }

  /** Field `i`'s value exactly as written, quotes included. */
  raw(i: number): string {
    const k = i * 3;
    return this.text.slice(this.spans[k + 1]! + 1, this.spans[k + 2]!);
  }

  /** Field `i`'s decoded value (`AuditField.value`): quotes removed, hex decoded, `null` for the null tokens. */
  value(i: number): string | null {
    return this.field(i).value;
  }

  /** How field `i`'s value was written (`AuditField.form`). */
  form(i: number): FieldForm {
    return this.field(i).form;
  }

  /** True for the fields inside a user message's `msg='...'`. */
  inMsg(i: number): boolean {
    const start = this.spans[i * 3]!;
    return start >= this.msgFrom && start < this.msgTo;
  }

  /** The text between the previous field (or the header) and field `i`'s name. */
  sep(i: number): string {
    return sepBetween(this.text, i === 0 ? this.bodyStart : this.spans[i * 3 - 1]!, this.spans[i * 3]!);
  }

  /** Field `i` as an `AuditField`. */
  field(i: number): AuditField {
    return makeField(this.type, this.name(i), this.raw(i), this.inMsg(i), this.sep(i), this.untrusted);
  }

  /**
   * The index of the first field called `name`, or -1. Compares in place, without making the
   * names of the fields passed over.
   */
  indexOf(name: string): number {
    const { spans, text } = this;
    const n = name.length;
    for (let k = 0; k < spans.length; k += 3) {
      if (spans[k + 1]! - spans[k]! === n && text.startsWith(name, spans[k]!)) return k / 3;
    }
    return -1;
  }

  /** The `AuditRecord` of this view: equal to what `parseLogLine` / `parseRecordPayload` return. */
  toRecord(): AuditRecord {
    const fields: AuditField[] = [];
    const tail = fieldsOfSpans(this.type, this.text, this.bodyStart, this.bodyEnd, this.spans, this.msgFrom, this.msgTo, this.untrusted, fields);
    const { type, typeName, time, serial, node } = this;
    // The usual record as one literal; the rest keeps the key order: headerColon, node, enriched, enrichedTail.
    if (this.headerColon && node === undefined && this.bodyEnd === this.end) return { type, typeName, time, serial, fields, tail };
    const r: { -readonly [K in keyof AuditRecord]: AuditRecord[K] } = { type, typeName, time, serial, fields, tail };
    if (!this.headerColon) r.headerColon = false;
    if (node !== undefined) r.node = node;
    if (this.bodyEnd === this.end) return r;
    const extra = scanEnriched(this.text, this.bodyEnd + 1, this.end);
    r.enriched = extra.fields;
    r.enrichedTail = extra.tail;
    return r;
  }
}

/**
 * `parseRecordPayload` as a view: the kernel text record `text[start, end)` (the netlink payload
 * as a string, header stripped). Errors carry offsets into `text`.
 *
 * @example parseRecordPayloadView('audit(1700000000.123:42): cwd="/"', 1307).raw(0) // → '"/"'
 */
export function parseRecordPayloadView(text: string, type: number, opts: ParseOptions = NO_OPTIONS, start = 0, end = text.length): RecordView {
  readHeader(text, start);
  if (header.bodyStart > end) throw bad('record ends inside its header', end, 'header');
  return viewAfterHeader(text, type, recordTypeName(type), undefined, end, end, opts);
}

/**
 * `parseLogLine` as a view: the audit.log line `text[start, end)`, which may be one line of a
 * larger chunk (a trailing `\n` is ignored). Errors carry offsets into `text`.
 *
 * @example
 * const v = parseLogLineView('type=CWD msg=audit(1655465398.534:25618): cwd="/root"');
 * v.typeName; v.name(0); v.value(0) // → 'CWD', 'cwd', '/root'
 */
export function parseLogLineView(text: string, opts: ParseOptions = NO_OPTIONS, start = 0, end = text.length): RecordView {
  if (end > start && text.charCodeAt(end - 1) === 0x0a) end--;
  let i = start;
  let node: string | undefined;
  if (text.startsWith('node=', i)) {
    const sp = text.indexOf(' ', i + 5);
    if (sp < 0 || sp >= end) throw bad('"node=" is not followed by a space', i + 5, 'node');
    node = text.slice(i + 5, sp);
    i = sp + 1;
  }
  if (!text.startsWith('type=', i) || i + 5 > end) throw bad('expected "type="', i, 'type');
  const nameStart = i + 5;
  const sp = text.indexOf(' ', nameStart);
  if (sp < 0 || sp >= end) throw bad('"type=NAME" is not followed by a space', nameStart, 'type');
  const typeName = text.slice(nameStart, sp);
  const type = typeNumber(typeName, nameStart, opts.typeNumbers);
  if (!text.startsWith('msg=', sp + 1) || sp + 5 > end) throw bad('expected "msg="', sp + 1, 'msg');
  const sepAt = separatorAfter(text, sp);
  const bodyEnd = sepAt >= 0 && sepAt < end ? sepAt : end;
  readHeader(text, sp + 5);
  if (header.bodyStart > bodyEnd) throw bad('enriched separator inside the header', bodyEnd);
  return viewAfterHeader(text, type, typeName, node, bodyEnd, end, opts);
}

/** The view of a record whose header `readHeader` just read: its body `text[header.bodyStart, bodyEnd)` scanned. */
function viewAfterHeader(text: string, type: number, typeName: string, node: string | undefined, bodyEnd: number, end: number, opts: ParseOptions): RecordView {
  const time = { sec: header.sec, msec: header.msec };
  const { serial, colon, bodyStart } = header;
  const spans = scanSpans(text, bodyStart, bodyEnd, opts);
  return new RecordView(text, type, typeName, node, time, serial, colon, bodyStart, bodyEnd, end, spans, messageSpan.from, messageSpan.to, opts.untrusted ?? UNTRUSTED_FIELDS);
}

/**
 * Where the next 0x1D is at or after `from` (-1 if none). Remembered per text, so that reading the
 * lines of a chunk one by one does not search the rest of the chunk again for each line (most
 * logs have no ENRICHED part at all).
 */
function separatorAfter(text: string, from: number): number {
  if (text !== separatorText || from < separatorFrom) {
    separatorText = text;
    separatorFrom = from;
    separatorAt = text.indexOf(ENRICHED_SEPARATOR, from);
  } else if (separatorAt !== -1 && separatorAt < from) {
    separatorFrom = from;
    separatorAt = text.indexOf(ENRICHED_SEPARATOR, from);
  }
  return separatorAt;
}
let separatorText = '';
let separatorFrom = 0;
let separatorAt = -1;

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
