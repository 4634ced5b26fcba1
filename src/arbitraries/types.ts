import { getDialect, type Dialect } from '../audit/dialects/index.js';
import type { MessageDirection } from '../audit/codec.js';

/**
 * What the generators make: one netlink datagram as a socket would hand it over, with what a
 * decoder needs to read it back (byte order, dialect) and what it is (family, direction).
 */
export interface GeneratedDatagram {
  /** The datagram, exactly as `recv()` returns it. */
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** Byte order of the host that made it (netlink is host-endian). */
  readonly littleEndian: boolean;
  /** Name of the dialect whose registry decodes it (`mainline`, `ghak90-v11`, ...). */
  readonly dialect: string;
  /** Who sent it. */
  readonly direction: MessageDirection;
  /** The family of the exchange it belongs to (`status`, `list-rules`, `event`, ...). */
  readonly family: FamilyName;
  /** What it is within the exchange: `request`, `ack`, `reply`, `done`, `record`, ... */
  readonly role: string;
}

/** One exchange or event as the kernel produces it: datagrams in the order they travel. */
export type GeneratedExchange = readonly GeneratedDatagram[];

/** Byte order of the generated datagrams: little-endian, big-endian, or either (per exchange). */
export type ByteOrderChoice = 'le' | 'be' | 'any';

/** How kernel records are framed: the unicast length quirk (to auditd), standard multicast, or either. */
export type RecordFramingChoice = 'unicast' | 'multicast' | 'any';

/**
 * The families of exchanges the generators know, the names `--types` takes. Each makes whole
 * exchanges as the kernel and libaudit produce them (docs/arbitraries.md lists what each holds).
 */
export const FAMILY_NAMES = [
  'status',
  'set-status',
  'features',
  'rule',
  'list-rules',
  'sig-info',
  'tty-status',
  'make-equiv',
  'trim',
  'replace',
  'user-message',
  'event',
  'record',
  'namespace',
  'container',
] as const;

export type FamilyName = (typeof FAMILY_NAMES)[number];

/** Options every frame generator takes. */
export interface FrameOptions {
  /** Default `any`. */
  readonly byteOrder?: ByteOrderChoice;
  /** A dialect or its name (`getDialect`); default `mainline`. Dialect-only families need one that has their types. */
  readonly dialect?: string | Dialect;
  /** Families to draw from; default every family the dialect supports. */
  readonly types?: readonly FamilyName[];
  /** Default `any`. */
  readonly recordFraming?: RecordFramingChoice;
  /** Most events of one interleaved `event` exchange. Default 3. */
  readonly maxEvents?: number;
  /** Most rules in a LIST_RULES reply. Default 4. */
  readonly maxRules?: number;
  /** Longest generated string (paths, comm, arguments) in bytes, roughly. Default 24. */
  readonly maxStringLength?: number;
  /**
   * Bytes per chunk when an EXECVE argument is split (`aN_len=`, `aN[0]=`, ...). The kernel
   * splits at MAX_EXECVE_AUDIT_LEN (7500); the default 16 exercises the same text with short frames.
   */
  readonly execveChunk?: number;
  /**
   * Sometimes put the LIST_RULES replies and NLMSG_DONE in one datagram, as a netlink dump does.
   * The audit kernel sends each in a datagram of its own (the default, false); Wireshark 4 does
   * not realign between messages and reports such batches with unaligned rules as malformed.
   */
  readonly batchReplies?: boolean;
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  readonly byteOrder: ByteOrderChoice;
  readonly dialect: Dialect;
  readonly types: readonly FamilyName[];
  readonly recordFraming: RecordFramingChoice;
  readonly maxEvents: number;
  readonly maxRules: number;
  readonly maxStringLength: number;
  readonly execveChunk: number;
  readonly batchReplies: boolean;
}

/** True when the dialect has the types a family needs. */
export function familySupported(family: FamilyName, dialect: Dialect): boolean {
  if (family === 'namespace') return dialect.typeNumbers.has('NS_INIT_NET');
  if (family === 'container') return dialect.typeNumbers.has('CONTAINER_OP') || dialect.typeNumbers.has('CONTAINER');
  return true;
}

/**
 * Fill in the defaults of `opts`.
 *
 * @example resolveOptions({ dialect: 'ns-2015' }).types.includes('namespace') // true
 */
export function resolveOptions(opts: FrameOptions = {}): ResolvedOptions {
  const dialect = typeof opts.dialect === 'string' ? getDialect(opts.dialect) : (opts.dialect ?? getDialect('mainline'));
  const types = (opts.types ?? FAMILY_NAMES).filter((f) => familySupported(f, dialect));
  return {
    byteOrder: opts.byteOrder ?? 'any',
    dialect,
    types,
    recordFraming: opts.recordFraming ?? 'any',
    maxEvents: opts.maxEvents ?? 3,
    maxRules: opts.maxRules ?? 4,
    maxStringLength: opts.maxStringLength ?? 24,
    execveChunk: opts.execveChunk ?? 16,
    batchReplies: opts.batchReplies ?? false,
  };
}
