import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import { linkInfo, NETLINK_AUDIT } from './link.js';
import { CaptureNoticeCode } from './types.js';
import type { CaptureItem, CapturedDatagram } from './types.js';

/** What pcap and pcapng know about one packet before its link layer is looked at. */
export interface PacketMeta {
  readonly index: number;
  /** Absolute offset of the packet's first byte (the pseudo-header). */
  readonly offset: number;
  readonly linkType: number;
  readonly littleEndian: boolean;
  readonly timestampNs?: bigint;
  readonly originalLength?: number;
  readonly interfaceId?: number;
}

/**
 * Strip the pseudo-header of one captured packet: a datagram for NETLINK_AUDIT, a notice for
 * other families and link types, an error for a packet shorter than its pseudo-header.
 * The datagram is a copy, so the caller may reuse `packet`'s buffer.
 */
export function packetItem(packet: Uint8Array, meta: PacketMeta): CaptureItem {
  const info = linkInfo(meta.linkType, packet);
  if (info === undefined) {
    if (packet.length < 16 && (meta.linkType === 253 || meta.linkType === 113 || meta.linkType === 276)) {
      const error = new AuditError(AuditErrorCode.BAD_CAPTURE, `packet of ${packet.length} bytes is shorter than its link-layer header`, {
        offset: meta.offset,
        path: `packet[${meta.index}]`,
      });
      return { kind: 'error', error };
    }
    const notice = { code: CaptureNoticeCode.UNKNOWN_LINK_TYPE, offset: meta.offset, message: `packet on link type ${meta.linkType} skipped` };
    return { kind: 'notice', notice };
  }
  if (info.family !== NETLINK_AUDIT) {
    const notice = { code: CaptureNoticeCode.NON_AUDIT_FAMILY, offset: meta.offset, message: `netlink family ${info.family} skipped` };
    return { kind: 'notice', notice };
  }
  const datagram: { -readonly [K in keyof CapturedDatagram]: CapturedDatagram[K] } = {
    bytes: packet.slice(info.headerLength),
    index: meta.index,
    offset: meta.offset + info.headerLength,
    littleEndian: meta.littleEndian,
    linkType: meta.linkType,
    linkHeader: packet.slice(0, info.headerLength),
    family: info.family,
  };
  // Set one by one rather than spread from temporary objects (one packet, no garbage).
  if (meta.timestampNs !== undefined) datagram.timestampNs = meta.timestampNs;
  if (meta.originalLength !== undefined) datagram.originalLength = meta.originalLength;
  if (meta.interfaceId !== undefined) datagram.interfaceId = meta.interfaceId;
  return { kind: 'datagram', datagram };
}
