import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import { LineFramer } from './lines.js';
import { utf8 } from './text.js';
import type { LogLine } from './types.js';

/**
 * auditd's audit.log (RAW and ENRICHED, `format_raw`/`format_enrich` in auditd's
 * src/auditd-event.c): `[node=NAME ]type=NAME msg=PAYLOAD`, and for ENRICHED the byte 0x1D followed
 * by interpreted upper-case fields. Blank lines are passed over; anything else is an error for that
 * line only.
 */
const LOG_LINE = /^(?:node=(\S*) )?type=(\S+) msg=([\s\S]*)$/;
/** AUDIT_INTERP_SEPARATOR in libaudit.h. */
export const INTERP_SEPARATOR = '\x1d';

/**
 * Split one audit.log line (without its newline) into its parts; `newline` says whether the input
 * had one after it.
 *
 * @example parseLogLineParts('type=CWD msg=audit(1.2:3): cwd="/"', 0, 0).payload // → 'audit(1.2:3): cwd="/"'
 */
export function parseLogLineParts(text: string, offset: number, index: number, newline = true): LogLine {
  const m = LOG_LINE.exec(text);
  if (m === null) throw new AuditError(AuditErrorCode.BAD_RECORD, `not an audit.log line: ${JSON.stringify(text.slice(0, 40))}`, { offset });
  const rest = m[3]!;
  const sep = rest.indexOf(INTERP_SEPARATOR);
  return {
    text,
    index,
    offset,
    typeName: m[2]!,
    newline,
    payload: sep < 0 ? rest : rest.slice(0, sep),
    ...(m[1] === undefined ? {} : { node: m[1] }),
    ...(sep < 0 ? {} : { enrichment: rest.slice(sep + 1) }),
  };
}

export function logFramer(maxLineBytes: number): LineFramer {
  let index = 0;
  return new LineFramer((bytes, offset, newline) => {
    const text = utf8(bytes);
    if (text.trim() === '') return undefined;
    const line = parseLogLineParts(text, offset, index, newline);
    index++;
    return { kind: 'line', line };
  }, maxLineBytes);
}
