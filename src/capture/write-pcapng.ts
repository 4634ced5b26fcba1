import { ByteWriter } from '../bytes/writer.js';
import { LinkType } from './link.js';
import { PCAPNG_BOM, PcapngBlock } from './pcapng.js';
import { concatBytes, packetBytes } from './write-pcap.js';
import type { PacketWriteOptions } from './write-pcap.js';
import type { CapturedDatagram, PcapngInterface } from './types.js';

/** What the pcapng writer takes: the packet options, and interfaces to declare up front. */
export interface PcapngWriteOptions extends PacketWriteOptions {
  /**
   * Interfaces to write in the header, in this order (a read section's `interfaces`, from
   * `CaptureStreamReader.container`): each with its link type, snap length and timestamp
   * resolution (10^6 or 10^9 units per second, or another power of ten). A datagram whose
   * `interfaceId` names one of the same link type goes on it, so a pcapng read and written again
   * keeps its interface ids; others get an interface per link type as usual.
   */
  readonly interfaces?: readonly Pick<PcapngInterface, 'linkType' | 'snapLen' | 'unitsPerSecond'>[];
}

interface Iface {
  readonly linkType: number;
  /** Timestamp units per second. */
  readonly units: bigint;
}

function block(le: boolean, type: number, body: (w: ByteWriter) => void): Uint8Array<ArrayBuffer> {
  const w = new ByteWriter(le, 64);
  w.u32(type).u32(0);
  body(w);
  w.align(4);
  const len = w.length + 4;
  w.u32(len).patchU32(4, len);
  return w.finish();
}

/**
 * The pcapng writer, for a whole capture or a stream of datagrams: one section (SHB), and an
 * Interface Description Block for each link type the first time a packet needs it, so that a
 * capture with several link types (NETLINK, SLL and SLL2 interfaces) keeps every packet's own
 * pseudo-header byte for byte. With `linkType`, every packet is written in that link type (one
 * interface; a packet from another link type gets a fresh pseudo-header). Timestamps are
 * microseconds unless `nanosecond` (if_tsresol = 9 on every IDB).
 *
 * @example
 * const w = new PcapngWriter({ nanosecond: true });
 * out.write(w.header());
 * for (const d of datagrams) out.write(w.packet(d));
 */
export class PcapngWriter {
  /** Every interface written so far; interface id = index. */
  private readonly ifaces: Iface[] = [];
  /** Link type → the interface its packets go on when they name none of the declared ones. */
  private readonly byLinkType = new Map<number, number>();
  private readonly le: boolean;
  private readonly ns: boolean;
  private readonly opts: PcapngWriteOptions;

  constructor(opts: PcapngWriteOptions = {}) {
    this.opts = opts;
    this.le = opts.littleEndian ?? true;
    this.ns = opts.nanosecond ?? false;
  }

  /** The Section Header Block (version 1.0, section length unknown), then the declared interfaces' IDBs. */
  header(): Uint8Array<ArrayBuffer> {
    const parts: Uint8Array[] = [block(this.le, PcapngBlock.SHB, (w) => w.u32(PCAPNG_BOM).u16(1).u16(0).u64(0xffffffffffffffffn))];
    for (const i of this.opts.interfaces ?? []) parts.push(this.idb(this.opts.linkType ?? i.linkType, i.snapLen, i.unitsPerSecond));
    return concatBytes(parts);
  }

  /** The link types of the interfaces written so far; interface id = index. */
  get linkTypes(): number[] {
    return this.ifaces.map((i) => i.linkType);
  }

  private idb(linkType: number, snapLen: number, units: bigint): Uint8Array<ArrayBuffer> {
    const exp = units.toString().length - 1;
    const tsresol = units === 10n ** BigInt(exp) && exp <= 127 ? exp : 6;
    this.ifaces.push({ linkType, units: 10n ** BigInt(tsresol) });
    if (!this.byLinkType.has(linkType)) this.byLinkType.set(linkType, this.ifaces.length - 1);
    return block(this.le, PcapngBlock.IDB, (w) => {
      w.u16(linkType).u16(0).u32(snapLen);
      if (tsresol !== 6) w.u16(9).u16(1).u8(tsresol).zeros(3).u16(0).u16(0);
    });
  }

  /** The blocks for one datagram: an IDB first when its link type is new, then its Enhanced Packet Block. */
  packet(d: CapturedDatagram): Uint8Array<ArrayBuffer> {
    const linkType = this.opts.linkType ?? d.linkType ?? LinkType.NETLINK;
    let idb: Uint8Array | undefined;
    const declared = d.interfaceId === undefined || d.interfaceId >= (this.opts.interfaces?.length ?? 0) ? undefined : this.ifaces[d.interfaceId];
    let id = declared?.linkType === linkType ? d.interfaceId : this.byLinkType.get(linkType);
    if (id === undefined) {
      idb = this.idb(linkType, this.opts.snapLen ?? 262144, this.ns ? 1_000_000_000n : 1_000_000n);
      id = this.ifaces.length - 1;
    }
    const packet = packetBytes(d, linkType);
    const ts = d.timestampNs ?? 0n;
    const units = (ts * this.ifaces[id]!.units) / 1_000_000_000n;
    const iface = id;
    const epb = block(this.le, PcapngBlock.EPB, (w) => {
      w.u32(iface)
        .u32(Number((units >> 32n) & 0xffffffffn), 'ts_high')
        .u32(Number(units & 0xffffffffn), 'ts_low')
        .u32(packet.length)
        .u32(d.originalLength ?? packet.length)
        .bytes(packet);
    });
    return idb === undefined ? epb : concatBytes([idb, epb]);
  }
}

/**
 * A whole pcapng file (one section; an interface per link type, see `PcapngWriter`).
 *
 * @example fs.writeFileSync('out.pcapng', writePcapng(datagrams, { nanosecond: true }))
 */
export function writePcapng(datagrams: Iterable<CapturedDatagram>, opts: PcapngWriteOptions = {}): Uint8Array<ArrayBuffer> {
  const w = new PcapngWriter(opts);
  const parts: Uint8Array[] = [w.header()];
  for (const d of datagrams) parts.push(w.packet(d));
  return concatBytes(parts);
}
