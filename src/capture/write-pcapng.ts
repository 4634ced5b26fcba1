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
 * A Section Header Block and one Interface Description Block (interface 0) for the link type;
 * with `nanosecond`, the IDB carries if_tsresol = 9.
 *
 * @example pcapngHeader({ linkType: 276, nanosecond: true })
 */
export function pcapngHeader(opts: PacketWriteOptions = {}): Uint8Array<ArrayBuffer> {
  const le = opts.littleEndian ?? true;
  const shb = block(le, PcapngBlock.SHB, (w) => w.u32(PCAPNG_BOM).u16(1).u16(0).u64(0xffffffffffffffffn));
  const idb = block(le, PcapngBlock.IDB, (w) => {
    w.u16(opts.linkType ?? LinkType.NETLINK).u16(0).u32(opts.snapLen ?? 262144);
    if (opts.nanosecond === true) w.u16(9).u16(1).u8(9).zeros(3).u16(0).u16(0);
  });
  return concatBytes([shb, idb]);
}

/**
 * One Enhanced Packet Block on interface 0.
 *
 * @example pcapngPacket(datagram, { linkType: 253 })
 */
export function pcapngPacket(d: CapturedDatagram, opts: PacketWriteOptions = {}): Uint8Array<ArrayBuffer> {
  const packet = packetBytes(d, opts.linkType ?? LinkType.NETLINK);
  const ts = d.timestampNs ?? 0n;
  const units = opts.nanosecond === true ? ts : ts / 1000n;
  return block(opts.littleEndian ?? true, PcapngBlock.EPB, (w) => {
    w.u32(0)
      .u32(Number(units >> 32n), 'ts_high')
      .u32(Number(units & 0xffffffffn), 'ts_low')
      .u32(packet.length)
      .u32(d.originalLength ?? packet.length)
      .bytes(packet);
  });
}

/**
 * A whole pcapng file (one section, one interface).
 *
 * @example fs.writeFileSync('out.pcapng', writePcapng(datagrams, { nanosecond: true }))
 */
export function writePcapng(datagrams: Iterable<CapturedDatagram>, opts: PacketWriteOptions = {}): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [pcapngHeader(opts)];
  for (const d of datagrams) parts.push(pcapngPacket(d, opts));
  return concatBytes(parts);
}
