import { ByteWriter } from '../bytes/writer.js';
import { LinkType } from './link.js';
import { PCAPNG_BOM, PcapngBlock } from './pcapng.js';
import { concatBytes, packetBytes } from './write-pcap.js';
import type { PacketWriteOptions } from './write-pcap.js';
import type { CapturedDatagram } from './types.js';

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
  /** Link type → interface id, in the order the IDBs were written. */
  private readonly interfaces = new Map<number, number>();
  private readonly le: boolean;
  private readonly ns: boolean;
  private readonly opts: PacketWriteOptions;

  constructor(opts: PacketWriteOptions = {}) {
    this.opts = opts;
    this.le = opts.littleEndian ?? true;
    this.ns = opts.nanosecond ?? false;
  }

  /** The Section Header Block (version 1.0, section length unknown). */
  header(): Uint8Array<ArrayBuffer> {
    return block(this.le, PcapngBlock.SHB, (w) => w.u32(PCAPNG_BOM).u16(1).u16(0).u64(0xffffffffffffffffn));
  }

  /** The link types of the interfaces written so far; interface id = index. */
  get linkTypes(): number[] {
    return [...this.interfaces.keys()];
  }

  /** The blocks for one datagram: an IDB first when its link type is new, then its Enhanced Packet Block. */
  packet(d: CapturedDatagram): Uint8Array<ArrayBuffer> {
    const linkType = this.opts.linkType ?? d.linkType ?? LinkType.NETLINK;
    let idb: Uint8Array | undefined;
    let id = this.interfaces.get(linkType);
    if (id === undefined) {
      id = this.interfaces.size;
      this.interfaces.set(linkType, id);
      idb = block(this.le, PcapngBlock.IDB, (w) => {
        w.u16(linkType).u16(0).u32(this.opts.snapLen ?? 262144);
        if (this.ns) w.u16(9).u16(1).u8(9).zeros(3).u16(0).u16(0);
      });
    }
    const packet = packetBytes(d, linkType);
    const ts = d.timestampNs ?? 0n;
    const units = this.ns ? ts : ts / 1000n;
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
export function writePcapng(datagrams: Iterable<CapturedDatagram>, opts: PacketWriteOptions = {}): Uint8Array<ArrayBuffer> {
  const w = new PcapngWriter(opts);
  const parts: Uint8Array[] = [w.header()];
  for (const d of datagrams) parts.push(w.packet(d));
  return concatBytes(parts);
}
