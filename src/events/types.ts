import type { AuditRecord, RecordTime } from '../records/types.js';

/** Why an event was closed: its EOE, a record type that always ends an event, or a bound. */
export type EventEnd = 'eoe' | 'last-record' | 'timeout' | 'window' | 'end-of-input';

/**
 * What the assembler reads of a record: an `AuditRecord`, or a `RecordView` (the fast path, whose
 * events then hold views).
 */
export interface EventKey {
  readonly type: number;
  readonly time: RecordTime;
  readonly serial: number;
  readonly node?: string | undefined;
}

/** Records that share `(node, sec, msec, serial)`, in arrival order. */
export interface AuditEvent<R extends EventKey = AuditRecord> {
  readonly node?: string;
  readonly time: RecordTime;
  readonly serial: number;
  /** The records (EOE itself is not included: it carries no fields). */
  readonly records: readonly R[];
  readonly end: EventEnd;
}

/**
 * Serials that never showed up between two events: the records were lost somewhere between the
 * kernel and the reader (compare with the kernel's own `lost` counter in `audit_status`, which
 * counts only what the kernel dropped).
 */
export interface SerialGap {
  readonly node?: string;
  /** The highest serial seen before the gap. */
  readonly after: number;
  /** The serial that arrived. */
  readonly next: number;
  /** How many serials are missing (modulo 2^32 across a rollover). */
  readonly missing: number;
}

export type EventOutput<R extends EventKey = AuditRecord> = { readonly kind: 'event'; readonly event: AuditEvent<R> } | { readonly kind: 'gap'; readonly gap: SerialGap };

export interface AssemblerOptions {
  /** Most events under construction at once; the oldest is closed (`window`) beyond it. Default 64. */
  readonly maxInFlight?: number;
  /**
   * Close an event when a record arrives whose time is more than this many seconds after the
   * event's (auparse's `eoe_timeout`, default EOE_TIMEOUT = 2 in auditd-config.h). Event time, not
   * wall-clock time, so a replayed log groups the same way every time.
   */
  readonly timeoutSeconds?: number;
  /** Most records one event may gather before it is closed (`window`); default 10000. */
  readonly maxRecords?: number;
  /**
   * Most `node=` names whose last serial is remembered for gap reports (default 4096); beyond it
   * the name seen longest ago is forgotten, and its next record starts afresh (no gap reported).
   */
  readonly maxNodes?: number;
}
