/**
 * The one error class the library throws for bad input.
 *
 * Every decoder reports what went wrong with a stable `code`, the absolute byte `offset` of the
 * byte at fault (counted from the start of the buffer the caller handed in), and a `path` naming
 * the field (`msg[3].nlmsg_len`, `record.fields[5]`). Truncation is kept apart from malformation so
 * that a streaming reader can wait for more bytes instead of giving up.
 */

/** Every error code, with the one-line meaning documented in docs/errors.md. */
export const AuditErrorCode = {
  /** The input ends before the bytes a length or struct size says are there. */
  TRUNCATED: 'AUDIT_ERR_TRUNCATED',
  /** A length field is impossible (smaller than its header, larger than the datagram). */
  BAD_LENGTH: 'AUDIT_ERR_BAD_LENGTH',
  /** A message does not start at a 4-byte boundary, or padding is not zero (strict validation). */
  BAD_ALIGN: 'AUDIT_ERR_BAD_ALIGN',
  /** Padding or reserved bytes are not zero (strict validation). */
  BAD_PADDING: 'AUDIT_ERR_BAD_PADDING',
  /** A count field (field_count, sizes) is above its maximum. */
  BAD_COUNT: 'AUDIT_ERR_BAD_COUNT',
  /** A field holds a value outside its domain. */
  BAD_VALUE: 'AUDIT_ERR_BAD_VALUE',
  /** Text that should be hex is not even-length upper/lower-case hex. */
  BAD_HEX: 'AUDIT_ERR_BAD_HEX',
  /** A text record does not have the `audit(SEC.MS:SERIAL): ` header. */
  BAD_RECORD: 'AUDIT_ERR_BAD_RECORD',
  /** A capture container (pcap, pcapng, strace, log) is malformed. */
  BAD_CAPTURE: 'AUDIT_ERR_BAD_CAPTURE',
  /** The input's format could not be recognised. */
  UNKNOWN_FORMAT: 'AUDIT_ERR_UNKNOWN_FORMAT',
  /** A configured limit (largest message, most fields, ...) was exceeded. */
  LIMIT: 'AUDIT_ERR_LIMIT',
  /** A value handed to an encoder cannot be represented on the wire. */
  ENCODE: 'AUDIT_ERR_ENCODE',
  /** auditctl rule text that libaudit would refuse. */
  BAD_RULE: 'AUDIT_ERR_BAD_RULE',
  /** A filter expression that does not parse. */
  BAD_FILTER: 'AUDIT_ERR_BAD_FILTER',
  /** JSON Lines input for `encode` that does not follow the documented schema. */
  BAD_JSON: 'AUDIT_ERR_BAD_JSON',
} as const;

export type AuditErrorCode = (typeof AuditErrorCode)[keyof typeof AuditErrorCode];

export interface AuditErrorDetails {
  /** Absolute byte offset of the byte at fault; -1 when the error is not about a position. */
  readonly offset?: number;
  /** Field path, e.g. `msg[3].nlmsg_len`. */
  readonly path?: string;
  readonly expected?: number;
  readonly actual?: number;
  readonly cause?: unknown;
}

export class AuditError extends Error {
  override readonly name = 'AuditError';
  readonly code: AuditErrorCode;
  readonly offset: number;
  readonly path: string;
  readonly expected: number | undefined;
  readonly actual: number | undefined;

  constructor(code: AuditErrorCode, message: string, details: AuditErrorDetails = {}) {
    const offset = details.offset ?? -1;
    const path = details.path ?? '';
    const where = offset >= 0 ? ` at offset ${offset}` : '';
    const field = path !== '' ? ` (${path})` : '';
    super(`${message}${where}${field}`, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.offset = offset;
    this.path = path;
    this.expected = details.expected;
    this.actual = details.actual;
  }

  /** The same error moved by `delta` bytes and nested under `prefix`, for callers that decoded a sub-buffer. */
  rebase(delta: number, prefix: string): AuditError {
    const path = prefix === '' ? this.path : this.path === '' ? prefix : `${prefix}.${this.path}`;
    const bare = stripWhere(this.message, this.offset, this.path);
    const details: AuditErrorDetails = {
      offset: this.offset >= 0 ? this.offset + delta : -1,
      path,
      cause: this,
      ...(this.expected === undefined ? {} : { expected: this.expected }),
      ...(this.actual === undefined ? {} : { actual: this.actual }),
    };
    return new AuditError(this.code, bare, details);
  }
}

function stripWhere(message: string, offset: number, path: string): string {
  let m = message;
  if (path !== '' && m.endsWith(` (${path})`)) m = m.slice(0, -(path.length + 3));
  if (offset >= 0 && m.endsWith(` at offset ${offset}`)) m = m.slice(0, -(` at offset ${offset}`.length));
  return m;
}

export function isAuditError(e: unknown): e is AuditError {
  return e instanceof AuditError;
}

/** Shorthand for the most common error: `need` bytes wanted at `offset`, only `have` left. */
export function truncated(what: string, offset: number, need: number, have: number, path = ''): AuditError {
  return new AuditError(AuditErrorCode.TRUNCATED, `${what} needs ${need} bytes, ${have} left`, {
    offset,
    path,
    expected: need,
    actual: have,
  });
}
