import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import { peekU16, peekU32 } from '../bytes/reader.js';
import type { FrameStep, Framer } from './framer.js';
import type { PcapContainer } from './types.js';
import { packetItem, type PacketMeta } from './packet.js';

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

  constructor(opts: PcapFramerOptions) {
    this.opts = opts;
  }

  /** The global header, once read. */
  container(): PcapContainer | undefined {
    return this.container_;
  }

  step(view: Uint8Array, base: number, ended: boolean): FrameStep | undefined {
    if (this.header === undefined) return this.globalHeader(view, base, ended);
    if (this.resyncing) return this.resync(view, base, ended);
    if (view.length < RECORD_HEADER) return ended ? this.truncated(view, base, RECORD_HEADER) : undefined;
    const { fileLE, nano } = this.header;
    const incl = peekU32(view, 8, fileLE);
    const fracOk = peekU32(view, 4, fileLE) < (nano ? 1_000_000_000 : 1_000_000);
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
    if (!this.plausible(view, 0)) {
      this.resyncing = true;
      const error = new AuditError(AuditErrorCode.BAD_CAPTURE, `implausible pcap record header (incl_len ${incl})`, {
        offset: base,
        path: `packet[${this.index}]`,
        actual: incl,
      });
      return { consumed: 1, item: { kind: 'error', error } };
    }
    if (view.length < RECORD_HEADER + incl) return ended ? this.truncated(view, base, RECORD_HEADER + incl) : undefined;
    return this.record(view, base);
  }

  private globalHeader(view: Uint8Array, base: number, ended: boolean): FrameStep | undefined {
    if (view.length < GLOBAL_HEADER) return ended ? this.truncated(view, base, GLOBAL_HEADER) : undefined;
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

  private resync(view: Uint8Array, base: number, ended: boolean): FrameStep | undefined {
    for (let at = 0; at + RESYNC_WINDOW <= view.length; at++) {
      if (this.resyncCandidate(view, at)) {
        this.resyncing = false;
        return at === 0 ? this.step(view, base, ended) : { consumed: at };
      }
    }
    const keep = RESYNC_WINDOW - 1;
    if (ended) return view.length === 0 ? undefined : { consumed: view.length };
    return view.length > keep ? { consumed: view.length - keep } : undefined;
  }

  private record(view: Uint8Array, base: number): FrameStep {
    const { fileLE, nano, linkType } = this.header!;
    const sec = peekU32(view, 0, fileLE);
    const frac = peekU32(view, 4, fileLE);
    const incl = peekU32(view, 8, fileLE);
    const orig = peekU32(view, 12, fileLE);
    const timestampNs = BigInt(sec) * 1_000_000_000n + BigInt(frac) * (nano ? 1n : 1000n);
    const index = this.index++;
    const offset = base + RECORD_HEADER;
    const littleEndian = this.opts.littleEndian ?? fileLE;
    const meta: PacketMeta =
      orig === incl ? { index, offset, linkType, littleEndian, timestampNs } : { index, offset, linkType, littleEndian, timestampNs, originalLength: orig };
    const item = packetItem(view.subarray(RECORD_HEADER, RECORD_HEADER + incl), meta);
    return { consumed: RECORD_HEADER + incl, item };
  }

  private truncated(view: Uint8Array, base: number, need: number): FrameStep | undefined {
    if (view.length === 0) return undefined;
    const error = new AuditError(AuditErrorCode.TRUNCATED, `pcap input ends inside a record: needs ${need} bytes, ${view.length} left`, {
      offset: base,
      path: this.header === undefined ? 'pcap.header' : `packet[${this.index}]`,
      expected: need,
      actual: view.length,
    });
    return { consumed: view.length, item: { kind: 'error', error } };
  }
}
