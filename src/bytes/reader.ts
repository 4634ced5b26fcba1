import { truncated } from './errors.js';

/**
 * A cursor over a `Uint8Array` with an explicit byte order.
 *
 * `base` is the absolute offset of `bytes[0]` in whatever the caller decodes (a datagram, a
 * capture file), so that errors thrown deep inside a struct still point at the right byte.
 * Reads past the end throw `AUDIT_ERR_TRUNCATED`; nothing is allocated from a length before the
 * bytes it claims have been checked to be there.
 */
export class ByteReader {
  readonly bytes: Uint8Array;
  readonly littleEndian: boolean;
  readonly base: number;
  readonly path: string;
  offset = 0;
  private readonly view: DataView;

  constructor(bytes: Uint8Array, littleEndian: boolean, base = 0, path = '') {
    this.bytes = bytes;
    this.littleEndian = littleEndian;
    this.base = base;
    this.path = path;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  /** Absolute offset of the cursor, for error reports. */
  get position(): number {
    return this.base + this.offset;
  }

  need(n: number, what: string, field = ''): void {
    if (n > this.remaining) throw truncated(what, this.position, n, this.remaining, this.fieldPath(field));
  }

  fieldPath(field: string): string {
    if (field === '') return this.path;
    return this.path === '' ? field : `${this.path}.${field}`;
  }

  u8(field = ''): number {
    this.need(1, 'u8', field);
    return this.bytes[this.offset++]!;
  }

  u16(field = ''): number {
    this.need(2, 'u16', field);
    const v = this.view.getUint16(this.offset, this.littleEndian);
    this.offset += 2;
    return v;
  }

  u32(field = ''): number {
    this.need(4, 'u32', field);
    const v = this.view.getUint32(this.offset, this.littleEndian);
    this.offset += 4;
    return v;
  }

  i32(field = ''): number {
    this.need(4, 'i32', field);
    const v = this.view.getInt32(this.offset, this.littleEndian);
    this.offset += 4;
    return v;
  }

  u64(field = ''): bigint {
    this.need(8, 'u64', field);
    const v = this.view.getBigUint64(this.offset, this.littleEndian);
    this.offset += 8;
    return v;
  }

  /** A borrowed view of the next `n` bytes (valid as long as the caller's buffer is). */
  borrow(n: number, field = ''): Uint8Array {
    this.need(n, `${n}-byte field`, field);
    const v = this.bytes.subarray(this.offset, this.offset + n);
    this.offset += n;
    return v;
  }

  /** A copy of the next `n` bytes. */
  copy(n: number, field = ''): Uint8Array {
    return this.borrow(n, field).slice();
  }

  /** A borrowed view of everything left. */
  rest(): Uint8Array {
    const v = this.bytes.subarray(this.offset);
    this.offset = this.bytes.length;
    return v;
  }

  skip(n: number, field = ''): void {
    this.need(n, `${n} bytes`, field);
    this.offset += n;
  }
}

/** Read a u32 at `offset` without a cursor (hot paths such as the framing walk). */
export function peekU32(bytes: Uint8Array, offset: number, littleEndian: boolean): number {
  const a = bytes[offset]!;
  const b = bytes[offset + 1]!;
  const c = bytes[offset + 2]!;
  const d = bytes[offset + 3]!;
  return littleEndian ? (a | (b << 8) | (c << 16) | (d << 24)) >>> 0 : ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

export function peekU16(bytes: Uint8Array, offset: number, littleEndian: boolean): number {
  const a = bytes[offset]!;
  const b = bytes[offset + 1]!;
  return littleEndian ? a | (b << 8) : (a << 8) | b;
}
