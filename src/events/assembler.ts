import { isLastRecord } from '../records/last.js';
import type { AuditRecord } from '../records/types.js';
import type { AssemblerOptions, AuditEvent, EventEnd, EventOutput } from './types.js';

/** AUDIT_EOE: the kernel's end-of-event marker (netlink and dispatcher only, never on disk). */
const AUDIT_EOE = 1320;
const SERIAL_MOD = 2 ** 32;

interface Building {
  readonly key: string;
  readonly first: AuditRecord;
  readonly records: AuditRecord[];
}

/**
 * Groups records into events the way libauparse does (auparse.c `au_auparse_next_event` and
 * `au_check_events`): records with the same `(node, sec, msec, serial)` belong together; an event
 * ends at its EOE, at a record type `audit_is_last_record` names, when a record arrives more than
 * `timeoutSeconds` later (event time), or when the in-flight window is full. Serial gaps between
 * new events are reported as they are seen.
 *
 * @example
 * const a = new EventAssembler();
 * for (const r of records) for (const out of a.push(r)) if (out.kind === 'event') console.log(out.event.serial);
 * for (const out of a.flush()) console.log(out);
 */
export class EventAssembler {
  private readonly building = new Map<string, Building>();
  private readonly lastSerial = new Map<string, number>();
  private readonly maxInFlight: number;
  private readonly timeoutSeconds: number;
  private readonly maxRecords: number;

  constructor(opts: AssemblerOptions = {}) {
    this.maxRecords = Math.max(1, opts.maxRecords ?? 10_000);
    this.maxInFlight = Math.max(1, opts.maxInFlight ?? 64);
    this.timeoutSeconds = opts.timeoutSeconds ?? 2;
  }

  /** Events in flight right now. */
  get inFlight(): number {
    return this.building.size;
  }

  /** Add one record; returns what it completed (and any serial gap it revealed). */
  push(record: AuditRecord): EventOutput[] {
    const out: EventOutput[] = [];
    const node = record.node ?? '';
    const key = `${node}|${record.time.sec}.${record.time.msec}:${record.serial}`;
    let ev = this.building.get(key);
    // An EOE after the event already ended (at its PROCTITLE, say) starts nothing: auparse ignores it too.
    if (ev === undefined && record.type === AUDIT_EOE) return out;
    if (ev === undefined) {
      this.gap(node, record, out);
      ev = { key, first: record, records: [] };
      this.building.set(key, ev);
    }
    if (record.type !== AUDIT_EOE) ev.records.push(record);
    // A stream repeating one (time, serial) forever must not hold an ever-growing event.
    if (ev.records.length >= this.maxRecords) this.close(ev, 'window', out);
    // As au_check_events: every event in flight is looked at with the new record's time.
    for (const b of [...this.building.values()]) {
      if (!this.building.has(b.key)) continue;
      const last = b.records[b.records.length - 1];
      if (b.first.time.sec + this.timeoutSeconds < record.time.sec) this.close(b, 'timeout', out);
      else if (b === ev && record.type === AUDIT_EOE) this.close(b, 'eoe', out);
      else if (last !== undefined && isLastRecord(last.type)) this.close(b, 'last-record', out);
    }
    while (this.building.size > this.maxInFlight) this.close(this.building.values().next().value!, 'window', out);
    return out;
  }

  /** End of input: close every event still in flight, oldest first. */
  flush(): EventOutput[] {
    const out: EventOutput[] = [];
    for (const b of [...this.building.values()]) this.close(b, 'end-of-input', out);
    return out;
  }

  private close(b: Building, end: EventEnd, out: EventOutput[]): void {
    this.building.delete(b.key);
    const { node, time, serial } = b.first;
    const event: AuditEvent = { time, serial, records: b.records, end, ...(node === undefined ? {} : { node }) };
    out.push({ kind: 'event', event });
  }

  private gap(node: string, record: AuditRecord, out: EventOutput[]): void {
    const prev = this.lastSerial.get(node);
    const s = record.serial;
    if (prev === undefined) {
      this.lastSerial.set(node, s);
      return;
    }
    const ahead = (s - prev + SERIAL_MOD) % SERIAL_MOD;
    // Less than half the serial space ahead is progress (counting across the 2^32 rollover);
    // anything else is a late record of an older event.
    if (ahead === 0 || ahead >= SERIAL_MOD / 2) return;
    this.lastSerial.set(node, s);
    if (ahead > 1) {
      out.push({ kind: 'gap', gap: { after: prev, next: s, missing: ahead - 1, ...(record.node === undefined ? {} : { node: record.node }) } });
    }
  }
}

/**
 * Group a whole sequence of records.
 *
 * @example for (const out of assembleEvents(records)) if (out.kind === 'gap') console.warn(out.gap);
 */
export function* assembleEvents(records: Iterable<AuditRecord>, opts: AssemblerOptions = {}): Generator<EventOutput> {
  const a = new EventAssembler(opts);
  for (const r of records) yield* a.push(r);
  yield* a.flush();
}
