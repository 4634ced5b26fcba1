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
/** AUDIT_INTERP_SEPARATOR in libaudit.h. */
export const INTERP_SEPARATOR = '\x1d';

/**
 * Split one audit.log line (without its newline) into its parts; `newline` says whether the input
 * had one after it.
 *
 * @example parseLogLineParts('type=CWD msg=audit(1.2:3): cwd="/"', 0, 0).payload // → 'audit(1.2:3): cwd="/"'
 */
export function parseLogLineParts(text: string, offset: number, index: number, newline = true): LogLine {
  // By hand, what /^(?:node=(\S*) )?type=(\S+) msg=([\s\S]*)$/ matches, without copying the rest
  // of the line through a capture group.
  let i = 0;
  let node: string | undefined;
  if (text.startsWith('node=')) {
    let j = 5;
    while (j < text.length && !isJsSpace(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) === 0x20 && text.startsWith('type=', j + 1)) {
      node = text.slice(5, j);
      i = j + 1;
    }
  }
  let typeEnd = i + 5;
  if (text.startsWith('type=', i)) while (typeEnd < text.length && !isJsSpace(text.charCodeAt(typeEnd))) typeEnd++;
  if (!text.startsWith('type=', i) || typeEnd === i + 5 || !text.startsWith(' msg=', typeEnd)) {
    throw new AuditError(AuditErrorCode.BAD_RECORD, `not an audit.log line: ${JSON.stringify(text.slice(0, 40))}`, { offset });
  }
  const restStart = typeEnd + 5;
  const sep = text.indexOf(INTERP_SEPARATOR, restStart);
  const typeName = text.slice(i + 5, typeEnd);
  const payload = sep < 0 ? text.slice(restStart) : text.slice(restStart, sep);
  const line: { -readonly [K in keyof LogLine]: LogLine[K] } = { text, index, offset, typeName, newline, payload };
  if (node !== undefined) line.node = node;
  if (sep >= 0) line.enrichment = text.slice(sep + 1);
  return line;
}

/** What `\s` matches in a JavaScript regular expression. */
function isJsSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
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
