import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import { peekU16, peekU32 } from '../bytes/reader.js';
import { copyingStep, unread } from './framer.js';
import type { FrameStep, Framer } from './framer.js';
import { packetView } from './packet.js';
import { CaptureNoticeCode } from './types.js';
import type { CaptureItem, PcapngContainer, PcapngInterface, PcapngSection } from './types.js';
import { ReusedDatagramView } from './view.js';

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

/**
 * An interface's timestamp units made ready for number arithmetic, so that a packet's time costs
 * no `bigint`: `divisor` units per second (0 when the numbers would not be exact: then the time is
 * computed as a `bigint`), and how a remainder of units becomes nanoseconds.
 */
interface Clock {
  readonly divisor: number;
  /** Nanoseconds per unit, when a unit is a whole number of nanoseconds (µs, ns, ...); else 0. */
  readonly nsPerUnit: number;
  /** Units per nanosecond, when a nanosecond is a whole number of units (ps, ...); else 0. */
  readonly unitsPerNs: number;
  /** if_tsoffset as a number (only used when `divisor` is not 0). */
  readonly offsetSeconds: number;
}

/** Largest divisor the 16-bit long division in `setUnitsTime` keeps exact (remainder × 2^16 < 2^53). */
const MAX_EXACT_DIVISOR = 2 ** 37;

function clockOf(iface: Interface): Clock {
  const units = iface.unitsPerSecond;
  const divisor = Number(units);
  const offsetSeconds = Number(iface.offsetSeconds);
  const nsPerUnit = units <= 1_000_000_000n && 1_000_000_000n % units === 0n ? 1_000_000_000 / divisor : 0;
  const unitsPerNs = units >= 1_000_000_000n && units % 1_000_000_000n === 0n ? divisor / 1_000_000_000 : 0;
  const exact = divisor < MAX_EXACT_DIVISOR && (nsPerUnit !== 0 || unitsPerNs !== 0) && Number.isSafeInteger(offsetSeconds);
  return { divisor: exact ? divisor : 0, nsPerUnit, unitsPerNs, offsetSeconds };
}

/**
 * The time of a packet of `high:low` units on an interface into `out`: seconds and nanoseconds by
 * a long division over 16-bit pieces (each step exact in doubles), or through `bigint` when the
 * clock or the result does not allow it. Both give `offset × 10^9 + ⌊units × 10^9 / units per second⌋` ns.
 */
function setUnitsTime(out: ReusedDatagramView, iface: Interface, clock: Clock, high: number, low: number): void {
  const d = clock.divisor;
  if (d !== 0) {
    let q = 0;
    let r = 0;
    for (let piece = 0; piece < 4; piece++) {
      const digit = piece === 0 ? high >>> 16 : piece === 1 ? high & 0xffff : piece === 2 ? low >>> 16 : low & 0xffff;
      const cur = r * 65536 + digit;
      let qi = Math.floor(cur / d);
      r = cur - qi * d;
      // The quotient of two doubles is rounded: put it right by one if it was.
      if (r < 0) {
        qi--;
        r += d;
      } else if (r >= d) {
        qi++;
        r -= d;
      }
      q = q * 65536 + qi;
    }
    const sec = clock.offsetSeconds + q;
    if (q <= Number.MAX_SAFE_INTEGER && Number.isSafeInteger(sec)) {
      // Below 10^9: `| 0` is exact and keeps it a small integer, which V8 stores unboxed.
      out.setTime(sec, (clock.nsPerUnit !== 0 ? r * clock.nsPerUnit : Math.floor(r / clock.unitsPerNs)) | 0);
      return;
    }
  }
  const units = (BigInt(high) << 32n) | BigInt(low);
  out.setExactTime(iface.offsetSeconds * 1_000_000_000n + (units * 1_000_000_000n) / iface.unitsPerSecond);
}

export interface PcapngFramerOptions {
  readonly littleEndian?: boolean;
  readonly maxPacketBytes: number;
}

export class PcapngFramer implements Framer {
  private le = true;
  private inSection = false;
  private interfaces: Interface[] = [];
  /** `clocks[i]` is `interfaces[i]`'s. */
  private clocks: Clock[] = [];
  private readonly sections: Section[] = [];
  private readonly container_: PcapngContainer = { format: 'pcapng', sections: this.sections };
  private index = 0;
  private resyncing = false;
  private readonly opts: PcapngFramerOptions;
  private readonly scratch = new ReusedDatagramView();

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
    return copyingStep(this, this.scratch, view, base, ended);
  }

  stepView(bytes: Uint8Array, at: number, end: number, base: number, ended: boolean, out: ReusedDatagramView): number | FrameStep | undefined {
    if (this.resyncing) {
      const found = this.resync(unread(bytes, at, end), base, ended);
      if (found !== null) return found;
    }
    const available = end - at;
    if (available < 12) return this.short(available, base, ended, 12);
    const type = peekU32(bytes, at, this.le);
    if (type === PCAPNG_SHB) {
      const bom = peekU32(bytes, at + 8, true);
      if (bom !== PCAPNG_BOM && peekU32(bytes, at + 8, false) !== PCAPNG_BOM) return this.corrupt(base, 'SHB byte-order magic is neither order of 0x1A2B3C4D');
      this.le = bom === PCAPNG_BOM;
    } else if (!this.inSection) {
      return this.corrupt(base, 'pcapng input does not start with a Section Header Block');
    }
    const len = peekU32(bytes, at + 4, this.le);
    if (!this.lengthOk(len)) return this.corrupt(base, `impossible block total length ${len}`, len);
    if (available < len) return this.short(available, base, ended, len);
    const trailer = peekU32(bytes, at + len - 4, this.le);
    if (trailer !== len) return this.corrupt(base, `block trailer length ${trailer} differs from ${len}`, len);
    return this.block(bytes, at, len, base, out);
  }

  private lengthOk(len: number): boolean {
    return len >= 12 && len % 4 === 0 && len <= this.opts.maxPacketBytes + 64 * 1024;
  }

  /** The whole block `bytes[at, at + len)`: a packet's datagram described in `out` (returns `len`), or what else it gives. */
  private block(bytes: Uint8Array, at: number, len: number, base: number, out: ReusedDatagramView): number | FrameStep {
    const type = peekU32(bytes, at, this.le);
    switch (type) {
      case PcapngBlock.EPB:
      case PcapngBlock.OPB: {
        const other = this.enhanced(bytes, at, len, base, type === PcapngBlock.OPB, out);
        return other === undefined ? len : { consumed: len, item: other };
      }
      case PcapngBlock.SPB: {
        const other = this.simple(bytes, at, len, base, out);
        return other === undefined ? len : { consumed: len, item: other };
      }
      case PcapngBlock.SHB: {
        this.inSection = true;
        this.interfaces = [];
        this.clocks = [];
        const section: Section = {
          offset: base,
          littleEndian: this.le,
          versionMajor: len >= 16 ? peekU16(bytes, at + 12, this.le) : 0,
          versionMinor: len >= 16 ? peekU16(bytes, at + 14, this.le) : 0,
          interfaces: this.interfaces,
        };
        if (this.sections.length >= MAX_SECTIONS_KEPT) this.sections.pop();
        this.sections.push(section);
        return { consumed: len };
      }
      case PcapngBlock.IDB: {
        if (len < 20) return { consumed: len, item: this.error(base, 'IDB shorter than 20 bytes') };
        const iface = this.idb(bytes.subarray(at, at + len));
        this.interfaces.push(iface);
        this.clocks.push(clockOf(iface));
        return { consumed: len };
      }
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

  /** An EPB (or obsolete OPB) `bytes[at, at + len)`: `undefined` once its datagram is in `out`, else the notice or error. */
  private enhanced(bytes: Uint8Array, at: number, len: number, base: number, obsolete: boolean, out: ReusedDatagramView): CaptureItem | undefined {
    if (len < 32) return this.error(base, 'packet block shorter than 32 bytes');
    const ifId = obsolete ? peekU16(bytes, at + 8, this.le) : peekU32(bytes, at + 8, this.le);
    const iface = this.interfaces[ifId];
    if (iface === undefined) return this.error(base, `packet names interface ${ifId}, but the section has ${this.interfaces.length}`);
    const cap = peekU32(bytes, at + 20, this.le);
    const orig = peekU32(bytes, at + 24, this.le);
    if (cap > len - 32) return this.error(base, `captured length ${cap} exceeds the block`, cap);
    if (cap > this.opts.maxPacketBytes) return this.overLimit(base, cap);
    const index = this.index++;
    const other = packetView(out, bytes, at + 28, at + 28 + cap, base + 28, index, iface.linkType);
    if (other !== undefined) return other;
    out.index = index;
    out.littleEndian = this.opts.littleEndian ?? this.le;
    setUnitsTime(out, iface, this.clocks[ifId]!, peekU32(bytes, at + 12, this.le), peekU32(bytes, at + 16, this.le));
    out.originalLength = orig === cap ? undefined : orig;
    out.interfaceId = ifId;
    return undefined;
  }

  /** An SPB `bytes[at, at + len)`: `undefined` once its datagram is in `out`, else the notice or error. */
  private simple(bytes: Uint8Array, at: number, len: number, base: number, out: ReusedDatagramView): CaptureItem | undefined {
    const iface = this.interfaces[0];
    if (iface === undefined) return this.error(base, 'Simple Packet Block before any interface');
    if (len < 16) return this.error(base, 'SPB shorter than 16 bytes');
    const orig = peekU32(bytes, at + 8, this.le);
    // An SPB has no captured length: it is the original length cut at the snap length and the block.
    const cap = Math.min(orig, iface.snapLen === 0 ? orig : iface.snapLen, len - 16);
    if (cap > this.opts.maxPacketBytes) return this.overLimit(base, cap);
    const index = this.index++;
    const other = packetView(out, bytes, at + 12, at + 12 + cap, base + 12, index, iface.linkType);
    if (other !== undefined) return other;
    out.index = index;
    out.littleEndian = this.opts.littleEndian ?? this.le;
    out.clearTime();
    out.originalLength = orig === cap ? undefined : orig;
    out.interfaceId = 0;
    return undefined;
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

  private short(available: number, base: number, ended: boolean, need: number): FrameStep | undefined {
    if (!ended || available === 0) return undefined;
    const error = new AuditError(AuditErrorCode.TRUNCATED, `pcapng input ends inside a block: needs ${need} bytes, ${available} left`, {
      offset: base,
      path: `block@${base}`,
      expected: need,
      actual: available,
    });
    return { consumed: available, item: { kind: 'error', error } };
  }

  /**
   * Look, at 4-byte steps, for a block of a known type whose leading and trailing lengths agree;
   * `null` once one starts `view` (read it as usual).
   */
  private resync(view: Uint8Array, base: number, ended: boolean): FrameStep | undefined | null {
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
      return null;
    }
  }
}
