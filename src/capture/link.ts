/**
 * Link-layer pseudo-headers that precede a netlink datagram in pcap and pcapng ([LT] §7.4 of
 * docs/reference: LINKTYPE_NETLINK, LINUX_SLL, LINUX_SLL2). Their fields are big-endian whatever
 * the file's byte order.
 */

/** LINKTYPE_* numbers from tcpdump.org/linktypes.html. */
export const LinkType = { NETLINK: 253, LINUX_SLL: 113, LINUX_SLL2: 276 } as const;
export type LinkType = (typeof LinkType)[keyof typeof LinkType];

/** ARPHRD_NETLINK from include/uapi/linux/if_arp.h: the hatype of nlmon devices. */
export const ARPHRD_NETLINK = 824;
/** NETLINK_AUDIT from include/uapi/linux/netlink.h. */
export const NETLINK_AUDIT = 9;

/** Bytes of pseudo-header before the netlink datagram, per link type. */
export const LINK_HEADER_LENGTH: Readonly<Record<number, number>> = {
  [LinkType.NETLINK]: 16,
  [LinkType.LINUX_SLL]: 16,
  [LinkType.LINUX_SLL2]: 20,
};

export interface LinkInfo {
  readonly headerLength: number;
  /** The netlink family (the `protocol` field). */
  readonly family: number;
}

/**
 * Where the datagram starts in a packet of `linkType`, and its netlink family; `undefined` for a
 * link type that does not carry netlink. The caller checks that the packet is long enough.
 *
 * @example linkInfo(253, packet) // → { headerLength: 16, family: 9 }
 */
export function linkInfo(linkType: number, packet: Uint8Array): LinkInfo | undefined {
  const headerLength = LINK_HEADER_LENGTH[linkType];
  if (headerLength === undefined || packet.length < headerLength) return undefined;
  const at = linkType === LinkType.LINUX_SLL2 ? 0 : 14;
  return { headerLength, family: (packet[at]! << 8) | packet[at + 1]! };
}

export interface LinkHeaderOptions {
  /** Netlink family, default NETLINK_AUDIT. */
  readonly family?: number;
  /** SLL/NETLINK packet type (libpcap writes 4, "outgoing", for nlmon frames); default 4. */
  readonly packetType?: number;
  /** SLL2 interface index, default 0. */
  readonly ifindex?: number;
}

/**
 * The pseudo-header libpcap would write for a netlink datagram on `linkType`.
 *
 * @example buildLinkHeader(253) // → 00 04 03 38 00 00 00 00 00 00 00 00 00 00 00 09
 */
export function buildLinkHeader(linkType: number, opts: LinkHeaderOptions = {}): Uint8Array<ArrayBuffer> {
  const family = opts.family ?? NETLINK_AUDIT;
  const packetType = opts.packetType ?? 4;
  if (linkType === LinkType.LINUX_SLL2) {
    const h = new Uint8Array(20);
    const v = new DataView(h.buffer);
    v.setUint16(0, family);
    v.setUint32(4, opts.ifindex ?? 0);
    v.setUint16(8, ARPHRD_NETLINK);
    h[10] = packetType & 0xff;
    return h;
  }
  const h = new Uint8Array(16);
  const v = new DataView(h.buffer);
  v.setUint16(0, packetType);
  v.setUint16(2, ARPHRD_NETLINK);
  v.setUint16(14, family);
  return h;
}
