import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import { ByteWriter } from '../bytes/writer.js';
import { splitDatagram, type Framing } from '../netlink/framing.js';
import { Issues, type AuditWarning, type Validation } from '../netlink/issues.js';
import type { MessageDirection } from './codec.js';
import { decodeFrame, encodeMessageInto, messageSize, type AuditMessage, type MessageInput } from './message.js';
import { textCodec } from './messages/text.js';
import { MAINLINE_REGISTRY, type AuditRegistry } from './registry.js';

export interface DecodeOptions {
  /** Byte order of the host that made the datagram; never guessed. */
  readonly littleEndian: boolean;
  /** Default `auto`. */
  readonly framing?: Framing;
  /** Default `strict`. */
  readonly validation?: Validation;
  /** Default `MAINLINE_REGISTRY`. */
  readonly registry?: AuditRegistry;
  /** A dialect (`getDialect('ghak90-v11')`): its registry is used unless `registry` is given. */
  readonly dialect?: { readonly registry: AuditRegistry };
  /** Who sent it; when absent, each message's NLM_F_REQUEST flag decides. */
  readonly direction?: MessageDirection;
  /** Absolute offset of `bytes[0]` in the caller's input, for error offsets. Default 0. */
  readonly base?: number;
  /**
   * `'text'`: decode every payload with the text codec, whatever the registry has for its type
   * (a datagram made from an audit.log line, `CapturedDatagram.payloadKind`: a log holds text even
   * for types whose netlink payload is binary, such as AUDIT_REPLACE). Names and classes still
   * come from the registry. Default: the registry's codec.
   */
  readonly payloadKind?: 'text';
  /** Largest datagram decoded (default 16 MiB, `DEFAULT_MAX_DATAGRAM_BYTES`); a larger one is `AUDIT_ERR_LIMIT`. */
  readonly maxDatagramBytes?: number;
  /** Most messages in one datagram (default 65536, `DEFAULT_MAX_MESSAGES`); more is `AUDIT_ERR_LIMIT` at the first one past it. */
  readonly maxMessages?: number;
}

/** The kernel bounds a record only by memory; 16 MiB is far above any seen (auditd's buffer is 8970 bytes). */
export const DEFAULT_MAX_DATAGRAM_BYTES = 16 * 1024 * 1024;
/** A LIST_RULES reply batch holds at most a few thousand rules; 65536 messages leaves room for any real one. */
export const DEFAULT_MAX_MESSAGES = 65536;

/** One datagram's messages and everything needed to give its bytes back. */
export interface DecodedDatagram {
  readonly messages: readonly AuditMessage[];
  /** Bytes after the last message that do not form a message (lenient only, or < 16 bytes). */
  readonly trailing: Uint8Array;
  readonly littleEndian: boolean;
  /** The framing mode it was decoded with; each message says how it was framed. */
  readonly framing: Framing;
  readonly length: number;
  /** Every warning of a lenient decode, messages' included. */
  readonly warnings: readonly AuditWarning[];
}

/**
 * Decode one netlink datagram into audit messages.
 *
 * @example
 * const d = decodeDatagram(fromHex('10000000e80305000100000000000000'), { littleEndian: true });
 * d.messages[0].name // 'GET'
 */
export function decodeDatagram(bytes: Uint8Array, opts: DecodeOptions): DecodedDatagram {
  const registry = opts.registry ?? opts.dialect?.registry ?? MAINLINE_REGISTRY;
  const framing = opts.framing ?? 'auto';
  const base = opts.base ?? 0;
  const littleEndian = opts.littleEndian;
  const direction = opts.direction;
  const issues = new Issues(opts.validation ?? 'strict');
  const maxBytes = opts.maxDatagramBytes ?? DEFAULT_MAX_DATAGRAM_BYTES;
  if (bytes.length > maxBytes) {
    throw new AuditError(AuditErrorCode.LIMIT, `datagram of ${bytes.length} bytes over maxDatagramBytes ${maxBytes}`, {
      offset: base,
      path: 'datagram',
      expected: maxBytes,
      actual: bytes.length,
    });
  }
  const split = splitDatagram(bytes, { littleEndian, framing, base, issues, isRecordType: isRecordTypeOf(registry) });
  const frames = split.frames;
  const maxMessages = opts.maxMessages ?? DEFAULT_MAX_MESSAGES;
  if (frames.length > maxMessages) {
    throw new AuditError(AuditErrorCode.LIMIT, `datagram holds ${frames.length} messages, over maxMessages ${maxMessages}`, {
      offset: base + frames[maxMessages]!.offset,
      path: `msg[${maxMessages}]`,
      expected: maxMessages,
      actual: frames.length,
    });
  }
  const trailing = split.trailing.length === 0 ? EMPTY : split.trailing.slice();
  if (issues.warnings.length === 0) {
    // No framing warnings (always so under strict, where a problem throws): one loop with one
    // collector, no per-frame collectors, closures or filters. A frame's own warnings are those
    // the collector gained while decoding it.
    const messages: AuditMessage[] = [];
    const all = issues.warnings;
    for (let i = 0; i < frames.length; i++) {
      const frame = frames[i]!;
      const frameRegistry = opts.payloadKind === 'text' ? textRegistry(registry, frame.header.nlmsg_type) : registry;
      const path = i < PATHS.length ? PATHS[i]! : `msg[${i}]`;
      const ctx = direction === undefined ? { littleEndian, registry: frameRegistry, base, path } : { littleEndian, registry: frameRegistry, base, path, direction };
      const before = all.length;
      const m = decodeFrame(frame, ctx, issues);
      messages.push(all.length === before ? m : { ...m, warnings: all.slice(before) });
    }
    return { messages, trailing, littleEndian, framing, length: bytes.length, warnings: all.length === 0 ? NO_WARNINGS : all };
  }
  const frameWarnings = issues.warnings.splice(0);
  const messages: AuditMessage[] = frames.map((frame, i) => {
    const own = issues.child();
    const path = `msg[${i}]`;
    const mine = frameWarnings.filter((w) => w.path === path || w.path.startsWith(`${path}.`));
    const frameRegistry = opts.payloadKind === 'text' ? textRegistry(registry, frame.header.nlmsg_type) : registry;
    const ctx = { littleEndian, registry: frameRegistry, base, path, ...(direction === undefined ? {} : { direction }) };
    const m = decodeFrame(frame, ctx, own);
    const all = [...mine, ...own.warnings];
    return all.length > 0 ? { ...m, warnings: all } : m;
  });
  const warnings = [...frameWarnings, ...messages.flatMap((m) => (m.warnings ?? []).filter((w) => !frameWarnings.includes(w)))];
  return { messages, trailing, littleEndian, framing, length: bytes.length, warnings };
}

const EMPTY: Uint8Array = new Uint8Array(0);
const NO_WARNINGS: readonly AuditWarning[] = Object.freeze([]);
const PATHS: readonly string[] = Array.from({ length: 16 }, (_, i) => `msg[${i}]`);

/** `registry.isRecordType` as a function, made once per registry rather than once per datagram. */
const recordTypeTests = new WeakMap<AuditRegistry, (type: number) => boolean>();

function isRecordTypeOf(registry: AuditRegistry): (type: number) => boolean {
  let f = recordTypeTests.get(registry);
  if (f === undefined) {
    f = (t) => registry.isRecordType(t);
    recordTypeTests.set(registry, f);
  }
  return f;
}

/**
 * `registry` with `type` decoded as text, built once per registry and type (a log repeats few
 * types); past `TEXT_REGISTRIES_KEPT` types per registry (a hostile log of every `UNKNOWN[n]`) they
 * are built and not kept, so memory stays bounded.
 */
const TEXT_REGISTRIES_KEPT = 512;
const textRegistries = new WeakMap<AuditRegistry, Map<number, AuditRegistry>>();

function textRegistry(registry: AuditRegistry, type: number): AuditRegistry {
  const entry = registry.entry(type);
  if (entry !== undefined && entry.codec === textCodec) return registry;
  let byType = textRegistries.get(registry);
  if (byType === undefined) textRegistries.set(registry, (byType = new Map()));
  let r = byType.get(type);
  if (r === undefined) {
    r = registry.extend({ name: registry.name, types: [{ type, name: registry.nameOf(type), class: registry.classOf(type), codec: textCodec }] });
    if (byType.size < TEXT_REGISTRIES_KEPT) byType.set(type, r);
  }
  return r;
}

export interface EncodeDatagramInput {
  readonly messages: readonly MessageInput[];
  readonly trailing?: Uint8Array;
  readonly littleEndian?: boolean;
}

export interface EncodeOptions {
  /** Overrides the input's byte order. */
  readonly littleEndian?: boolean;
  readonly registry?: AuditRegistry;
  readonly dialect?: { readonly registry: AuditRegistry };
}

/**
 * Encode messages (decoded or built) into one datagram: each header's nlmsg_len computed from
 * its body, kept padding and trailing bytes written back, so `encodeDatagram(decodeDatagram(b))`
 * gives `b`.
 *
 * @example
 * encodeDatagram(decodeDatagram(bytes, { littleEndian: true })) // bytes, equal
 */
export function encodeDatagram(decoded: EncodeDatagramInput, opts: EncodeOptions = {}): Uint8Array<ArrayBuffer> {
  const registry = opts.registry ?? opts.dialect?.registry ?? MAINLINE_REGISTRY;
  const littleEndian = opts.littleEndian ?? decoded.littleEndian ?? true;
  const trailing = decoded.trailing ?? new Uint8Array(0);
  const n = decoded.messages.length;
  let size = trailing.length;
  decoded.messages.forEach((m, i) => (size += messageSize(m, registry, i === n - 1 && trailing.length === 0)));
  const w = new ByteWriter(littleEndian, size);
  decoded.messages.forEach((m, i) => encodeMessageInto(w, m, registry, i === n - 1 && trailing.length === 0));
  w.bytes(trailing);
  return w.finish();
}

export interface EncodeMessageOptions {
  readonly littleEndian: boolean;
  readonly registry?: AuditRegistry;
}

/**
 * Build one message from a header and a body. nlmsg_len is NLMSG_LENGTH(payload size), as the
 * kernel's `nlmsg_put` writes it; the bytes are zero-padded to NLMSG_ALIGN unless `padding` is
 * given. (libaudit's NLMSG_SPACE length counts the padding as payload: to get its bytes, put the
 * padding in the body, e.g. the text's NULs or `trailing`.)
 *
 * @example
 * encodeMessage({ kind: 'empty', header: { nlmsg_type: 1000, nlmsg_flags: 5, nlmsg_seq: 1 }, body: { trailing: new Uint8Array(0) } }, { littleEndian: true })
 * // 10000000 e8030500 01000000 00000000
 */
export function encodeMessage(message: MessageInput, opts: EncodeMessageOptions): Uint8Array<ArrayBuffer> {
  const registry = opts.registry ?? MAINLINE_REGISTRY;
  const w = new ByteWriter(opts.littleEndian, messageSize(message, registry, true));
  encodeMessageInto(w, message, registry, true);
  return w.finish();
}
