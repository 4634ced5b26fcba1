import { SmartBuffer } from 'smart-buffer';
import { AuditError, AuditErrorCode } from './errors.js';

/**
 * Builds frames with an explicit byte order on top of smart-buffer.
 *
 * smart-buffer grows with `Buffer.allocUnsafe`, so every byte this writer leaves behind is
 * written explicitly: padding and reserved bytes go through `zeros()`, never through a skip.
 */
export class ByteWriter {
  readonly littleEndian: boolean;
  private readonly sb: SmartBuffer;

  constructor(littleEndian: boolean, sizeHint = 256) {
    this.littleEndian = littleEndian;
    this.sb = SmartBuffer.fromSize(Math.max(16, sizeHint));
  }

  get length(): number {
    return this.sb.length;
  }

  u8(v: number, field = 'u8'): this {
    checkRange(v, 0, 0xff, field);
    this.sb.writeUInt8(v);
    return this;
  }

  u16(v: number, field = 'u16'): this {
    checkRange(v, 0, 0xffff, field);
    if (this.littleEndian) this.sb.writeUInt16LE(v);
    else this.sb.writeUInt16BE(v);
    return this;
  }

  u32(v: number, field = 'u32'): this {
    checkRange(v, 0, 0xffffffff, field);
    if (this.littleEndian) this.sb.writeUInt32LE(v);
    else this.sb.writeUInt32BE(v);
    return this;
  }

  i32(v: number, field = 'i32'): this {
    checkRange(v, -0x80000000, 0x7fffffff, field);
    if (this.littleEndian) this.sb.writeInt32LE(v);
    else this.sb.writeInt32BE(v);
    return this;
  }

  u64(v: bigint, field = 'u64'): this {
    if (v < 0n || v > 0xffffffffffffffffn) {
      throw new AuditError(AuditErrorCode.ENCODE, `${field} ${v} does not fit in u64`, { path: field });
    }
    if (this.littleEndian) this.sb.writeBigUInt64LE(v);
    else this.sb.writeBigUInt64BE(v);
    return this;
  }

  bytes(b: Uint8Array): this {
    if (b.length > 0) this.sb.writeBuffer(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
    return this;
  }

  zeros(n: number): this {
    if (n > 0) this.sb.writeBuffer(Buffer.alloc(n));
    return this;
  }

  /** Zero bytes up to the next multiple of `align` (NLMSG_ALIGN is 4). */
  align(align = 4): this {
    return this.zeros((align - (this.length % align)) % align);
  }

  /** Overwrite a u32 already written at `offset` (used for length fields known only at the end). */
  patchU32(offset: number, v: number, field = 'u32'): this {
    checkRange(v, 0, 0xffffffff, field);
    if (this.littleEndian) this.sb.writeUInt32LE(v, offset);
    else this.sb.writeUInt32BE(v, offset);
    return this;
  }

  /** The bytes written so far, as a fresh `Uint8Array` that owns its memory. */
  finish(): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(this.sb.length);
    out.set(this.sb.toBuffer());
    return out;
  }
}

function checkRange(v: number, min: number, max: number, field: string): void {
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new AuditError(AuditErrorCode.ENCODE, `${field} ${v} is not an integer in [${min}, ${max}]`, { path: field });
  }
}

/** Encode into exactly `size` bytes and check that the encoder wrote that many. */
export function encodeExact(size: number, littleEndian: boolean, write: (w: ByteWriter) => void, what: string): Uint8Array<ArrayBuffer> {
  const w = new ByteWriter(littleEndian, size);
  write(w);
  if (w.length !== size) {
    throw new AuditError(AuditErrorCode.ENCODE, `${what}: encoder wrote ${w.length} bytes, size() said ${size}`, {
      expected: size,
      actual: w.length,
    });
  }
  return w.finish();
}
