import { formatHeader } from './header.js';
import type { AuditField, AuditRecord } from './types.js';
import { ENRICHED_SEPARATOR } from './types.js';

/** Options for `formatLogLine`. */
export interface LogLineOptions {
  /**
   * Write the line the way auditd's `format_raw` does for a record fresh from the kernel
   * (reference §4.8): every `\n` in the payload becomes a space and one trailing space is
   * trimmed. Off by default, so that a parsed line formats back byte for byte.
   */
  readonly auditd?: boolean;
}

/**
 * The netlink payload text of a record: `audit(SEC.MS:SERIAL):` then the body.
 *
 * @example formatRecordPayload(parseLogLine('type=CWD msg=audit(1.000:2): cwd="/"')) // → 'audit(1.000:2): cwd="/"'
 */
export function formatRecordPayload(r: AuditRecord): string {
  return formatHeader(r.time, r.serial, r.headerColon !== false) + formatFields(r.fields, r.tail);
}

/**
 * An audit.log line (no trailing newline): `[node=X ]type=NAME msg=PAYLOAD[\x1dENRICHED]`.
 *
 * @example formatLogLine(parseRecordPayload('audit(1.000:2): cwd="/"', 1307)) // → 'type=CWD msg=audit(1.000:2): cwd="/"'
 */
export function formatLogLine(r: AuditRecord, opts: LogLineOptions = {}): string {
  let payload = formatRecordPayload(r);
  if (opts.auditd === true) {
    payload = payload.replaceAll('\n', ' ');
    if (payload.endsWith(' ')) payload = payload.slice(0, -1);
  }
  const node = r.node === undefined ? '' : `node=${r.node} `;
  let line = `${node}type=${r.typeName} msg=${payload}`;
  if (r.enriched !== undefined) line += ENRICHED_SEPARATOR + formatFields(r.enriched, r.enrichedTail ?? '');
  return line;
}

/**
 * Fields with their separators, then the tail.
 *
 * @example formatFields(parseLogLine('type=CWD msg=audit(1.000:2): cwd="/"').fields, '') // → ' cwd="/"'
 */
export function formatFields(fields: readonly AuditField[], tail: string): string {
  let s = '';
  for (const f of fields) s += `${f.sep}${f.name}=${f.raw}`;
  return s + tail;
}
