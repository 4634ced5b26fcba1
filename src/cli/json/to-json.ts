import type { AuditMessage, AuditRegistry, DecodedDatagram } from '../../audit/index.js';
import { decodeFeatureBitmap, decodeStatusMask, sigInfoContext, textEnd } from '../../audit/index.js';
import type { AuditError } from '../../bytes/errors.js';
import { isAuditError } from '../../bytes/errors.js';
import { toHex } from '../../bytes/hex.js';
import { decodeNlmFlags } from '../../netlink/flags.js';
import type { NlMsgHeader } from '../../netlink/header.js';
import type { AuditWarning } from '../../netlink/issues.js';
import { NLMSGERR_ATTR_NAMES } from '../../netlink/attr.js';
import type { CapturedDatagram } from '../../capture/types.js';
import { recordJsonWithInterpretation } from '../../interpret/json.js';
import { parseRecordPayload } from '../../records/parse.js';
import type { AuditRecord } from '../../records/types.js';
import { genericBodyToJson } from './generic.js';
import { JSONL_SCHEMA_VERSION, type ContainerJson, type DatagramKeys, type LogJson, type EmptyDatagramLine, type ErrorLine, type HeaderJson, type MessageJson, type MessageLine, type ProblemJson } from './schema.js';

/** Where a datagram came from, for the datagram-level keys. */
export interface DatagramSource {
  readonly datagram: number;
  readonly littleEndian: boolean;
  readonly timestampNs?: bigint;
  readonly direction?: 'to-kernel' | 'from-kernel';
  /** The captured datagram: its link type, pseudo-header, family, interface and original length are written too. */
  readonly captured?: CapturedDatagram;
  /** For a datagram made from an audit.log line: the line's type name, node and enrichment. */
  readonly log?: LogJson;
  /** The input container's parameters (written on the first line only). */
  readonly container?: ContainerJson;
}

export interface ToJsonOptions {
  /** Add the parsed text record under `record` (default true). */
  readonly records?: boolean;
  /** The record of the text message, already parsed (an audit.log line, with its node and ENRICHED fields). */
  readonly record?: AuditRecord;
  /** The dialect's registry: records of netlink messages are named by it (1336 is CONTAINER_ID under ghak90-v11). */
  readonly registry?: AuditRegistry;
}

function keys(src: DatagramSource): DatagramKeys {
  const c = src.captured;
  return {
    v: JSONL_SCHEMA_VERSION,
    datagram: src.datagram,
    byte_order: src.littleEndian ? 'le' : 'be',
    ...(src.timestampNs === undefined ? {} : { timestamp_ns: src.timestampNs.toString() }),
    ...(src.direction === undefined ? {} : { capture_direction: src.direction }),
    ...(c?.linkType === undefined ? {} : { link_type: c.linkType }),
    ...(c?.linkHeader === undefined ? {} : { link_header: toHex(c.linkHeader) }),
    ...(c?.family === undefined ? {} : { family: c.family }),
    ...(c?.interfaceId === undefined ? {} : { interface_id: c.interfaceId }),
    ...(c?.originalLength === undefined ? {} : { original_length: c.originalLength }),
    ...(src.log === undefined ? {} : { log: src.log }),
    ...(src.container === undefined ? {} : { container: src.container }),
  };
}

/**
 * The datagram-level keys of a captured datagram (docs/jsonl.md): `datagramMetaToJson` under the
 * schema's names (`capture_direction` for its direction).
 *
 * @example sourceOf(d, 3, true).timestampNs // d.timestampNs
 */
export function sourceOf(d: CapturedDatagram, datagram: number, littleEndian: boolean, extra: { log?: LogJson; container?: ContainerJson } = {}): DatagramSource {
  return {
    datagram,
    littleEndian,
    captured: d,
    ...(d.timestampNs === undefined ? {} : { timestampNs: d.timestampNs }),
    ...(d.direction === undefined ? {} : { direction: d.direction }),
    ...(extra.log === undefined ? {} : { log: extra.log }),
    ...(extra.container === undefined ? {} : { container: extra.container }),
  };
}

/**
 * One JSON object per message of a decoded datagram (docs/jsonl.md).
 *
 * @example
 * datagramToJson(decodeDatagram(bytes, { littleEndian: true }), { datagram: 0, littleEndian: true })[0].name // 'GET'
 */
export function datagramToJson(d: DecodedDatagram, src: DatagramSource, opts: ToJsonOptions = {}): (MessageLine | EmptyDatagramLine)[] {
  const k = keys(src);
  if (d.messages.length === 0) return [{ ...k, messages: 0, datagram_trailing: toHex(d.trailing) }];
  return d.messages.map((m, i) => {
    const last = i === d.messages.length - 1 && d.trailing.length > 0 ? { datagram_trailing: toHex(d.trailing) } : {};
    return { ...k, index: i, ...messageToJson(m, opts), ...last };
  });
}

/**
 * The line for a datagram that did not decode: the error and the datagram's bytes.
 *
 * @example
 * errorToJson(err, bytes, { datagram: 3, littleEndian: true }).error.code // 'AUDIT_ERR_BAD_LENGTH'
 */
export function errorToJson(err: AuditError, bytes: Uint8Array, src: DatagramSource): ErrorLine {
  return { ...keys(src), error: problem(err), raw: toHex(bytes) };
}

function problem(p: AuditWarning | AuditError): ProblemJson {
  return { code: p.code, message: p.message, offset: p.offset, path: p.path };
}

export function headerToJson(h: NlMsgHeader): HeaderJson {
  return { nlmsg_len: h.nlmsg_len, nlmsg_type: h.nlmsg_type, nlmsg_flags: h.nlmsg_flags, nlmsg_seq: h.nlmsg_seq, nlmsg_pid: h.nlmsg_pid };
}

/**
 * One message without the datagram-level keys.
 *
 * @example
 * messageToJson(msg).body.backlog_limit // 64
 */
export function messageToJson(m: AuditMessage, opts: ToJsonOptions = {}): MessageJson {
  const flags = decodeNlmFlags(m.header.nlmsg_flags, m.header.nlmsg_type);
  const out: Record<string, unknown> = {
    ...headerToJson(m.header),
    nlmsg_flags_names: flags.names,
    ...(flags.unknownBits === 0 ? {} : { nlmsg_flags_unknown: flags.unknownBits }),
    name: m.name,
    kind: m.kind,
    class: m.class,
    direction: m.direction,
    framing: m.framing,
    offset: m.offset,
    body: bodyToJson(m, opts),
    padding: toHex(m.padding),
  };
  if (!SCHEMA_KINDS.has(m.kind)) {
    const g = genericBodyToJson(m.body);
    out['body'] = g.body;
    out['body_types'] = g.types;
  }
  if (m.lengthMismatch === true) out['length_mismatch'] = true;
  if (m.warnings !== undefined) out['warnings'] = m.warnings.map(problem);
  if (m.kind === 'text' && opts.records !== false) Object.assign(out, recordHook(m.body.bytes, m.header.nlmsg_type, m.direction, opts));
  return out as unknown as MessageJson;
}

// ---- Hook: parsed text records (src/records, the records engineer's module) -------------------
// Text messages get the record parsed from their payload under `record`, with every field's
// interpreted value (`interp`, src/interpret). It is informational: `encode` rebuilds the payload
// from `body.text`, never from `record`.
function recordHook(bytes: Uint8Array, type: number, direction: string, opts: ToJsonOptions): { record?: unknown; record_error?: ProblemJson } {
  if (opts.record !== undefined) return { record: recordJsonWithInterpretation(opts.record) };
  try {
    return { record: recordJsonWithInterpretation(namedBy(parseRecordPayload(bytes, type), opts.registry)) };
  } catch (e) {
    if (!isAuditError(e)) throw e;
    // User-space requests carry no `audit(...)` header: nothing to parse, nothing to report.
    return direction === 'from-kernel' ? { record_error: problem(e) } : {};
  }
}

/** A netlink record under a dialect takes the dialect's name for its type (mainline names otherwise). */
export function namedBy(r: AuditRecord, registry: AuditRegistry | undefined): AuditRecord {
  if (registry === undefined || registry.name === 'mainline') return r;
  const name = registry.nameOf(r.type);
  return name === r.typeName ? r : { ...r, typeName: name };
}
// ---- end of hook ----------------------------------------------------------------------------

// ignoreBOM keeps a leading U+FEFF in the text, so that text → UTF-8 gives the bytes back.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function textToJson(bytes: Uint8Array): Record<string, unknown> {
  const end = textEnd(bytes);
  try {
    return { text: utf8.decode(bytes.subarray(0, end)), suffix: toHex(bytes.subarray(end)) };
  } catch {
    // not UTF-8: fall through to bytes
  }
  return { bytes: toHex(bytes), text_lossy: new TextDecoder().decode(bytes.subarray(0, end)) };
}

function trimZeros(a: readonly number[]): number[] {
  let n = a.length;
  while (n > 0 && a[n - 1] === 0) n--;
  return a.slice(0, n);
}

/** Kinds with a schema of their own below; others (a dialect's) are written by `genericBodyToJson`. */
export const SCHEMA_KINDS: ReadonlySet<string> = new Set(['status', 'features', 'rule', 'sig-info', 'tty-status', 'make-equiv', 'replace', 'empty', 'raw', 'text', 'done', 'error']);

function bodyToJson(m: AuditMessage, opts: ToJsonOptions): Record<string, unknown> {
  switch (m.kind) {
    case 'status': {
      // A dialect's audit_status may have other u32 fields: every field is written as it is.
      const { trailing, ...fields } = m.body;
      const extra: Record<string, unknown> = { mask_names: decodeStatusMask(m.body.mask).names };
      if (m.body.feature_bitmap !== undefined) extra['feature_bitmap_names'] = decodeFeatureBitmap(m.body.feature_bitmap).names;
      return { ...fields, ...extra, trailing: toHex(trailing) };
    }
    case 'features':
      return { vers: m.body.vers, mask: m.body.mask, features: m.body.features, lock: m.body.lock, trailing: toHex(m.body.trailing) };
    case 'rule': {
      const b = m.body;
      return {
        flags: b.flags, action: b.action, field_count: b.field_count,
        mask: trimZeros(b.mask), fields: trimZeros(b.fields), values: trimZeros(b.values), fieldflags: trimZeros(b.fieldflags),
        buflen: b.buflen,
        strings: b.strings.map((s) => (s === null ? null : toHex(s))),
        buf_rest: toHex(b.bufRest),
        trailing: toHex(b.trailing),
      };
    }
    case 'sig-info':
      return { uid: m.body.uid, pid: m.body.pid, ctx: toHex(m.body.ctx), ctx_text: sigInfoContext(m.body) };
    case 'tty-status':
      return { enabled: m.body.enabled, ...(m.body.log_passwd === undefined ? {} : { log_passwd: m.body.log_passwd }), trailing: toHex(m.body.trailing) };
    case 'make-equiv':
      return { old_path: toHex(m.body.old_path), new_path: toHex(m.body.new_path), trailing: toHex(m.body.trailing) };
    case 'replace':
      return { pid: m.body.pid, trailing: toHex(m.body.trailing) };
    case 'empty':
      return { trailing: toHex(m.body.trailing) };
    case 'raw':
      return { payload: toHex(m.body.payload) };
    case 'text':
      return textToJson(m.body.bytes);
    case 'done':
      return { ...(m.body.status === undefined ? {} : { status: m.body.status }), trailing: toHex(m.body.trailing) };
    case 'error': {
      const b = m.body;
      return {
        error: b.error,
        errno: b.errno,
        ...(b.request === null ? { msg: headerToJson(b.msg) } : { request: messageToJson(b.request, { ...opts, records: false }) }),
        tlvs: toHex(b.tlvs),
        ...(b.attrs === null ? {} : { attrs: b.attrs.map((a) => ({ type: a.type, name: NLMSGERR_ATTR_NAMES.get(a.type) ?? null, nested: a.nested, payload: toHex(a.payload) })) }),
        trailing: toHex(b.trailing),
      };
    }
    default:
      return {};
  }
}
