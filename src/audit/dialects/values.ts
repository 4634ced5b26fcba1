import { AuditError, AuditErrorCode } from '../../bytes/errors.js';
import { formatContidList, parseContidList, type ContidList } from './contid.js';
import { readDecimal, readUntrusted, untrustedValue } from './fields.js';
import { formatDev, parseDev, type DevNumber } from './ns-inodes.js';
import type { ValueCodec } from './typed-record.js';

/** Value codecs for the typed record tables: how each kind of field prints. */

function intCodec(min: bigint, max: bigint): ValueCodec<number> {
  return {
    parse: (text, base, path) => Number(readDecimal(text, min, max, base, path)),
    format: (v) => {
      if (!Number.isInteger(v) || BigInt(v) < min || BigInt(v) > max) {
        throw new AuditError(AuditErrorCode.ENCODE, `${v} is not an integer in [${min}, ${max}]`);
      }
      return String(v);
    },
  };
}

/** `%u` of a u32. */
export const u32Value: ValueCodec<number> = intCodec(0n, 0xffffffffn);
/** `%d` of an int (pids). */
export const i32Value: ValueCodec<number> = intCodec(-0x80000000n, 0x7fffffffn);

/** A bare token printed with `%s` (`op=set`, LSM contexts): kept as text, no spaces. */
export const wordValue: ValueCodec<string> = {
  parse: (text) => text,
  format: (v) => {
    if (v === '' || /\s/.test(v)) throw new AuditError(AuditErrorCode.ENCODE, `token ${JSON.stringify(v)} is empty or has white space`);
    return v;
  },
};

/** An untrusted string (`comm=`, `exe=`, `key=`) as text; `(null)` is null. */
export const untrustedTextValue: ValueCodec<string | null> = {
  parse: (text, base, path) => {
    const bytes = readUntrusted(text, base, path);
    return bytes === null ? null : new TextDecoder().decode(bytes);
  },
  format: (v) => untrustedValue(v),
};

/** `dev=MAJ:MIN`. */
export const devValue: ValueCodec<DevNumber> = { parse: parseDev, format: formatDev };

/** A ghak90 `contid=` list (one ID, `-1`, or the v11 nesting list). */
export const contidListValue: ValueCodec<ContidList> = { parse: parseContidList, format: formatContidList };

const U128_MAX = (1n << 128n) - 1n;

/**
 * The 2017 RFC's 128-bit container ID: 32 lower-case hex digits (UUID-sized, no dashes), or `-1`
 * (`-1n`) for unset. This spelling is the library's own; the RFC published none.
 */
export const contid128Value: ValueCodec<bigint> = {
  parse: (text, base, path) => {
    if (text === '-1') return -1n;
    if (!/^[0-9a-f]{32}$/.test(text)) {
      throw new AuditError(AuditErrorCode.BAD_VALUE, `128-bit contid must be 32 lower-case hex digits or -1: ${JSON.stringify(text)}`, { offset: base, path });
    }
    return BigInt(`0x${text}`);
  },
  format: (v) => {
    if (v === -1n) return '-1';
    if (v < 0n || v > U128_MAX) throw new AuditError(AuditErrorCode.ENCODE, `contid ${v} does not fit in 128 bits`, { path: 'contid' });
    return v.toString(16).padStart(32, '0');
  },
};
