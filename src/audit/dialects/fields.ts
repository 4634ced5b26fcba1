import { AuditError, AuditErrorCode } from '../../bytes/errors.js';
import { fromHex } from '../../bytes/hex.js';
import { encodeUntrusted } from '../../records/build.js';

/** One `name=value` of a record body; `value` is the text as printed (quotes included). */
export interface RecordField {
  readonly name: string;
  readonly value: string;
}

/**
 * Split a record body into its fields. Only the canonical spelling is accepted (one space between
 * fields, none at either end, every token `name=value`), because the typed records built on it
 * promise to format back to the same text.
 *
 * @example splitFields('op=set opid=1 contid=5') // [{name:'op',value:'set'}, ...]
 */
export function splitFields(body: string, base = 0, path = 'record'): RecordField[] {
  if (body === '') return [];
  const out: RecordField[] = [];
  let at = 0;
  for (const token of body.split(' ')) {
    const eq = token.indexOf('=');
    if (eq <= 0) {
      const what = token === '' ? 'empty field (double, leading or trailing space)' : `field without name=value: ${JSON.stringify(token)}`;
      throw new AuditError(AuditErrorCode.BAD_RECORD, what, { offset: base + at, path: `${path}.fields[${out.length}]` });
    }
    out.push({ name: token.slice(0, eq), value: token.slice(eq + 1) });
    at += token.length + 1;
  }
  return out;
}

/**
 * The body text of `fields`, the exact inverse of `splitFields`.
 *
 * @example joinFields([{ name: 'record', value: '1' }]) // 'record=1'
 */
export function joinFields(fields: readonly RecordField[]): string {
  return fields.map((f) => `${f.name}=${f.value}`).join(' ');
}

/**
 * The first field called `name`, or undefined.
 *
 * @example fieldValue(splitFields('a=1 b=2'), 'b') // '2'
 */
export function fieldValue(fields: readonly RecordField[], name: string): string | undefined {
  for (const f of fields) if (f.name === name) return f.value;
  return undefined;
}

/**
 * How the kernel prints an untrusted string (`comm=`, `key=`, ...): the record layer's
 * `encodeUntrusted` (quoted, or upper-case hex when any byte needs it), and `(null)` for null.
 *
 * @example untrustedValue('container-create') // '"container-create"'
 */
export function untrustedValue(s: string | Uint8Array | null): string {
  return s === null ? '(null)' : encodeUntrusted(s);
}

/**
 * The bytes of an untrusted-string value (`"..."` or hex); `(null)`, `(none)` and `?` give null.
 *
 * @example readUntrusted('"abc"') // Uint8Array [97, 98, 99]
 */
export function readUntrusted(value: string, base = 0, path = 'value'): Uint8Array | null {
  if (value === '(null)' || value === '(none)' || value === '?') return null;
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) return new TextEncoder().encode(value.slice(1, -1));
  try {
    return fromHex(value, base);
  } catch (e) {
    throw new AuditError(AuditErrorCode.BAD_HEX, `untrusted string is neither quoted nor hex: ${JSON.stringify(value)}`, {
      offset: base,
      path,
      cause: e,
    });
  }
}

/**
 * Parse a decimal integer field strictly (optional '-', no leading zeros), as the kernel prints
 * `%d`/`%u`; outside `[min, max]` or malformed is `AUDIT_ERR_BAD_VALUE` at `base`.
 *
 * @example readDecimal('-1', -1n, 10n, 0, 'pid') // -1n
 */
export function readDecimal(value: string, min: bigint, max: bigint, base: number, path: string): bigint {
  if (!/^-?(0|[1-9][0-9]*)$/.test(value) || value === '-0') {
    throw new AuditError(AuditErrorCode.BAD_VALUE, `not a decimal number: ${JSON.stringify(value)}`, { offset: base, path });
  }
  const v = BigInt(value);
  if (v < min || v > max) {
    throw new AuditError(AuditErrorCode.BAD_VALUE, `${value} is outside [${min}, ${max}]`, { offset: base, path });
  }
  return v;
}

/**
 * Offset of field `index`'s value within a single-spaced body (for error offsets).
 *
 * @example valueOffset(splitFields('a=1 bb=2'), 1) // 7
 */
export function valueOffset(fields: readonly RecordField[], index: number): number {
  let at = 0;
  for (let i = 0; i < index; i++) at += fields[i]!.name.length + fields[i]!.value.length + 2;
  return at + (fields[index]?.name.length ?? 0) + 1;
}
