import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import type { RecordTime } from './types.js';

/** The parsed `audit(SEC.MS:SERIAL):` header and where the body starts. */
export interface RecordHeader {
  readonly time: RecordTime;
  readonly serial: number;
  /** Index of the first body character (just after the `:` that follows `)`). */
  readonly bodyStart: number;
  /**
   * False for the old daemon records auditd wrote itself without the colon
   * (`type=DAEMON_CONFIG msg=audit(1490239800.477:34) config changed, ...`).
   */
  readonly colon: boolean;
}

const MAX_SEC = Number.MAX_SAFE_INTEGER;

/**
 * Reads `audit(SEC.MSEC:SERIAL):` at `start` (reference §4.1). Numbers are canonical decimal
 * (no sign, no leading zero) and MSEC has exactly 3 digits, as `%llu.%03lu:%u` prints them, so
 * that the header formats back to the same characters.
 *
 * @example parseHeader('audit(1700000000.123:4242): arch=c000003e', 0).serial // → 4242
 */
export function parseHeader(text: string, start: number): RecordHeader {
  readHeader(text, start);
  return { time: { sec: header.sec, msec: header.msec }, serial: header.serial, bodyStart: header.bodyStart, colon: header.colon };
}

/**
 * What the last `readHeader` read (one module object, so that the parsers' hot path makes no
 * header object per record).
 */
export const header = { sec: 0, msec: 0, serial: 0, bodyStart: 0, colon: true };

/** `parseHeader` into the module's `header` object. */
export function readHeader(text: string, start: number): void {
  if (!text.startsWith('audit(', start)) throw bad('record does not start with "audit("', start);
  let i = start + 6;
  const sec = readDecimal(text, i, 'time.sec');
  i = decimalEnd;
  expect(text, i, 0x2e, '"." after the seconds');
  const msecStart = i + 1;
  const msec = readDecimal(text, msecStart, 'time.msec', true);
  if (decimalEnd - msecStart !== 3) throw bad('milliseconds need exactly 3 digits', msecStart, 'time.msec');
  i = decimalEnd;
  expect(text, i, 0x3a, '":" after the milliseconds');
  const serial = readDecimal(text, i + 1, 'serial');
  i = decimalEnd;
  expect(text, i, 0x29, '")" after the serial');
  if (serial > 0xffffffff) throw bad('serial is above 2^32-1', i - 1, 'serial');
  const next = text.charCodeAt(i + 1);
  const colon = next === 0x3a;
  if (!colon && i + 1 < text.length && next !== 0x20 && next !== 0x1d && next !== 0x0a) throw bad('expected ":" after "audit(...)"', i + 1);
  header.sec = sec;
  header.msec = msec;
  header.serial = serial;
  header.bodyStart = colon ? i + 2 : i + 1;
  header.colon = colon;
}

/**
 * `audit(SEC.MSEC:SERIAL):` for a time and serial (without the colon when `colon` is false).
 *
 * @example formatHeader({ sec: 1, msec: 5 }, 7) // → 'audit(1.005:7):'
 */
export function formatHeader(time: RecordTime, serial: number, colon = true): string {
  const ms = time.msec < 10 ? `00${time.msec}` : time.msec < 100 ? `0${time.msec}` : `${time.msec}`;
  return `audit(${time.sec}.${ms}:${serial})${colon ? ':' : ''}`;
}

/** Where the last `readDecimal` stopped (a module variable, so that no `{ value, end }` object is made per number). */
let decimalEnd = 0;

function readDecimal(text: string, start: number, path: string, leadingZeros = false): number {
  let i = start;
  let value = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    value = value * 10 + (c - 0x30);
    i++;
  }
  if (i === start) throw bad('expected a decimal number', start, path);
  if (!leadingZeros && i - start > 1 && text.charCodeAt(start) === 0x30) throw bad('number has a leading zero', start, path);
  if (value > MAX_SEC) throw bad('number is too large', start, path);
  decimalEnd = i;
  return value;
}

function expect(text: string, i: number, code: number, what: string): void {
  if (text.charCodeAt(i) !== code) throw bad(`expected ${what}`, i);
}

function bad(message: string, offset: number, path = 'header'): AuditError {
  return new AuditError(AuditErrorCode.BAD_RECORD, message, { offset, path });
}
