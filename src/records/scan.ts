import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import { isUntrustedField, UNTRUSTED_FIELDS } from './untrusted.js';
import { upperHexToText } from './text.js';
import type { AuditField, FieldForm } from './types.js';

const SPACE = 0x20;
const EQ = 0x3d;
const QUOTE = 0x22;
const APOS = 0x27;
const COMMA = 0x2c;
const PAREN_OPEN = 0x28;
const PAREN_CLOSE = 0x29;

/** Options shared by the record parsers. */
export interface ParseOptions {
  /** Untrusted-string field names (default `UNTRUSTED_FIELDS`); extend for a patched kernel. */
  readonly untrusted?: ReadonlySet<string>;
  /**
   * Extra `type=NAME` names for `parseLogLine`, by number: a patched kernel's record types that
   * mainline does not name (`CONTAINER_OP`, `CONTAINER_ID`, `NS_INIT_MNT`, ...). Looked up before
   * the mainline names; a dialect's `getDialect('ghak90-v11').typeNumbers` fits as is.
   */
  readonly typeNumbers?: ReadonlyMap<string, number>;
  /** Longest record body parsed (default 16 MiB, `DEFAULT_MAX_RECORD_BYTES`); a longer one is `AUDIT_ERR_LIMIT`. */
  readonly maxRecordBytes?: number;
  /** Most fields in one record (default 262144, `DEFAULT_MAX_FIELDS`); more is `AUDIT_ERR_LIMIT`. */
  readonly maxFields?: number;
}

/** Kernel records have no size limit but memory; auditd reads at most 8970 bytes. 16 MiB matches `maxPacketBytes`. */
export const DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;
/** A 16 MiB record of the shortest fields (`a=1 `) holds about 4 M; real ones hold at most a few thousand. */
export const DEFAULT_MAX_FIELDS = 262144;

/** The fields of a body and the text left after the last one. */
export interface ScannedBody {
  readonly fields: AuditField[];
  readonly tail: string;
}

/**
 * Classifies one value the way reference §4.3 decodes it.
 *
 * @example classifyValue(1302, 'name', '2F746D70', UNTRUSTED_FIELDS) // → ['hex', '/tmp']
 */
export function classifyValue(
  type: number,
  name: string,
  raw: string,
  untrusted: ReadonlySet<string> = UNTRUSTED_FIELDS,
): readonly [FieldForm, string | null] {
  const f = makeField(type, name, raw, false, '', untrusted);
  return [f.form, f.value];
}

/** One field, built as a literal of one shape (no tuple, no spread). */
export function makeField(type: number, name: string, raw: string, inMsg: boolean, sep: string, untrusted: ReadonlySet<string>): AuditField {
  const n = raw.length;
  const c = n === 0 ? 0 : raw.charCodeAt(0);
  if (c === QUOTE && n >= 2 && raw.charCodeAt(n - 1) === QUOTE) return { name, raw, value: raw.slice(1, -1), form: 'quoted', inMsg, sep };
  if ((c === 0x28 && (raw === '(null)' || raw === '(none)')) || (c === 0x3f && n === 1)) return { name, raw, value: null, form: 'null', inMsg, sep };
  // Hex is checked and decoded in one pass, and only for names that carry untrusted strings.
  if (c >= 0x30 && c <= 0x46 && (c <= 0x39 || c >= 0x41) && isUntrustedField(type, name, untrusted)) {
    const value = upperHexToText(raw);
    if (value !== null) return { name, raw, value, form: 'hex', inMsg, sep };
  }
  return { name, raw, value: raw, form: 'bare', inMsg, sep };
}

/**
 * Splits a record body into fields with a hand-written scanner: tokens are runs of non-spaces,
 * a token with `=` after at least one character is a field, anything else stays in the next
 * field's `sep`. A user message's `msg='` opens a nested list that ends at the body's last `'`
 * (reference §4.6: the sender's text is not escaped). Inside it, old PAM senders wrote
 * `(hostname=?, addr=?, terminal=cron res=success)`: as libauparse does, a leading `(` and a
 * value's trailing `,` or `)` are separators, not part of the name or value.
 *
 * @example scanBody(1300, ' arch=c000003e syscall=59', 0, 25).fields[1].name // → 'syscall'
 */
export function scanBody(type: number, text: string, start: number, end: number, opts: ParseOptions = {}): ScannedBody {
  const fields: AuditField[] = [];
  const tail = scanFields(type, text, start, end, opts, fields);
  return { fields, tail };
}

/** `scanBody` into `out`, returning the tail. */
export function scanFields(type: number, text: string, start: number, end: number, opts: ParseOptions, out: AuditField[]): string {
  const spans = scanSpans(text, start, end, opts);
  return fieldsOfSpans(type, text, start, end, spans, messageSpan.from, messageSpan.to, opts.untrusted ?? UNTRUSTED_FIELDS, out);
}

/**
 * Where the last `scanSpans` found a user message's `msg='...'` list: its first character and
 * its closing quote (both -1 when there is none). A body has at most one: the list ends at the
 * body's last `'`.
 */
export const messageSpan = { from: -1, to: -1 };

/**
 * The fields of `text[start, end)` as offsets, three per field: the name's first character, its
 * `=`, and the end of the value. Everything between one field's value end and the next name is
 * that field's `sep`, so the offsets alone give back every character. Checks `maxRecordBytes`
 * and `maxFields`; sets `messageSpan`.
 */
export function scanSpans(text: string, start: number, end: number, opts: ParseOptions): number[] {
  const maxBytes = opts.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  if (end - start > maxBytes) {
    throw new AuditError(AuditErrorCode.LIMIT, `record body of ${end - start} characters over maxRecordBytes ${maxBytes}`, {
      offset: start,
      path: 'record',
      expected: maxBytes,
      actual: end - start,
    });
  }
  messageSpan.from = -1;
  messageSpan.to = -1;
  const spans: number[] = [];
  scanRange(text, start, end, false, spans);
  const maxFields = opts.maxFields ?? DEFAULT_MAX_FIELDS;
  if (spans.length > maxFields * 3) {
    throw new AuditError(AuditErrorCode.LIMIT, `record has ${spans.length / 3} fields, over maxFields ${maxFields}`, {
      offset: start,
      path: `record.fields[${maxFields}]`,
      expected: maxFields,
      actual: spans.length / 3,
    });
  }
  return spans;
}

function scanRange(text: string, start: number, end: number, inMsg: boolean, spans: number[]): void {
  let i = start;
  while (i < end) {
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    if (i >= end) break;
    const tokStart = i;
    // Names are short: walked to their `=`. Values may be long (hex proctitles, paths): skipped
    // with indexOf, which V8 vectorises.
    let c = 0;
    while (i < end && (c = text.charCodeAt(i)) !== EQ && c !== SPACE) i++;
    if (i >= end || c === SPACE) continue;
    const eq = i;
    i = text.indexOf(' ', eq + 1);
    if (i < 0 || i > end) i = end;
    let nameStart = tokStart;
    if (inMsg && text.charCodeAt(nameStart) === PAREN_OPEN) nameStart++;
    if (eq <= nameStart) continue;
    if (!inMsg && eq + 1 < end && text.charCodeAt(eq + 1) === APOS && eq - nameStart === 3 && text.startsWith('msg', nameStart)) {
      const close = text.lastIndexOf("'", end - 1);
      if (close > eq + 1) {
        messageSpan.from = eq + 2;
        messageSpan.to = close;
        scanRange(text, eq + 2, close, true, spans);
        i = close + 1;
        continue;
      }
    }
    let valueEnd = i;
    if (inMsg && valueEnd > eq + 1) {
      const last = text.charCodeAt(valueEnd - 1);
      if (last === COMMA || (last === PAREN_CLOSE && !isNullToken(text, eq + 1, valueEnd))) valueEnd--;
    }
    spans.push(nameStart, eq, valueEnd);
  }
}

/** The separator before a name that starts at `nameStart`, the previous field having ended at `prevEnd`. */
export function sepBetween(text: string, prevEnd: number, nameStart: number): string {
  return nameStart === prevEnd + 1 && text.charCodeAt(prevEnd) === SPACE ? ' ' : text.slice(prevEnd, nameStart);
}

/** The `AuditField`s of spans into `out` (`msgFrom`..`msgTo`: the `messageSpan` of the scan); returns the tail. */
export function fieldsOfSpans(
  type: number,
  text: string,
  start: number,
  end: number,
  spans: readonly number[],
  msgFrom: number,
  msgTo: number,
  untrusted: ReadonlySet<string>,
  out: AuditField[],
): string {
  let prevEnd = start;
  for (let k = 0; k < spans.length; k += 3) {
    const nameStart = spans[k]!;
    const eq = spans[k + 1]!;
    const valueEnd = spans[k + 2]!;
    const inMsg = nameStart >= msgFrom && nameStart < msgTo;
    out.push(makeField(type, text.slice(nameStart, eq), text.slice(eq + 1, valueEnd), inMsg, sepBetween(text, prevEnd, nameStart), untrusted));
    prevEnd = valueEnd;
  }
  return text.slice(prevEnd, end);
}

/**
 * Splits the ENRICHED part of a log line (after 0x1D). Names are upper-case; a value runs up to
 * the next ` NAME=` because interpreted values may hold spaces and braces (`SADDR={ ... }`).
 *
 * @example scanEnriched('ARCH=x86_64 SYSCALL=openat').fields.length // → 2
 */
export function scanEnriched(text: string, start = 0, end = text.length): ScannedBody {
  const fields: AuditField[] = [];
  let sepStart = start;
  let i = start;
  while (i < end) {
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    const nameStart = i;
    while (i < end && isEnrichedNameChar(text.charCodeAt(i))) i++;
    if (i === nameStart || i >= end || text.charCodeAt(i) !== EQ) {
      i = nextSpace(text, i, end);
      continue;
    }
    const name = text.slice(nameStart, i);
    const valueStart = i + 1;
    let j = nextSpace(text, valueStart, end);
    while (j < end && !startsEnrichedField(text, j + 1, end)) j = nextSpace(text, j + 1, end);
    const raw = text.slice(valueStart, j);
    const n = raw.length;
    const quoted = n >= 2 && raw.charCodeAt(0) === QUOTE && raw.charCodeAt(n - 1) === QUOTE;
    fields.push({
      name,
      raw,
      value: quoted ? raw.slice(1, -1) : raw,
      form: quoted ? 'quoted' : 'bare',
      inMsg: false,
      sep: text.slice(sepStart, nameStart),
    });
    sepStart = j;
    i = j;
  }
  return { fields, tail: text.slice(sepStart, end) };
}

/** `(null)` and `(none)` keep their `)` inside a message, as libauparse reads them. */
function isNullToken(text: string, start: number, end: number): boolean {
  return end - start === 6 && (text.startsWith('(null)', start) || text.startsWith('(none)', start));
}

function nextSpace(text: string, i: number, end: number): number {
  while (i < end && text.charCodeAt(i) !== SPACE) i++;
  return i;
}

function isEnrichedNameChar(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d;
}

function startsEnrichedField(text: string, i: number, end: number): boolean {
  const first = i;
  while (i < end && isEnrichedNameChar(text.charCodeAt(i))) i++;
  return i > first && i < end && text.charCodeAt(i) === EQ;
}
