import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import { LinkType, NETLINK_AUDIT } from './link.js';
import { CaptureNoticeCode } from './types.js';
import type { CaptureItem } from './types.js';
import type { ReusedDatagramView } from './view.js';

/** Pseudo-header length of a link type that carries netlink, -1 for any other (`LINK_HEADER_LENGTH` without a property lookup). */
function linkHeaderLength(linkType: number): number {
  return linkType === LinkType.NETLINK || linkType === LinkType.LINUX_SLL ? 16 : linkType === LinkType.LINUX_SLL2 ? 20 : -1;
}

/**
 * Strip the pseudo-header of one captured packet, `bytes[start, end)` on `linkType`, whose first
 * byte is at input offset `offset`. For a NETLINK_AUDIT datagram this fills the link-layer part of
 * `out` (where the datagram lies, its offset, link type, family, pseudo-header length) without
 * copying anything and returns `undefined`; the framer fills the rest (index, byte order, time).
 * Otherwise it returns what to report instead: a notice for other families and link types, an
 * error for a packet shorter than its pseudo-header.
 */
export function packetView(out: ReusedDatagramView, bytes: Uint8Array, start: number, end: number, offset: number, index: number, linkType: number): CaptureItem | undefined {
  const headerLength = linkHeaderLength(linkType);
  if (headerLength < 0 || end - start < headerLength) {
    // As before the view path: a short SLL2 packet of 16 to 19 bytes is reported as a link-type notice.
    if (headerLength >= 0 && end - start < 16) {
      const error = new AuditError(AuditErrorCode.BAD_CAPTURE, `packet of ${end - start} bytes is shorter than its link-layer header`, {
        offset,
        path: `packet[${index}]`,
      });
      return { kind: 'error', error };
    }
    const notice = { code: CaptureNoticeCode.UNKNOWN_LINK_TYPE, offset, message: `packet on link type ${linkType} skipped` };
    return { kind: 'notice', notice };
  }
  // The protocol field: SLL2 puts it first, NETLINK and SLL last; big-endian in every byte order.
  const at = start + (linkType === LinkType.LINUX_SLL2 ? 0 : 14);
  const family = (bytes[at]! << 8) | bytes[at + 1]!;
  if (family !== NETLINK_AUDIT) {
    const notice = { code: CaptureNoticeCode.NON_AUDIT_FAMILY, offset, message: `netlink family ${family} skipped` };
    return { kind: 'notice', notice };
  }
  out.buffer = bytes;
  out.start = start + headerLength;
  out.end = end;
  out.offset = offset + headerLength;
  out.linkType = linkType;
  out.family = family;
  out.linkHeaderLength = headerLength;
  return undefined;
}
