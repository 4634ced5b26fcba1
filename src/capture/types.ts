/**
 * What capture readers hand to the framing layer: one netlink datagram with where it came from.
 * A capture reader knows nothing of audit; the framing knows nothing of pcap.
 */
export type CaptureFormat = 'pcap' | 'pcapng' | 'strace' | 'hex' | 'raw' | 'log';

export type Direction = 'to-kernel' | 'from-kernel';

export interface CapturedDatagram {
  /** The netlink datagram (after any link-layer pseudo-header). */
  readonly bytes: Uint8Array;
  /** Ordinal of this datagram in the input, from 0. */
  readonly index: number;
  /** Byte offset of `bytes[0]` in the input (file offset for binary captures, character offset for text). */
  readonly offset: number;
  /** Byte order of the netlink messages inside, when the container tells (pcap magic, option). */
  readonly littleEndian?: boolean;
  /** Capture time in nanoseconds since the epoch, exact. */
  readonly timestampNs?: bigint;
  readonly direction?: Direction;
  /** LINKTYPE_* of the packet (253 NETLINK, 113 LINUX_SLL, 276 LINUX_SLL2). */
  readonly linkType?: number;
  /** The link-layer pseudo-header bytes, kept so a writer can reproduce the packet. */
  readonly linkHeader?: Uint8Array;
  /** Netlink family from the pseudo-header (9 = NETLINK_AUDIT). */
  readonly family?: number;
  /** Length on the wire when the capture truncated the packet (pcap orig_len). */
  readonly originalLength?: number;
  /** pcapng interface id. */
  readonly interfaceId?: number;
}
