import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import { peekU16, peekU32 } from '../bytes/reader.js';
import type { FrameStep, Framer } from './framer.js';
import { packetItem } from './packet.js';
import { CaptureNoticeCode } from './types.js';
import type { CaptureItem, PcapngContainer, PcapngInterface, PcapngSection } from './types.js';

/**
 * pcapng (draft-ietf-opsawg-pcapng): blocks of `u32 type, u32 total_length, body, u32
 * total_length` in the byte order of the section, which each SHB's byte-order magic declares.
 * Interfaces (IDB) are numbered per section; each has its own link type and timestamp resolution.
 */
export const PCAPNG_SHB = 0x0a0d0d0a;
export const PCAPNG_BOM = 0x1a2b3c4d;

/** Block types this reader acts on, and those it knows and passes over without a notice. */
export const PcapngBlock = { SHB: PCAPNG_SHB, IDB: 1, OPB: 2, SPB: 3, NRB: 4, ISB: 5, EPB: 6, DSB: 10 } as const;
const KNOWN_IGNORED: ReadonlySet<number> = new Set([PcapngBlock.NRB, PcapngBlock.ISB, PcapngBlock.DSB]);

type Interface = PcapngInterface;

/** Sections kept in `container()`: the first ones and the current one (a hostile file may hold millions). */
const MAX_SECTIONS_KEPT = 256;

interface Section extends PcapngSection {
  readonly interfaces: Interface[];
}

export interface PcapngFramerOptions {
  readonly littleEndian?: boolean;
  readonly maxPacketBytes: number;
}

export class PcapngFramer implements Framer {
  private le = true;
  private inSection = false;
  private interfaces: Interface[] = [];
  private readonly sections: Section[] = [];
  private readonly container_: PcapngContainer = { format: 'pcapng', sections: this.sections };
  private index = 0;
  private resyncing = false;
  private readonly opts: PcapngFramerOptions;

  constructor(opts: PcapngFramerOptions) {
    this.opts = opts;
  }

  /**
   * The sections read so far, each with its SHB's byte order and version and the interfaces its
   * IDBs declared (a live view: it grows as blocks are read). `undefined` before the first SHB.
   */
  container(): PcapngContainer | undefined {
    return this.sections.length === 0 ? undefined : this.container_;
  }

  step(view: Uint8Array, base: number, ended: boolean): FrameStep | undefined {
    if (this.resyncing) return this.resync(view, base, ended);
    if (view.length < 12) return this.short(view, base, ended, 12);
    const type = peekU32(view, 0, this.le);
    if (type === PCAPNG_SHB) {
      const bom = peekU32(view, 8, true);
      if (bom !== PCAPNG_BOM && peekU32(view, 8, false) !== PCAPNG_BOM) return this.corrupt(base, 'SHB byte-order magic is neither order of 0x1A2B3C4D');
      this.le = bom === PCAPNG_BOM;
    } else if (!this.inSection) {
      return this.corrupt(base, 'pcapng input does not start with a Section Header Block');
    }
    const len = peekU32(view, 4, this.le);
    if (!this.lengthOk(len)) return this.corrupt(base, `impossible block total length ${len}`, len);
    if (view.length < len) return this.short(view, base, ended, len);
    if (peekU32(view, len - 4, this.le) !== len) return this.corrupt(base, `block trailer length ${peekU32(view, len - 4, this.le)} differs from ${len}`, len);
    return this.block(view.subarray(0, len), base);
  }

  private lengthOk(len: number): boolean {
    return len >= 12 && len % 4 === 0 && len <= this.opts.maxPacketBytes + 64 * 1024;
  }

  private block(b: Uint8Array, base: number): FrameStep {
    const type = peekU32(b, 0, this.le);
    const len = b.length;
    switch (type) {
      case PcapngBlock.SHB: {
        this.inSection = true;
        this.interfaces = [];
        const section: Section = {
          offset: base,
          littleEndian: this.le,
          versionMajor: len >= 16 ? peekU16(b, 12, this.le) : 0,
          versionMinor: len >= 16 ? peekU16(b, 14, this.le) : 0,
          interfaces: this.interfaces,
        };
        if (this.sections.length >= MAX_SECTIONS_KEPT) this.sections.pop();
        this.sections.push(section);
        return { consumed: len };
      }
      case PcapngBlock.IDB:
        if (len < 20) return { consumed: len, item: this.error(base, 'IDB shorter than 20 bytes') };
        this.interfaces.push(this.idb(b));
        return { consumed: len };
      case PcapngBlock.EPB:
      case PcapngBlock.OPB:
        return { consumed: len, item: this.enhanced(b, base, type === PcapngBlock.OPB) };
      case PcapngBlock.SPB:
        return { consumed: len, item: this.simple(b, base) };
      default:
        if (KNOWN_IGNORED.has(type)) return { consumed: len };
        return {
          consumed: len,
          item: { kind: 'notice', notice: { code: CaptureNoticeCode.UNKNOWN_BLOCK, offset: base, message: `pcapng block type 0x${type.toString(16)} skipped` } },
        };
    }
  }

  private idb(b: Uint8Array): Interface {
    let unitsPerSecond = 1_000_000n;
    let offsetSeconds = 0n;
    for (let at = 16; at + 4 <= b.length - 4; ) {
      const code = peekU16(b, at, this.le);
      const olen = peekU16(b, at + 2, this.le);
      if (code === 0 || at + 4 + olen > b.length - 4) break;
      if (code === 9 && olen >= 1) {
        const v = b[at + 4]!;
        unitsPerSecond = v & 0x80 ? 1n << BigInt(v & 0x7f) : 10n ** BigInt(v);
      } else if (code === 14 && olen >= 8) {
        offsetSeconds = BigInt.asIntN(64, (BigInt(peekU32(b, at + (this.le ? 8 : 4), this.le)) << 32n) | BigInt(peekU32(b, at + (this.le ? 4 : 8), this.le)));
      }
      at += 4 + ((olen + 3) & ~3);
    }
    return { linkType: peekU16(b, 8, this.le), snapLen: peekU32(b, 12, this.le), unitsPerSecond, offsetSeconds };
  }

  private enhanced(b: Uint8Array, base: number, obsolete: boolean): CaptureItem {
    if (b.length < 32) return this.error(base, 'packet block shorter than 32 bytes');
    const ifId = obsolete ? peekU16(b, 8, this.le) : peekU32(b, 8, this.le);
    const iface = this.interfaces[ifId];
    if (iface === undefined) return this.error(base, `packet names interface ${ifId}, but the section has ${this.interfaces.length}`);
    const units = (BigInt(peekU32(b, 12, this.le)) << 32n) | BigInt(peekU32(b, 16, this.le));
    const cap = peekU32(b, 20, this.le);
    const orig = peekU32(b, 24, this.le);
    if (cap > b.length - 32) return this.error(base, `captured length ${cap} exceeds the block`, cap);
    if (cap > this.opts.maxPacketBytes) return this.overLimit(base, cap);
    return packetItem(b.subarray(28, 28 + cap), {
      index: this.index++,
      offset: base + 28,
      linkType: iface.linkType,
      littleEndian: this.opts.littleEndian ?? this.le,
      timestampNs: iface.offsetSeconds * 1_000_000_000n + (units * 1_000_000_000n) / iface.unitsPerSecond,
      interfaceId: ifId,
      ...(orig === cap ? {} : { originalLength: orig }),
    });
  }

  private simple(b: Uint8Array, base: number): CaptureItem {
    const iface = this.interfaces[0];
    if (iface === undefined) return this.error(base, 'Simple Packet Block before any interface');
    if (b.length < 16) return this.error(base, 'SPB shorter than 16 bytes');
    const orig = peekU32(b, 8, this.le);
    // An SPB has no captured length: it is the original length cut at the snap length and the block.
    const cap = Math.min(orig, iface.snapLen === 0 ? orig : iface.snapLen, b.length - 16);
    if (cap > this.opts.maxPacketBytes) return this.overLimit(base, cap);
    return packetItem(b.subarray(12, 12 + cap), {
      index: this.index++,
      offset: base + 12,
      linkType: iface.linkType,
      littleEndian: this.opts.littleEndian ?? this.le,
      interfaceId: 0,
      ...(orig === cap ? {} : { originalLength: orig }),
    });
  }

  /** A packet over `maxPacketBytes`: reported, and its block (already delimited) passed over. */
  private overLimit(base: number, cap: number): { readonly kind: 'error'; readonly error: AuditError } {
    this.index++;
    const error = new AuditError(AuditErrorCode.LIMIT, `pcapng packet of ${cap} bytes over maxPacketBytes ${this.opts.maxPacketBytes}`, {
      offset: base,
      path: `block@${base}`,
      expected: this.opts.maxPacketBytes,
      actual: cap,
    });
    return { kind: 'error', error };
  }

  private error(base: number, message: string, actual?: number): { readonly kind: 'error'; readonly error: AuditError } {
    const error = new AuditError(AuditErrorCode.BAD_CAPTURE, message, {
      offset: base,
      path: `block@${base}`,
      ...(actual === undefined ? {} : { actual }),
    });
    return { kind: 'error', error };
  }

  private corrupt(base: number, message: string, actual?: number): FrameStep {
    this.resyncing = true;
    return { consumed: 4, item: this.error(base, message, actual) };
  }

  private short(view: Uint8Array, base: number, ended: boolean, need: number): FrameStep | undefined {
    if (!ended || view.length === 0) return undefined;
    const error = new AuditError(AuditErrorCode.TRUNCATED, `pcapng input ends inside a block: needs ${need} bytes, ${view.length} left`, {
      offset: base,
      path: `block@${base}`,
      expected: need,
      actual: view.length,
    });
    return { consumed: view.length, item: { kind: 'error', error } };
  }

  /** Look, at 4-byte steps, for a block of a known type whose leading and trailing lengths agree. */
  private resync(view: Uint8Array, base: number, ended: boolean): FrameStep | undefined {
    for (let at = 0; ; at += 4) {
      if (at + 8 > view.length) {
        if (ended) return view.length === 0 ? undefined : { consumed: view.length };
        return at === 0 ? undefined : { consumed: at };
      }
      const type = peekU32(view, at, this.le);
      if (type !== PcapngBlock.EPB && type !== PcapngBlock.SPB && type !== PcapngBlock.IDB && type !== PCAPNG_SHB && type !== PcapngBlock.ISB) continue;
      const len = peekU32(view, at + 4, this.le);
      if (!this.lengthOk(len)) continue;
      if (at + len > view.length) {
        if (ended) continue;
        return at === 0 ? undefined : { consumed: at };
      }
      if (peekU32(view, at + len - 4, this.le) !== len) continue;
      if (at > 0) return { consumed: at };
      this.resyncing = false;
      return this.step(view, base, ended);
    }
  }
}
