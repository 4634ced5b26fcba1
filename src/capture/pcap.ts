import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import { peekU16, peekU32 } from '../bytes/reader.js';
import { copyingStep, unread } from './framer.js';
import type { FrameStep, Framer } from './framer.js';
import { packetView } from './packet.js';
import type { PcapContainer } from './types.js';
import { ReusedDatagramView } from './view.js';

/**
 * Classic libpcap savefiles (pcap-savefile(5)): a 24-byte global header in the writer's byte
 * order, then 16-byte record headers each followed by `incl_len` bytes.
 */
export const PCAP_MAGIC_US = 0xa1b2c3d4;
export const PCAP_MAGIC_NS = 0xa1b23c4d;
const GLOBAL_HEADER = 24;
const RECORD_HEADER = 16;
/** Bytes looked at to accept a record header while resynchronising: the header and a SLL2 pseudo-header. */
const RESYNC_WINDOW = RECORD_HEADER + 20;

export interface PcapFramerOptions {
  /** Netlink byte order; default: the file's byte order (the capturing host wrote both). */
  readonly littleEndian?: boolean;
  readonly maxPacketBytes: number;
}

/**
 * Byte order and resolution of a pcap magic, or `undefined` if the four bytes are not one.
 *
 * @example pcapMagic(Uint8Array.of(0x4d, 0x3c, 0xb2, 0xa1)) // → { littleEndian: true, nano: true }
 */
export function pcapMagic(bytes: Uint8Array): { littleEndian: boolean; nano: boolean } | undefined {
  if (bytes.length < 4) return undefined;
  for (const littleEndian of [true, false]) {
    const m = peekU32(bytes, 0, littleEndian);
    if (m === PCAP_MAGIC_US) return { littleEndian, nano: false };
    if (m === PCAP_MAGIC_NS) return { littleEndian, nano: true };
  }
  return undefined;
}

export class PcapFramer implements Framer {
  private header: { fileLE: boolean; nano: boolean; linkType: number } | undefined;
  private container_: PcapContainer | undefined;
  private index = 0;
  /** After a corrupt record header: scan for the next plausible one instead of trusting lengths. */
  private resyncing = false;
  private readonly opts: PcapFramerOptions;
  private readonly scratch = new ReusedDatagramView();

  constructor(opts: PcapFramerOptions) {
    this.opts = opts;
  }

  /** The global header, once read. */
  container(): PcapContainer | undefined {
    return this.container_;
  }

  step(view: Uint8Array, base: number, ended: boolean): FrameStep | undefined {
    return copyingStep(this, this.scratch, view, base, ended);
  }

  stepView(bytes: Uint8Array, at: number, end: number, base: number, ended: boolean, out: ReusedDatagramView): number | FrameStep | undefined {
    if (this.header === undefined) return this.globalHeader(unread(bytes, at, end), base, ended);
    if (this.resyncing) {
      const found = this.resync(unread(bytes, at, end), base, ended);
      if (found !== null) return found;
    }
    const available = end - at;
    if (available < RECORD_HEADER) return ended ? this.truncated(available, base, RECORD_HEADER) : undefined;
    const { fileLE, nano } = this.header;
    const incl = peekU32(bytes, at + 8, fileLE);
    const fracOk = peekU32(bytes, at + 4, fileLE) < (nano ? 1_000_000_000 : 1_000_000);
    if (fracOk && incl > this.opts.maxPacketBytes) {
      const error = new AuditError(AuditErrorCode.LIMIT, `pcap packet of ${incl} bytes over maxPacketBytes ${this.opts.maxPacketBytes}`, {
        offset: base,
        path: `packet[${this.index++}].incl_len`,
        expected: this.opts.maxPacketBytes,
        actual: incl,
      });
      // An over-limit length is as likely corrupt as real: find the next record by its shape
      // (which also passes over a real oversized packet without buffering it).
      this.resyncing = true;
      return { consumed: 1, item: { kind: 'error', error } };
    }
    if (!this.plausible(bytes, at)) {
      this.resyncing = true;
      const error = new AuditError(AuditErrorCode.BAD_CAPTURE, `implausible pcap record header (incl_len ${incl})`, {
        offset: base,
        path: `packet[${this.index}]`,
        actual: incl,
      });
      return { consumed: 1, item: { kind: 'error', error } };
    }
    if (available < RECORD_HEADER + incl) return ended ? this.truncated(available, base, RECORD_HEADER + incl) : undefined;
    return this.record(bytes, at, base, incl, out);
  }

  private globalHeader(view: Uint8Array, base: number, ended: boolean): FrameStep | undefined {
    if (view.length < GLOBAL_HEADER) return ended ? this.truncated(view.length, base, GLOBAL_HEADER) : undefined;
    const magic = pcapMagic(view);
    if (magic === undefined) {
      const error = new AuditError(AuditErrorCode.BAD_CAPTURE, 'not a pcap magic number', { offset: base, path: 'pcap.magic' });
      return { consumed: view.length, item: { kind: 'error', error } };
    }
    // The link type's upper bits may carry FCS information (pcap-savefile(5)).
    const linkTypeField = peekU32(view, 20, magic.littleEndian);
    const linkType = linkTypeField & 0xffff;
    this.header = { fileLE: magic.littleEndian, nano: magic.nano, linkType };
    this.container_ = {
      format: 'pcap',
      littleEndian: magic.littleEndian,
      nanosecond: magic.nano,
      versionMajor: peekU16(view, 4, magic.littleEndian),
      versionMinor: peekU16(view, 6, magic.littleEndian),
      snapLen: peekU32(view, 16, magic.littleEndian),
      linkType,
      linkTypeField,
    };
    return { consumed: GLOBAL_HEADER };
  }

  private plausible(view: Uint8Array, at: number): boolean {
    const { fileLE, nano } = this.header!;
    const frac = peekU32(view, at + 4, fileLE);
    const incl = peekU32(view, at + 8, fileLE);
    const orig = peekU32(view, at + 12, fileLE);
    return frac < (nano ? 1_000_000_000 : 1_000_000) && incl <= this.opts.maxPacketBytes && orig >= incl;
  }

  /** After corruption lengths alone are weak evidence, so also want the pseudo-header's ARPHRD_NETLINK. */
  private resyncCandidate(view: Uint8Array, at: number): boolean {
    if (!this.plausible(view, at)) return false;
    const hatypeAt = at + RECORD_HEADER + (this.header!.linkType === 276 ? 8 : 2);
    return view[hatypeAt] === 0x03 && view[hatypeAt + 1] === 0x38;
  }

  /** What to do while resynchronising; `null` once a plausible record header starts `view` (read it as usual). */
  private resync(view: Uint8Array, base: number, ended: boolean): FrameStep | undefined | null {
    for (let at = 0; at + RESYNC_WINDOW <= view.length; at++) {
      if (this.resyncCandidate(view, at)) {
        if (at > 0) return { consumed: at };
        this.resyncing = false;
        return null;
      }
    }
    const keep = RESYNC_WINDOW - 1;
    if (ended) return view.length === 0 ? undefined : { consumed: view.length };
    return view.length > keep ? { consumed: view.length - keep } : undefined;
  }

  /** The complete record at `bytes[at]`: its datagram described in `out` (returns the bytes consumed), or a notice or error. */
  private record(bytes: Uint8Array, at: number, base: number, incl: number, out: ReusedDatagramView): number | FrameStep {
    const { fileLE, nano, linkType } = this.header!;
    const index = this.index++;
    const consumed = RECORD_HEADER + incl;
    const other = packetView(out, bytes, at + RECORD_HEADER, at + consumed, base + RECORD_HEADER, index, linkType);
    if (other !== undefined) return { consumed, item: other };
    const frac = peekU32(bytes, at + 4, fileLE);
    const orig = peekU32(bytes, at + 12, fileLE);
    out.index = index;
    out.littleEndian = this.opts.littleEndian ?? fileLE;
    // plausible() saw the fraction below one second, so these are seconds and nanoseconds as they
    // are; `| 0` (exact below 10^9) keeps the product a small integer, which V8 stores unboxed.
    out.setTime(peekU32(bytes, at, fileLE), nano ? frac : (frac * 1000) | 0);
    out.originalLength = orig === incl ? undefined : orig;
    out.interfaceId = undefined;
    return consumed;
  }

  private truncated(available: number, base: number, need: number): FrameStep | undefined {
    if (available === 0) return undefined;
    const error = new AuditError(AuditErrorCode.TRUNCATED, `pcap input ends inside a record: needs ${need} bytes, ${available} left`, {
      offset: base,
      path: this.header === undefined ? 'pcap.header' : `packet[${this.index}]`,
      expected: need,
      actual: available,
    });
    return { consumed: available, item: { kind: 'error', error } };
  }
}
