import type { AuditError } from '../bytes/errors.js';

/**
 * What capture readers hand to the framing layer: one netlink datagram with where it came from.
 * A capture reader knows nothing of audit; the framing knows nothing of pcap.
 */
export type CaptureFormat = 'pcap' | 'pcapng' | 'strace' | 'hex' | 'raw' | 'log';

export type Direction = 'to-kernel' | 'from-kernel';

/** Which way a socket call moves a datagram, by the call's name (strace dumps, hex transcripts). */
export const CALL_DIRECTION: Readonly<Record<string, Direction>> = {
  sendto: 'to-kernel',
  sendmsg: 'to-kernel',
  send: 'to-kernel',
  write: 'to-kernel',
  recvfrom: 'from-kernel',
  recvmsg: 'from-kernel',
  recv: 'from-kernel',
  read: 'from-kernel',
};

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
  /**
   * How the payloads must be decoded whatever their type says: `'text'` for a datagram made from an
   * audit.log line (a log holds text records only, even for a type whose netlink payload is binary,
   * such as `UNKNOWN[1329]`, AUDIT_REPLACE). Pass it to `decodeDatagram` as `payloadKind`.
   */
  readonly payloadKind?: 'text';
}

/** An audit.log line (auditd RAW or ENRICHED format), as read from a log file. */
export interface LogLine {
  /** The whole line without its newline (UTF-8 decoded). */
  readonly text: string;
  /** Ordinal of this line among the log's record lines, from 0. */
  readonly index: number;
  /** Byte offset of the line's first byte in the input. */
  readonly offset: number;
  /** The `node=` name when auditd's name_format added one. */
  readonly node?: string;
  /** The record type name after `type=` (`SYSCALL`, `UNKNOWN[1338]`). */
  readonly typeName: string;
  /** The payload after `msg=`, exactly as the kernel sent it (`audit(1.2:3): ...`), without enrichment. */
  readonly payload: string;
  /** What an ENRICHED log appended after the 0x1D separator (upper-case interpreted fields). */
  readonly enrichment?: string;
  /** False only for a last line that the input ended without a newline (so that it is written back without one). */
  readonly newline: boolean;
}

/** Something the reader passed over on purpose (a non-audit family, an unknown pcapng block, a MSG_PEEK). */
export interface CaptureNotice {
  readonly code: CaptureNoticeCode;
  /** Byte offset in the input of what was skipped. */
  readonly offset: number;
  readonly message: string;
}

export const CaptureNoticeCode = {
  /** A packet of a netlink family other than NETLINK_AUDIT (9). */
  NON_AUDIT_FAMILY: 'non-audit-family',
  /** A pcapng block type this reader does not know (skipped by its length). */
  UNKNOWN_BLOCK: 'unknown-block',
  /** A packet on a link type that carries no netlink. */
  UNKNOWN_LINK_TYPE: 'unknown-link-type',
  /** A MSG_PEEK read: the next datagram again. */
  PEEK: 'peek',
  /** A text line that carries no datagram bytes (strace call without a dump, unknown line). */
  NO_BYTES: 'no-bytes',
} as const;
export type CaptureNoticeCode = (typeof CaptureNoticeCode)[keyof typeof CaptureNoticeCode];

/**
 * One step of a capture reader: a datagram, a log line, something skipped on purpose, or an
 * error about one part of the input after which reading goes on.
 */
export type CaptureItem =
  | { readonly kind: 'datagram'; readonly datagram: CapturedDatagram }
  | { readonly kind: 'line'; readonly line: LogLine }
  | { readonly kind: 'notice'; readonly notice: CaptureNotice }
  | { readonly kind: 'error'; readonly error: AuditError };

/** Options every capture reader takes. */
export interface CaptureReadOptions {
  /** Skip detection and read this format. */
  readonly format?: CaptureFormat;
  /** Byte order of the netlink messages, overriding the container's hint (pcap magic). Text formats default to little-endian. */
  readonly littleEndian?: boolean;
  /** Largest packet, block or line accepted (default 16 MiB); bigger ones are an `AUDIT_ERR_LIMIT` and are skipped. */
  readonly maxPacketBytes?: number;
  /**
   * audit.log type name → record type number, for logs of a patched kernel (`type=CONTAINER_ID`):
   * a dialect's `getDialect(name).typeNumbers`. Default: the mainline names. `UNKNOWN[n]` is always read.
   */
  readonly typeNumbers?: ReadonlyMap<string, number>;
}

/** The pcap global header, as the file has it. */
export interface PcapContainer {
  readonly format: 'pcap';
  /** Byte order of the file's own headers (the magic's). */
  readonly littleEndian: boolean;
  /** Nanosecond magic (0xA1B23C4D) rather than microseconds. */
  readonly nanosecond: boolean;
  readonly versionMajor: number;
  readonly versionMinor: number;
  readonly snapLen: number;
  /** LINKTYPE_* (the low 16 bits of the header's link type field). */
  readonly linkType: number;
  /** The whole 32-bit link type field (its upper bits may carry FCS information). */
  readonly linkTypeField: number;
}

/** One pcapng Interface Description Block. */
export interface PcapngInterface {
  readonly linkType: number;
  readonly snapLen: number;
  /** Timestamp units per second: 10^6 unless if_tsresol says otherwise. */
  readonly unitsPerSecond: bigint;
  /** if_tsoffset, seconds added to every timestamp (0 when absent). */
  readonly offsetSeconds: bigint;
}

/** One pcapng section: its SHB's byte order and version, and the interfaces its IDBs declared so far. */
export interface PcapngSection {
  /** Absolute input offset of the Section Header Block. */
  readonly offset: number;
  readonly littleEndian: boolean;
  readonly versionMajor: number;
  readonly versionMinor: number;
  readonly interfaces: readonly PcapngInterface[];
}

/** The pcapng sections read so far (each grows as its IDBs are read). */
export interface PcapngContainer {
  readonly format: 'pcapng';
  readonly sections: readonly PcapngSection[];
}

/** A container's own header, from `CaptureStreamReader.container` once it has been read. */
export type CaptureContainer = PcapContainer | PcapngContainer;
