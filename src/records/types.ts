/**
 * The record model: one text record (`audit(SEC.MS:SERIAL): ...`) as a type, a time stamp, a
 * serial and the fields in wire order. Every character of the text lands in exactly one place
 * (a field's `sep`, its `name`/`raw`, or the record's `tail`), which is what makes formatting
 * byte-exact for any text the parser accepted.
 */

/** How a value was written on the wire (reference §4.2–4.3). */
export type FieldForm =
  /** `name=value` with no quoting: numbers, hex numbers, LSM contexts, tokens like `NORMAL`. */
  | 'bare'
  /** `name="value"`: an untrusted string with no byte the kernel would hex-encode. */
  | 'quoted'
  /** `name=2F746D70`: an untrusted string the kernel printed as upper-case hex. */
  | 'hex'
  /** `(null)`, `(none)` or `?`: the value is absent. */
  | 'null';

/** One `name=value` pair. */
export interface AuditField {
  /** The name exactly as written; a name from the wire is data (`__proto__` is an ordinary name). */
  readonly name: string;
  /** The value text exactly as written, quotes included. */
  readonly raw: string;
  /** The decoded value: quotes removed, hex decoded (UTF-8), `null` for the null tokens. */
  readonly value: string | null;
  readonly form: FieldForm;
  /** True for the fields inside a user message's `msg='...'`. */
  readonly inMsg: boolean;
  /**
   * The text between the previous field (or the header) and this name: usually `" "`, but also
   * `"  "`, `" msg='"`, `"' "` or words that are not fields (`avc:  denied  { read } for  `).
   */
  readonly sep: string;
}

/** Seconds and milliseconds of the record's stamp (`%llu.%03lu`). */
export interface RecordTime {
  readonly sec: number;
  readonly msec: number;
}

/** A parsed or built text record. */
export interface AuditRecord {
  /** The message type number (1300 for SYSCALL). */
  readonly type: number;
  /** The name audit.log uses: `SYSCALL`, or `UNKNOWN[1329]` for types without a name. */
  readonly typeName: string;
  /** The `node=` prefix of an audit.log line, when present. */
  readonly node?: string;
  readonly time: RecordTime;
  readonly serial: number;
  readonly fields: readonly AuditField[];
  /** Text after the last field: `""` normally, `" "` for a netlink EOE, `"'"` closing `msg='...'`. */
  readonly tail: string;
  /** The fields after the 0x1D separator of an ENRICHED log line (upper-case names). */
  readonly enriched?: readonly AuditField[];
  /** Present and false only for old daemon records written as `audit(...) text` without a colon. */
  readonly headerColon?: false;
  /** Text after the last enriched field. */
  readonly enrichedTail?: string;
}

/** The 0x1D byte auditd puts between a record and its ENRICHED fields (AUDIT_INTERP_SEPARATOR). */
export const ENRICHED_SEPARATOR = '\x1d';
