/**
 * The JSON Lines schema (docs/jsonl.md), version 1. One object per message; u64 as decimal
 * strings, bytes as lower-case hex strings, C field names in `body`.
 */
export const JSONL_SCHEMA_VERSION = 1;

/** Header fields, as on the wire. */
export interface HeaderJson {
  readonly nlmsg_len: number;
  readonly nlmsg_type: number;
  readonly nlmsg_flags: number;
  readonly nlmsg_seq: number;
  readonly nlmsg_pid: number;
}

/** A warning of a lenient decode, or the error of an undecodable datagram. */
export interface ProblemJson {
  readonly code: string;
  readonly message: string;
  readonly offset: number;
  readonly path: string;
}

/** One message: header, name, kind, body and what re-encoding needs. */
export interface MessageJson extends HeaderJson {
  readonly nlmsg_flags_names: readonly string[];
  readonly nlmsg_flags_unknown?: number;
  readonly name: string;
  readonly kind: string;
  readonly class: string;
  readonly direction: 'to-kernel' | 'from-kernel';
  /** `standard` or `unicast` (nlmsg_len counts the payload only). */
  readonly framing: 'standard' | 'unicast';
  readonly offset: number;
  readonly body: Record<string, unknown>;
  /** Alignment padding after the message, hex (usually empty). */
  readonly padding: string;
  readonly length_mismatch?: true;
  readonly warnings?: readonly ProblemJson[];
  /** Parsed text record (src/records), for text messages; informational, ignored by encode. */
  readonly record?: unknown;
  readonly record_error?: ProblemJson;
}

/** Datagram-level keys every line carries. */
export interface DatagramKeys {
  readonly v: typeof JSONL_SCHEMA_VERSION;
  /** Index of the datagram in the input, from 0; lines of one datagram are consecutive. */
  readonly datagram: number;
  readonly byte_order: 'le' | 'be';
  readonly timestamp_ns?: string;
  readonly capture_direction?: 'to-kernel' | 'from-kernel';
  /** LINKTYPE_* of the packet (pcap, pcapng). */
  readonly link_type?: number;
  /** The link-layer pseudo-header, hex. */
  readonly link_header?: string;
  /** Netlink family from the pseudo-header (9 = NETLINK_AUDIT). */
  readonly family?: number;
  /** pcapng interface id. */
  readonly interface_id?: number;
  /** Length on the wire when the capture cut the packet. */
  readonly original_length?: number;
  /** Lines made from an audit.log line: what the line had besides its payload. */
  readonly log?: LogJson;
  /** First line only: the input file's container parameters, so encode can write the same file header. */
  readonly container?: ContainerJson;
}

/** What an audit.log line had besides the payload that becomes the datagram. */
export interface LogJson {
  /** The type name as written (`SYSCALL`, `UNKNOWN[1338]`). */
  readonly type_name: string;
  readonly node?: string;
  /** The ENRICHED part after the 0x1D separator, as written. */
  readonly enrichment?: string;
  /** `false` when the log ended right after this line, without a newline. */
  readonly newline?: boolean;
}

/** The input container's own parameters (first line of `decode --format jsonl` only). */
export interface ContainerJson {
  readonly format: string;
  /** Byte order of the container's own headers (pcap magic, pcapng SHB). */
  readonly byte_order?: 'le' | 'be';
  /** pcap: nanosecond magic. */
  readonly nanosecond?: boolean;
  /** pcap: snap length of the file header. */
  readonly snaplen?: number;
  /** pcap: link type of the file header. */
  readonly link_type?: number;
}

/** A line per message; the last one of a datagram carries its trailing bytes. */
export type MessageLine = DatagramKeys & MessageJson & { readonly index: number; readonly datagram_trailing?: string };

/** A datagram with no message (empty, or only bytes too short for a header under lenient validation). */
export type EmptyDatagramLine = DatagramKeys & { readonly messages: 0; readonly datagram_trailing: string };

/** A datagram that could not be decoded: the error, and every byte of it. */
export type ErrorLine = DatagramKeys & { readonly error: ProblemJson; readonly raw: string };

export type JsonLine = MessageLine | EmptyDatagramLine | ErrorLine;
