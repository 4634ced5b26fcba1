/**
 * audit.log text as auditd writes it in RAW (or ENRICHED) format, reference §4.8:
 * `[node=NAME ]type=NAME msg=audit(SEC.MSEC:SERIAL): BODY[\x1dENRICHED]\n`. EOE is never written.
 */
import { emitRecords, type Shape } from './events.js';

export interface AuditLogOptions {
  readonly seed: number;
  readonly shape: Shape;
  /** Stop at the first event boundary at or after this many bytes. */
  readonly sizeBytes: number;
  /** Append auditd's ENRICHED suffix (0x1D + resolved fields) where there is one. */
  readonly enriched?: boolean;
  /** `node=NAME ` prefix (auditd `name_format`). */
  readonly node?: string;
}

/** The log as chunks of whole lines (about 64 KiB each); the concatenation is the file. */
export function* auditLogChunks(opts: AuditLogOptions): Generator<string> {
  const prefix = opts.node === undefined ? '' : `node=${opts.node} `;
  let total = 0;
  let chunk = '';
  for (const { event, record, index } of emitRecords({ seed: opts.seed, shape: opts.shape, withEoe: false })) {
    // Stop at an event boundary (the first record of an event) once the size is reached.
    if (index === 0 && total + chunk.length >= opts.sizeBytes) break;
    const msec = event.msec < 10 ? `00${event.msec}` : event.msec < 100 ? `0${event.msec}` : `${event.msec}`;
    chunk += `${prefix}type=${record.name} msg=audit(${event.sec}.${msec}:${event.serial}): ${record.body}`;
    if (opts.enriched === true && record.enrich !== '') chunk += `\x1d${record.enrich}`;
    chunk += '\n';
    if (chunk.length >= 65536) {
      total += chunk.length;
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** The whole log as one string (for tests and small sizes). */
export function auditLogText(opts: AuditLogOptions): string {
  let s = '';
  for (const c of auditLogChunks(opts)) s += c;
  return s;
}
