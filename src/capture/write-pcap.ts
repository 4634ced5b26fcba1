import { ByteWriter } from '../bytes/writer.js';
import { buildLinkHeader, LINK_HEADER_LENGTH, LinkType } from './link.js';
import { PCAP_MAGIC_NS, PCAP_MAGIC_US } from './pcap.js';
import type { CapturedDatagram } from './types.js';
import { concatBytes } from '../bytes/concat.js';

/** Options shared by the pcap and pcapng writers. */
export interface PacketWriteOptions {
  /**
   * Write every packet in LINKTYPE_NETLINK (253, the nlmon cooked header), LINUX_SLL (113) or
   * LINUX_SLL2 (276). pcap default: 253. pcapng default: each packet in its own link type (one
   * interface per link type; 253 for datagrams that have none).
   */
  readonly linkType?: number;
  /** Byte order of the file's own headers (default little-endian). The datagrams are written as they are. */
  readonly littleEndian?: boolean;
  /** Nanosecond timestamps (pcap magic 0xA1B23C4D, pcapng if_tsresol 9); default microseconds. */
  readonly nanosecond?: boolean;
  /** Snap length written in the header (default 262144). */
  readonly snapLen?: number;
}

/**
 * The packet bytes for a datagram: its own pseudo-header when it came from the same link type
 * (so a capture re-written in its own link type is byte-identical), otherwise a fresh one.
 */
export function packetBytes(d: CapturedDatagram, linkType: number): Uint8Array {
  const headerLength = LINK_HEADER_LENGTH[linkType] ?? 16;
  const header = d.linkType === linkType && d.linkHeader?.length === headerLength ? d.linkHeader : buildLinkHeader(linkType, { family: d.family ?? 9 });
  const out = new Uint8Array(header.length + d.bytes.length);
  out.set(header);
  out.set(d.bytes, header.length);
  return out;
}

/**
 * The 24-byte pcap global header.
 *
 * @example pcapHeader({ linkType: 253 }) // → d4 c3 b2 a1 02 00 04 00 ... fd 00 00 00
 */
export function pcapHeader(opts: PacketWriteOptions = {}): Uint8Array<ArrayBuffer> {
  const w = new ByteWriter(opts.littleEndian ?? true, 24);
  w.u32(opts.nanosecond === true ? PCAP_MAGIC_NS : PCAP_MAGIC_US)
    .u16(2)
    .u16(4)
    .u32(0)
    .u32(0)
    .u32(opts.snapLen ?? 262144)
    .u32(opts.linkType ?? LinkType.NETLINK);
  return w.finish();
}

/**
 * One pcap record (16-byte header, pseudo-header, datagram). Timestamps are cut to microseconds
 * unless `nanosecond` is set.
 *
 * @example pcapRecord({ bytes, index: 0, offset: 0, timestampNs: 1_700_000_000_000_000_000n })
 */
export function pcapRecord(d: CapturedDatagram, opts: PacketWriteOptions = {}): Uint8Array<ArrayBuffer> {
  const packet = packetBytes(d, opts.linkType ?? LinkType.NETLINK);
  const ts = d.timestampNs ?? 0n;
  const w = new ByteWriter(opts.littleEndian ?? true, 16 + packet.length);
  w.u32(Number(ts / 1_000_000_000n), 'ts_sec')
    .u32(Number(opts.nanosecond === true ? ts % 1_000_000_000n : (ts % 1_000_000_000n) / 1000n), 'ts_frac')
    .u32(packet.length, 'incl_len')
    .u32(d.originalLength ?? packet.length, 'orig_len')
    .bytes(packet);
  return w.finish();
}

/**
 * A whole pcap file.
 *
 * @example fs.writeFileSync('out.pcap', writePcap(readCapture(bytes).datagrams))
 */
export function writePcap(datagrams: Iterable<CapturedDatagram>, opts: PacketWriteOptions = {}): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [pcapHeader(opts)];
  for (const d of datagrams) parts.push(pcapRecord(d, opts));
  return concatBytes(parts);
}

export { concatBytes };
