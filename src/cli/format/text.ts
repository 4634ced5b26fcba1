import type { AuditMessage, AuditRegistry, DecodedDatagram } from '../../audit/index.js';
import { decodeFeatureBitmap, decodeStatusMask, sigInfoContext } from '../../audit/index.js';
import { isAuditError } from '../../bytes/errors.js';
import { toHex } from '../../bytes/hex.js';
import { interpretRecord } from '../../interpret/interpret.js';
import { formatNlmFlags } from '../../netlink/flags.js';
import { parseRecordPayload } from '../../records/parse.js';
import type { AuditRecord } from '../../records/types.js';
import { namedBy } from '../json/to-json.js';

/** The record of a text message when the caller already has it (an audit.log line). */
export type RecordText = AuditRecord;

/**
 * The text record of a message as readable lines: `record TYPE time=SEC.MSEC (ISO) serial=N`, then
 * one line per field, `name=raw` and, when it says more, `→ interpreted`. User-space requests
 * without an `audit(...)` header give nothing; a kernel record that does not parse gives its error.
 */
function recordText(bytes: Uint8Array, type: number, direction: string, registry: AuditRegistry, given: AuditRecord | undefined): string {
  let r: AuditRecord;
  try {
    r = given ?? namedBy(parseRecordPayload(bytes, type), registry);
  } catch (e) {
    if (!isAuditError(e)) throw e;
    return direction === 'from-kernel' ? `    record error ${e.code}: ${e.message}\n` : '';
  }
  return formatRecord(r);
}

/**
 * A record as readable lines (see `formatDatagram`).
 *
 * @example formatRecord(parseLogLine('type=CWD msg=audit(1.000:2): cwd="/"'))
 */
export function formatRecord(r: AuditRecord): string {
  const ms = r.time.sec * 1000 + r.time.msec;
  const iso = Number.isSafeInteger(ms) && ms < 8.64e15 ? ` (${new Date(ms).toISOString()})` : '';
  let s = `    record ${r.typeName} time=${r.time.sec}.${String(r.time.msec).padStart(3, '0')}${iso} serial=${r.serial}${r.node === undefined ? '' : ` node=${r.node}`}\n`;
  const interp = interpretRecord(r);
  r.fields.forEach((f, i) => {
    // The interpretation, or the decoded value of a hex-encoded string; not when it only repeats the text.
    const it = interp[i]?.interp ?? f.value;
    const shown = it === null || it === f.raw || (f.form === 'quoted' && it === f.value) ? '' : ` → ${it}`;
    s += `      ${f.name}=${f.raw}${shown}\n`;
  });
  return s;
}

/**
 * Readable text for one decoded datagram: a line per message (name, type, length, flags, seq,
 * pid, direction), its body, and for text records the record: type name, time, serial and each
 * field with its interpreted value.
 *
 * @example formatDatagram(decodeDatagram(bytes, { littleEndian: true }), 0, MAINLINE_REGISTRY)
 */
export function formatDatagram(d: DecodedDatagram, n: number, registry: AuditRegistry, record?: RecordText): string {
  let s = '';
  d.messages.forEach((m, i) => {
    const h = m.header;
    const where = d.messages.length > 1 ? `#${n}.${i}` : `#${n}`;
    const quirk = m.framing === 'unicast' ? ' (unicast)' : '';
    s += `${where} ${m.name} (${h.nlmsg_type}) len=${h.nlmsg_len}${quirk} flags=${formatNlmFlags(h.nlmsg_flags, h.nlmsg_type)} seq=${h.nlmsg_seq} pid=${h.nlmsg_pid} ${m.direction}\n`;
    s += `    ${describeBody(m, registry)}\n`;
    if (m.kind === 'text') s += recordText(m.body.bytes, h.nlmsg_type, m.direction, registry, record);
    for (const w of m.warnings ?? []) s += `    warning ${w.code}: ${w.message}\n`;
  });
  if (d.messages.length === 0) s += `#${n} (no message)\n`;
  if (d.trailing.length > 0) s += `    trailing ${toHex(d.trailing)}\n`;
  return s;
}

function names(list: readonly string[], unknown: number): string {
  const parts = [...list, ...(unknown === 0 ? [] : [`0x${unknown.toString(16)}`])];
  return parts.length === 0 ? '0' : parts.join('|');
}

const fields = (o: object): string =>
  Object.entries(o)
    .filter(([, v]) => !(v instanceof Uint8Array && v.length === 0))
    .map(([k, v]) => `${k}=${v instanceof Uint8Array ? toHex(v) : String(v)}`)
    .join(' ');

function describeBody(m: AuditMessage, registry: AuditRegistry): string {
  switch (m.kind) {
    case 'status': {
      const { trailing, ...rest } = m.body;
      const mask = decodeStatusMask(m.body.mask);
      const bits = m.body.feature_bitmap === undefined ? '' : ` [${names(decodeFeatureBitmap(m.body.feature_bitmap).names, decodeFeatureBitmap(m.body.feature_bitmap).unknownBits)}]`;
      return `audit_status ${fields(rest)} (mask ${names(mask.names, mask.unknownBits)})${bits}${trailing.length > 0 ? ` tail=${toHex(trailing)}` : ''}`;
    }
    case 'features':
      return `audit_features ${fields(m.body)}`;
    case 'rule': {
      const b = m.body;
      const parts = b.fields.slice(0, b.field_count).map((f, i) => {
        const s = b.strings[i];
        return `${f}:0x${b.fieldflags[i]!.toString(16)}:${s === null || s === undefined ? b.values[i] : JSON.stringify(new TextDecoder().decode(s))}`;
      });
      return `audit_rule_data flags=${b.flags} action=${b.action} fields=[${parts.join(' ')}]`;
    }
    case 'sig-info':
      return `audit_sig_info uid=${m.body.uid} pid=${m.body.pid} ctx=${JSON.stringify(sigInfoContext(m.body))}`;
    case 'tty-status':
    case 'replace':
    case 'make-equiv':
    case 'done':
      return `${m.kind} ${fields(m.body)}`.trimEnd();
    case 'empty':
      return m.body.trailing.length === 0 ? '(empty)' : `(empty) extra=${toHex(m.body.trailing)}`;
    case 'raw':
      return `raw ${toHex(m.body.payload)}`;
    case 'text':
      return m.body.text;
    case 'error': {
      const b = m.body;
      const what = b.error === 0 ? 'ACK' : b.error < 0 ? `${b.errno ?? 'errno'} (${b.error})` : `success, value ${b.error}`;
      const req = b.request ?? { name: registry.nameOf(b.msg.nlmsg_type), header: b.msg };
      return `${what} for ${req.name} seq=${req.header.nlmsg_seq}${b.request === null ? ' (header only)' : ''}`;
    }
    default:
      return `${(m as { kind: string }).kind} ${fields((m as { body: object }).body)}`;
  }
}
