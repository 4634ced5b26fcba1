import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import { toHexUpper } from '../bytes/hex.js';
import { formatHeader } from './header.js';
import { formatFields } from './format.js';
import { parseLogLine, recordTypeName } from './parse.js';
import type { ParseOptions } from './scan.js';
import { utf8Bytes } from './text.js';
import { isUntrustedField, UNTRUSTED_FIELDS } from './untrusted.js';
import type { AuditRecord, RecordTime } from './types.js';

/** A field handed to `buildRecord`. */
export interface FieldInput {
  readonly name: string;
  /**
   * A string is written per the field's kind: untrusted names (`comm`, `name`, EXECVE `aN`, ...)
   * are quoted or hex-encoded; others are written bare. Numbers and bigints are decimal.
   * Bytes are hex. `null` is `(null)` for untrusted names and `?` otherwise.
   */
  readonly value: string | number | bigint | Uint8Array | null;
  /** Put the field inside the user message's `msg='...'`. */
  readonly inMsg?: boolean;
}

/** What `buildRecord` needs. */
export interface RecordInput extends ParseOptions {
  readonly type: number;
  readonly time: RecordTime;
  readonly serial: number;
  readonly node?: string;
  /** Defaults to `recordTypeName(type)`. */
  readonly typeName?: string;
  readonly fields: readonly FieldInput[];
  /** ENRICHED fields, written as given (`{ name: 'AUID', raw: '"root"' }`). */
  readonly enriched?: readonly { readonly name: string; readonly raw: string }[];
}

/**
 * True if the kernel would hex-encode these bytes: any `"`, any byte below 0x21 or above 0x7E
 * (`audit_string_contains_control`, reference §4.3).
 *
 * @example needsHex(new TextEncoder().encode('a b')) // → true
 */
export function needsHex(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x22 || b < 0x21 || b > 0x7e) return true;
  }
  return false;
}

/**
 * An untrusted string written as `audit_log_n_untrustedstring` writes it.
 *
 * @example encodeUntrusted('/tmp/a b') // → '2F746D702F612062'
 * @example encodeUntrusted('bash')     // → '"bash"'
 */
export function encodeUntrusted(value: string | Uint8Array): string {
  const bytes = typeof value === 'string' ? utf8Bytes(value) : value;
  if (needsHex(bytes)) return toHexUpper(bytes);
  let s = '"';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return `${s}"`;
}

/**
 * A record built by code, written the way the kernel (or libaudit, inside `msg='...'`) writes
 * it, then read back so that the result is exactly what a parser of that text returns.
 *
 * @example
 * buildRecord({ type: 1307, time: { sec: 1, msec: 0 }, serial: 2, fields: [{ name: 'cwd', value: '/a b' }] })
 * // formats as 'audit(1.000:2): cwd=2F612062'
 */
export function buildRecord(input: RecordInput): AuditRecord {
  const untrusted = input.untrusted ?? UNTRUSTED_FIELDS;
  const typeName = input.typeName ?? recordTypeName(input.type);
  let body = '';
  let inMsg = false;
  let msgClosed = false;
  input.fields.forEach((f, index) => {
    const path = `fields[${index}]`;
    checkName(f.name, path);
    const wantMsg = f.inMsg === true;
    let sep = ' ';
    if (wantMsg && !inMsg) {
      if (msgClosed) throw encodeError('only one msg=\'...\' block per record', `${path}.inMsg`);
      sep = " msg='";
      inMsg = true;
    } else if (!wantMsg && inMsg) {
      sep = "' ";
      inMsg = false;
      msgClosed = true;
    }
    const raw = encodeValue(input.type, f, untrusted, path);
    if (wantMsg && (f.name.charCodeAt(0) === 0x28 || raw.endsWith(',') || (raw.endsWith(')') && raw !== '(null)' && raw !== '(none)'))) {
      throw encodeError("inside msg='...' a name cannot start with ( and a bare value cannot end with , or )", path);
    }
    if (!wantMsg && f.name === 'msg' && raw.startsWith("'")) throw encodeError("a bare msg= value cannot start with '", `${path}.value`);
    if (msgClosed && !inMsg && (raw.includes("'") || f.name.includes("'"))) {
      throw encodeError("a field after msg='...' cannot contain '", path);
    }
    body += `${sep}${f.name}=${raw}`;
  });
  const tail = inMsg ? "'" : input.fields.length === 0 ? ' ' : '';
  let line = `${input.node === undefined ? '' : `node=${input.node} `}type=${typeName} msg=${formatHeader(input.time, input.serial)}${body}${tail}`;
  if (input.enriched !== undefined) {
    input.enriched.forEach((e, i) => {
      if (!/^[A-Z0-9_-]+$/.test(e.name)) throw encodeError('an enriched name is upper-case letters, digits, _ and -', `enriched[${i}].name`);
      if (/[\n\x1d]/.test(e.raw)) throw encodeError('an enriched value cannot hold a newline or 0x1D', `enriched[${i}].raw`);
    });
    line += `\x1d${formatFields(
      input.enriched.map((e, i) => ({ name: e.name, raw: e.raw, value: e.raw, form: 'bare' as const, inMsg: false, sep: i === 0 ? '' : ' ' })),
      '',
    )}`;
  }
  return parseLogLine(line, { untrusted });
}

function encodeValue(type: number, f: FieldInput, untrusted: ReadonlySet<string>, path: string): string {
  const v = f.value;
  const isUntrusted = isUntrustedField(type, f.name, untrusted);
  if (v === null) return isUntrusted ? '(null)' : '?';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (v instanceof Uint8Array) return isUntrusted ? encodeUntrusted(v) : toHexUpper(v);
  if (isUntrusted) return encodeUntrusted(v);
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x1d) throw encodeError('a bare value cannot hold a space, newline or 0x1D', `${path}.value`);
  }
  return v;
}

function checkName(name: string, path: string): void {
  if (name.length === 0) throw encodeError('a field name cannot be empty', `${path}.name`);
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x20 || c === 0x3d || c === 0x0a || c === 0x1d) throw encodeError('a field name cannot hold a space, "=", newline or 0x1D', `${path}.name`);
  }
}

function encodeError(message: string, path: string): AuditError {
  return new AuditError(AuditErrorCode.ENCODE, message, { path });
}
