import type { AckBody, AuditMessage, AuditRegistry, AuditRuleData, AuditStatus, MessageInput } from '../../audit/index.js';
import { MAINLINE_REGISTRY } from '../../audit/index.js';
import { AuditError, AuditErrorCode, isAuditError } from '../../bytes/errors.js';
import { fromHex } from '../../bytes/hex.js';
import type { NlMsgHeader } from '../../netlink/header.js';
import { genericBodyFromJson } from './generic.js';
import type { ContainerJson, LogJson } from './schema.js';

type Obj = Record<string, unknown>;

/** Keys every parsed line has: where the datagram came from. */
export interface LineOrigin {
  readonly datagram: number;
  readonly littleEndian: boolean;
  /** The capture metadata in `datagramFromJson`'s form (`timestamp_ns`, `direction`, `link_type`, ...), unchecked. */
  readonly meta: Readonly<Record<string, unknown>>;
  /** An audit.log line's type name, node and enrichment (`log` key). */
  readonly log?: LogJson;
  /** The input container's parameters (`container` key of the first line). */
  readonly container?: ContainerJson;
}

/** What one JSON line turns back into: messages of a datagram, or its raw bytes. */
export type ParsedLine =
  | (LineOrigin & { readonly type: 'message'; readonly message: AuditMessage; readonly trailing?: Uint8Array })
  | (LineOrigin & { readonly type: 'raw'; readonly bytes: Uint8Array });

/** The schema's datagram keys → `datagramFromJson`'s names. */
const META_KEYS: readonly (readonly [string, string])[] = [
  ['timestamp_ns', 'timestamp_ns'],
  ['capture_direction', 'direction'],
  ['link_type', 'link_type'],
  ['link_header', 'link_header'],
  ['family', 'family'],
  ['interface_id', 'interface_id'],
  ['original_length', 'original_length'],
];

function logFromJson(v: unknown, path: string): LogJson | undefined {
  if (v === undefined) return undefined;
  const o = obj(v, path);
  const typeName = o['type_name'];
  if (typeof typeName !== 'string') throw bad(`${path}.type_name`, 'expected a string');
  const node = o['node'];
  const enrichment = o['enrichment'];
  if (node !== undefined && typeof node !== 'string') throw bad(`${path}.node`, 'expected a string');
  if (enrichment !== undefined && typeof enrichment !== 'string') throw bad(`${path}.enrichment`, 'expected a string');
  const newline = o['newline'];
  if (newline !== undefined && typeof newline !== 'boolean') throw bad(`${path}.newline`, 'expected a boolean');
  return {
    type_name: typeName,
    ...(node === undefined ? {} : { node }),
    ...(enrichment === undefined ? {} : { enrichment }),
    ...(newline === undefined ? {} : { newline }),
  };
}

function containerFromJson(v: unknown, path: string): ContainerJson | undefined {
  if (v === undefined) return undefined;
  const o = obj(v, path);
  const format = o['format'];
  if (typeof format !== 'string') throw bad(`${path}.format`, 'expected a string');
  const order = o['byte_order'];
  if (order !== undefined && order !== 'le' && order !== 'be') throw bad(`${path}.byte_order`, "expected 'le' or 'be'");
  const ns = o['nanosecond'];
  if (ns !== undefined && typeof ns !== 'boolean') throw bad(`${path}.nanosecond`, 'expected a boolean');
  const snaplen = optInt(o, 'snaplen', path);
  const linkType = optInt(o, 'link_type', path);
  return {
    format,
    ...(order === undefined ? {} : { byte_order: order }),
    ...(ns === undefined ? {} : { nanosecond: ns }),
    ...(snaplen === undefined ? {} : { snaplen }),
    ...(linkType === undefined ? {} : { link_type: linkType }),
  };
}

function bad(path: string, what: string): AuditError {
  return new AuditError(AuditErrorCode.BAD_JSON, `${path}: ${what}`, { path });
}

function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad(path, 'expected an object');
  return v as Obj;
}

function int(o: Obj, key: string, path: string, min = 0, max = 0xffffffff): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw bad(`${path}.${key}`, `expected an integer in [${min}, ${max}], got ${JSON.stringify(v)}`);
  return v;
}

function optInt(o: Obj, key: string, path: string, min = 0, max = 0xffffffff): number | undefined {
  return o[key] === undefined ? undefined : int(o, key, path, min, max);
}

function hex(o: Obj, key: string, path: string, required = false): Uint8Array {
  const v = o[key];
  if (v === undefined && !required) return new Uint8Array(0);
  if (typeof v !== 'string') throw bad(`${path}.${key}`, 'expected a hex string');
  try {
    return fromHex(v);
  } catch (e) {
    if (isAuditError(e)) throw bad(`${path}.${key}`, e.message);
    throw e;
  }
}

function u32Array(o: Obj, key: string, path: string): number[] {
  const v = o[key];
  if (!Array.isArray(v) || v.length > 64) throw bad(`${path}.${key}`, 'expected an array of at most 64 integers');
  const out = v.map((x, i) => int({ x }, 'x', `${path}.${key}[${i}]`));
  while (out.length < 64) out.push(0);
  return out;
}

const I32 = [-0x80000000, 0x7fffffff] as const;

function header(o: Obj, path: string): NlMsgHeader {
  return {
    nlmsg_len: int(o, 'nlmsg_len', path),
    nlmsg_type: int(o, 'nlmsg_type', path, 0, 0xffff),
    nlmsg_flags: int(o, 'nlmsg_flags', path, 0, 0xffff),
    nlmsg_seq: int(o, 'nlmsg_seq', path),
    nlmsg_pid: int(o, 'nlmsg_pid', path),
  };
}

const STATUS_INFO_KEYS = new Set(['mask_names', 'feature_bitmap_names', 'trailing']);

function statusFromJson(b: Obj, p: string): AuditStatus {
  // Fields beyond mainline's (a dialect's audit_status) are u32s like the rest.
  const others: Record<string, number> = {};
  for (const k of Object.keys(b)) if (!STATUS_INFO_KEYS.has(k) && b[k] !== undefined) others[k] = int(b, k, p);
  const base = {
    ...others,
    mask: int(b, 'mask', p), enabled: int(b, 'enabled', p), failure: int(b, 'failure', p), pid: int(b, 'pid', p),
    rate_limit: int(b, 'rate_limit', p), backlog_limit: int(b, 'backlog_limit', p), lost: int(b, 'lost', p), backlog: int(b, 'backlog', p),
    trailing: hex(b, 'trailing', p),
  };
  const fb = optInt(b, 'feature_bitmap', p);
  const bwt = optInt(b, 'backlog_wait_time', p);
  const act = optInt(b, 'backlog_wait_time_actual', p);
  return {
    ...base,
    ...(fb === undefined ? {} : { feature_bitmap: fb }),
    ...(bwt === undefined ? {} : { backlog_wait_time: bwt }),
    ...(act === undefined ? {} : { backlog_wait_time_actual: act }),
  };
}

function ruleFromJson(b: Obj, p: string): AuditRuleData {
  const strings = b['strings'];
  if (!Array.isArray(strings)) throw bad(`${p}.strings`, 'expected an array');
  return {
    flags: int(b, 'flags', p), action: int(b, 'action', p), field_count: int(b, 'field_count', p),
    mask: u32Array(b, 'mask', p), fields: u32Array(b, 'fields', p), values: u32Array(b, 'values', p), fieldflags: u32Array(b, 'fieldflags', p),
    buflen: int(b, 'buflen', p),
    strings: strings.map((s, i) => (s === null ? null : hex({ s }, 's', `${p}.strings[${i}]`, true))),
    bufRest: hex(b, 'buf_rest', p),
    trailing: hex(b, 'trailing', p),
  };
}

function textFromJson(b: Obj, p: string): { bytes: Uint8Array; text: string } {
  if (b['bytes'] !== undefined) {
    const bytes = hex(b, 'bytes', p, true);
    return { bytes, text: typeof b['text_lossy'] === 'string' ? b['text_lossy'] : '' };
  }
  const text = b['text'];
  if (typeof text !== 'string') throw bad(`${p}.text`, 'expected a string');
  const enc = new TextEncoder().encode(text);
  const suffix = hex(b, 'suffix', p);
  const bytes = new Uint8Array(enc.length + suffix.length);
  bytes.set(enc);
  bytes.set(suffix, enc.length);
  return { bytes, text };
}

function ackFromJson(b: Obj, p: string, registry: AuditRegistry): AckBody {
  const error = int(b, 'error', p, ...I32);
  const request = b['request'] === undefined || b['request'] === null ? null : messageFromJson(obj(b['request'], `${p}.request`), `${p}.request`, registry);
  const msg = request === null ? header(obj(b['msg'], `${p}.msg`), `${p}.msg`) : request.header;
  return { error, errno: typeof b['errno'] === 'string' ? b['errno'] : null, msg, request, tlvs: hex(b, 'tlvs', p), attrs: null, trailing: hex(b, 'trailing', p) };
}

function bodyFromJson(kind: string, b: Obj, p: string, registry: AuditRegistry, types: unknown): MessageInput['body'] {
  switch (kind) {
    case 'status':
      return statusFromJson(b, p);
    case 'features':
      return { vers: int(b, 'vers', p), mask: int(b, 'mask', p), features: int(b, 'features', p), lock: int(b, 'lock', p), trailing: hex(b, 'trailing', p) };
    case 'rule':
      return ruleFromJson(b, p);
    case 'sig-info':
      return { uid: int(b, 'uid', p), pid: int(b, 'pid', p, ...I32), ctx: hex(b, 'ctx', p) };
    case 'tty-status': {
      const lp = optInt(b, 'log_passwd', p);
      return { enabled: int(b, 'enabled', p), ...(lp === undefined ? {} : { log_passwd: lp }), trailing: hex(b, 'trailing', p) };
    }
    case 'make-equiv':
      return { old_path: hex(b, 'old_path', p, true), new_path: hex(b, 'new_path', p, true), trailing: hex(b, 'trailing', p) };
    case 'replace':
      return { pid: int(b, 'pid', p, ...I32), trailing: hex(b, 'trailing', p) };
    case 'empty':
      return { trailing: hex(b, 'trailing', p) };
    case 'raw':
      return { payload: hex(b, 'payload', p, true) };
    case 'text':
      return textFromJson(b, p);
    case 'done': {
      const status = optInt(b, 'status', p, ...I32);
      return { ...(status === undefined ? {} : { status }), trailing: hex(b, 'trailing', p) };
    }
    case 'error':
      return ackFromJson(b, p, registry);
    default:
      if (registry.codecForKind(kind) === undefined) throw bad(`${p}`, `unknown kind ${JSON.stringify(kind)} for registry ${registry.name}`);
      return genericBodyFromJson(b, obj(types, `${p.replace(/\.body$/, '')}.body_types`), p) as unknown as MessageInput['body'];
  }
}

/**
 * A message from its JSON object (docs/jsonl.md): the header fields and `body` are what is
 * encoded; names and other informational keys are ignored.
 *
 * @example
 * messageFromJson(JSON.parse(line), 'line[0]').header.nlmsg_seq // 1
 */
export function messageFromJson(o: Obj, path: string, registry: AuditRegistry = MAINLINE_REGISTRY): AuditMessage {
  const h = header(o, path);
  const kind = o['kind'];
  if (typeof kind !== 'string') throw bad(`${path}.kind`, 'expected a string');
  const framing = o['framing'] ?? 'standard';
  if (framing !== 'standard' && framing !== 'unicast') throw bad(`${path}.framing`, "expected 'standard' or 'unicast'");
  const direction = o['direction'] === 'to-kernel' ? 'to-kernel' : 'from-kernel';
  const body = bodyFromJson(kind, obj(o['body'], `${path}.body`), `${path}.body`, registry, o['body_types']);
  return {
    kind,
    name: registry.nameOf(h.nlmsg_type),
    class: registry.classOf(h.nlmsg_type),
    direction,
    header: h,
    body,
    framing,
    padding: hex(o, 'padding', path),
    offset: typeof o['offset'] === 'number' ? o['offset'] : 0,
    ...(o['length_mismatch'] === true ? { lengthMismatch: true as const } : {}),
  } as AuditMessage;
}

/**
 * One JSON Lines line back to a message (or to raw bytes for an undecodable datagram).
 *
 * @example
 * parseJsonLine('{"v":1,"datagram":0,"byte_order":"le","error":{...},"raw":"0c00"}', 1).type // 'raw'
 */
export function parseJsonLine(line: string, lineNo: number, registry: AuditRegistry = MAINLINE_REGISTRY): ParsedLine {
  const path = `line[${lineNo}]`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    throw bad(path, `not JSON: ${(e as Error).message}`);
  }
  const o = obj(value, path);
  const datagram = int(o, 'datagram', path, 0, Number.MAX_SAFE_INTEGER);
  const order = o['byte_order'];
  if (order !== 'le' && order !== 'be') throw bad(`${path}.byte_order`, "expected 'le' or 'be'");
  const littleEndian = order === 'le';
  const meta: Record<string, unknown> = {};
  for (const [from, to] of META_KEYS) if (o[from] !== undefined) meta[to] = o[from];
  const log = logFromJson(o['log'], `${path}.log`);
  const container = containerFromJson(o['container'], `${path}.container`);
  const origin: LineOrigin = { datagram, littleEndian, meta, ...(log === undefined ? {} : { log }), ...(container === undefined ? {} : { container }) };
  if (o['raw'] !== undefined) return { ...origin, type: 'raw', bytes: hex(o, 'raw', path, true) };
  if (o['messages'] === 0) return { ...origin, type: 'raw', bytes: hex(o, 'datagram_trailing', path) };
  const message = messageFromJson(o, path, registry);
  const trailing = o['datagram_trailing'] === undefined ? undefined : hex(o, 'datagram_trailing', path);
  return { ...origin, type: 'message', message, ...(trailing === undefined ? {} : { trailing }) };
}
