import { ByteWriter } from '../../bytes/writer.js';
import { LinkType } from '../../capture/link.js';
import { PCAPNG_BOM, PcapngBlock } from '../../capture/pcapng.js';
import { packetBytes } from '../../capture/write-pcap.js';
import type { CapturedDatagram } from '../../capture/types.js';

function block(le: boolean, type: number, body: (w: ByteWriter) => void): Uint8Array<ArrayBuffer> {
  const w = new ByteWriter(le, 64);
  w.u32(type).u32(0);
  body(w);
  w.align(4);
  const len = w.length + 4;
  w.u32(len).patchU32(4, len);
  return w.finish();
}

export interface PcapngStreamOptions {
  /** Byte order of the file's blocks (default little-endian). */
  readonly littleEndian?: boolean;
  /** Nanosecond timestamps (if_tsresol = 9, the default) or microseconds. */
  readonly nanosecond?: boolean;
  /** Every packet in this link type; by default each keeps its own (one interface per link type). */
  readonly linkType?: number;
  readonly snapLen?: number;
}

/**
 * A pcapng writer for a stream of datagrams: one section; an Interface Description Block for
 * each link type the first time a packet needs it, so that packets of several link types (a
 * pcapng with SLL, SLL2 and NETLINK interfaces) keep their own pseudo-headers byte for byte.
 * Nanosecond resolution by default, so every `bigint` timestamp is written exactly.
 *
 * @example
 * const w = new PcapngStreamWriter(); out.write(w.header()); for (const d of ds) out.write(w.packet(d));
 */
export class PcapngStreamWriter {
  private readonly interfaces = new Map<number, number>();
  private readonly le: boolean;
  private readonly ns: boolean;

  private readonly opts: PcapngStreamOptions;

  constructor(opts: PcapngStreamOptions = {}) {
    this.opts = opts;
    this.le = opts.littleEndian ?? true;
    this.ns = opts.nanosecond ?? true;
  }

  /** The Section Header Block. */
  header(): Uint8Array<ArrayBuffer> {
    return block(this.le, PcapngBlock.SHB, (w) => w.u32(PCAPNG_BOM).u16(1).u16(0).u64(0xffffffffffffffffn));
  }

  /** The blocks for one datagram: an IDB first when its link type is new, then its EPB. */
  packet(d: CapturedDatagram): Uint8Array[] {
    const linkType = this.opts.linkType ?? d.linkType ?? LinkType.NETLINK;
    const out: Uint8Array[] = [];
    let id = this.interfaces.get(linkType);
    if (id === undefined) {
      id = this.interfaces.size;
      this.interfaces.set(linkType, id);
      out.push(
        block(this.le, PcapngBlock.IDB, (w) => {
          w.u16(linkType).u16(0).u32(this.opts.snapLen ?? 262144);
          if (this.ns) w.u16(9).u16(1).u8(9).zeros(3).u16(0).u16(0);
        }),
      );
    }
    const packet = packetBytes(d, linkType);
    const ts = d.timestampNs ?? 0n;
    const units = this.ns ? ts : ts / 1000n;
    const iface = id;
    out.push(
      block(this.le, PcapngBlock.EPB, (w) => {
        w.u32(iface)
          .u32(Number((units >> 32n) & 0xffffffffn), 'ts_high')
          .u32(Number(units & 0xffffffffn), 'ts_low')
          .u32(packet.length)
          .u32(d.originalLength ?? packet.length)
          .bytes(packet);
      }),
    );
    return out;
  }
}
