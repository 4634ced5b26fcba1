import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import { peekU32 } from '../bytes/reader.js';
import type { FrameStep, Framer } from './framer.js';
import type { CapturedDatagram, Direction } from './types.js';

/**
 * The raw datagram format (docs/captures.md): a 12-byte file header — the 8 bytes `AUDITNL\x01`,
 * a flags byte (bit 0: the netlink inside is little-endian) and three zero bytes — then one record
 * per datagram: `u32 length` (big-endian), `u8 direction` (0 unknown, 1 to the kernel, 2 from it),
 * three zero bytes, and `length` bytes of datagram. Without the magic, the input is read as bare
 * concatenated netlink messages, split by `nlmsg_len` (strict framing only: the unicast length
 * quirk cannot be split this way).
 */
export const RAW_MAGIC: Uint8Array = Uint8Array.of(0x41, 0x55, 0x44, 0x49, 0x54, 0x4e, 0x4c, 0x01);
export const RAW_HEADER_LENGTH = 12;
export const RAW_RECORD_HEADER_LENGTH = 8;
export const RAW_DIRECTION: readonly (Direction | undefined)[] = [undefined, 'to-kernel', 'from-kernel'];

export interface RawFramerOptions {
  readonly littleEndian?: boolean;
  readonly maxPacketBytes: number;
}

export class RawFramer implements Framer {
  private mode: 'start' | 'framed' | 'bare' | 'broken' = 'start';
  private le: boolean;
  private index = 0;
  private readonly opts: RawFramerOptions;

  constructor(opts: RawFramerOptions) {
    this.opts = opts;
    this.le = opts.littleEndian ?? true;
  }

  step(view: Uint8Array, base: number, ended: boolean): FrameStep | undefined {
    if (this.mode === 'broken') return view.length === 0 ? undefined : { consumed: view.length };
    if (this.mode === 'start') {
      if (view.length < RAW_HEADER_LENGTH && !ended) return undefined;
      if (RAW_MAGIC.every((b, i) => view[i] === b) && view.length >= RAW_HEADER_LENGTH) {
        this.mode = 'framed';
        this.le = this.opts.littleEndian ?? (view[8]! & 1) === 1;
        return { consumed: RAW_HEADER_LENGTH };
      }
      this.mode = 'bare';
    }
    return this.mode === 'framed' ? this.framed(view, base, ended) : this.bare(view, base, ended);
  }

  private framed(view: Uint8Array, base: number, ended: boolean): FrameStep | undefined {
    if (view.length < RAW_RECORD_HEADER_LENGTH) return this.short(view, base, ended, RAW_RECORD_HEADER_LENGTH);
    const len = peekU32(view, 0, false);
    if (len > this.opts.maxPacketBytes) return this.broken(AuditErrorCode.LIMIT, `raw record length ${len} above the limit ${this.opts.maxPacketBytes}`, base, len);
    if (view.length < RAW_RECORD_HEADER_LENGTH + len) return this.short(view, base, ended, RAW_RECORD_HEADER_LENGTH + len);
    const direction = RAW_DIRECTION[view[4]!];
    const datagram: CapturedDatagram = {
      bytes: view.slice(RAW_RECORD_HEADER_LENGTH, RAW_RECORD_HEADER_LENGTH + len),
      index: this.index++,
      offset: base + RAW_RECORD_HEADER_LENGTH,
      littleEndian: this.le,
      ...(direction === undefined ? {} : { direction }),
    };
    return { consumed: RAW_RECORD_HEADER_LENGTH + len, item: { kind: 'datagram', datagram } };
  }

  private bare(view: Uint8Array, base: number, ended: boolean): FrameStep | undefined {
    if (view.length < 16) return this.short(view, base, ended, 16);
    const len = peekU32(view, 0, this.le);
    if (len < 16) return this.broken(AuditErrorCode.BAD_LENGTH, `nlmsg_len ${len} < NLMSG_HDRLEN 16 in bare netlink`, base, len);
    if (len > this.opts.maxPacketBytes) return this.broken(AuditErrorCode.LIMIT, `nlmsg_len ${len} above the limit ${this.opts.maxPacketBytes}`, base, len);
    const padded = (len + 3) & ~3;
    // The last message of a file may lack its alignment padding.
    const take = view.length >= padded ? padded : ended && view.length >= len ? view.length : -1;
    if (take < 0) return this.short(view, base, ended, padded);
    // The alignment padding stays with its message, as it travelled in the kernel's datagram.
    const datagram: CapturedDatagram = { bytes: view.slice(0, take), index: this.index++, offset: base, littleEndian: this.le };
    return { consumed: take, item: { kind: 'datagram', datagram } };
  }

  /** A bad length leaves no way to find the next boundary: report it and drop the rest. */
  private broken(code: AuditErrorCode, message: string, base: number, actual: number): FrameStep {
    this.mode = 'broken';
    return { consumed: 1, item: { kind: 'error', error: new AuditError(code, message, { offset: base, path: `datagram[${this.index}]`, actual }) } };
  }

  private short(view: Uint8Array, base: number, ended: boolean, need: number): FrameStep | undefined {
    if (!ended || view.length === 0) return undefined;
    const error = new AuditError(AuditErrorCode.TRUNCATED, `raw input ends inside a datagram: needs ${need} bytes, ${view.length} left`, {
      offset: base,
      path: `datagram[${this.index}]`,
      expected: need,
      actual: view.length,
    });
    return { consumed: view.length, item: { kind: 'error', error } };
  }
}
