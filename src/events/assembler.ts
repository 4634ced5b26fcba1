import { isLastRecord } from '../records/last.js';
import type { AuditRecord } from '../records/types.js';
import type { AssemblerOptions, AuditEvent, EventEnd, EventKey, EventOutput } from './types.js';

/** AUDIT_EOE: the kernel's end-of-event marker (netlink and dispatcher only, never on disk). */
const AUDIT_EOE = 1320;
const SERIAL_MOD = 2 ** 32;

interface Building<R extends EventKey> {
  /** The event's key in `building`: its serial, or (when another event in flight has that serial) the full key string. */
  readonly key: number | string;
  readonly first: R;
  readonly records: R[];
  /** False once closed (so that `last` below is not reused after it left the map). */
  open: boolean;
}

/** What `push` returns when nothing closed: one shared array, never written to. */
const NOTHING: EventOutput<never>[] = [];
Object.freeze(NOTHING);

/**
 * Groups records into events the way libauparse does (auparse.c `au_auparse_next_event` and
 * `au_check_events`): records with the same `(node, sec, msec, serial)` belong together; an event
 * ends at its EOE, at a record type `audit_is_last_record` names, when a record arrives more than
 * `timeoutSeconds` later (event time), or when the in-flight window is full. Serial gaps between
 * new events are reported as they are seen.
 *
 * `push` returns a shared, frozen empty array when nothing closed; treat its result as read-only.
 *
 * @example
 * const a = new EventAssembler();
 * for (const r of records) for (const out of a.push(r)) if (out.kind === 'event') console.log(out.event.serial);
 * for (const out of a.flush()) console.log(out);
 */
export class EventAssembler<R extends EventKey = AuditRecord> {
  /**
   * Events in flight, oldest first. Keyed by serial, which is one number to hash; an event whose
   * serial is already taken by another event in flight (another node, or a serial reused after a
   * rollover) is keyed by `fullKey` instead, and `fullKeyed` counts those.
   */
  private readonly building = new Map<number | string, Building<R>>();
  private fullKeyed = 0;
  private readonly lastSerial = new Map<string, number>();
  private readonly maxInFlight: number;
  private readonly timeoutSeconds: number;
  private readonly maxRecords: number;
  private readonly maxNodes: number;
  /** The event the previous record went to: consecutive records of one event skip the key and the map. */
  private last: Building<R> | undefined = undefined;
  /**
   * A lower bound of the `first.time.sec` of every event in flight. Only when a record's time is
   * past it by more than the timeout can an event have timed out, so only then are all events in
   * flight looked at (and the bound made exact again).
   */
  private oldestSec = Infinity;
  private out: EventOutput<R>[] = [];

  constructor(opts: AssemblerOptions = {}) {
    this.maxRecords = Math.max(1, opts.maxRecords ?? 10_000);
    this.maxNodes = Math.max(1, opts.maxNodes ?? 4096);
    this.maxInFlight = Math.max(1, opts.maxInFlight ?? 64);
    this.timeoutSeconds = opts.timeoutSeconds ?? 2;
  }

  /** Events in flight right now. */
  get inFlight(): number {
    return this.building.size;
  }

  /** Add one record; returns what it completed (and any serial gap it revealed). */
  push(record: R): EventOutput<R>[] {
    const out = this.out;
    const time = record.time;
    let ev = this.last;
    if (ev === undefined || !ev.open || !sameEvent(ev.first, record)) {
      ev = this.building.get(record.serial);
      if (ev !== undefined && !sameEvent(ev.first, record)) ev = this.building.get(fullKey(record));
      else if (ev === undefined && this.fullKeyed > 0) ev = this.building.get(fullKey(record));
      if (ev === undefined) {
        // An EOE after the event already ended (at its PROCTITLE, say) starts nothing: auparse ignores it too.
        if (record.type === AUDIT_EOE) return NOTHING;
        this.gap(record.node ?? '', record, out);
        const key = this.building.has(record.serial) ? fullKey(record) : record.serial;
        if (typeof key === 'string') this.fullKeyed++;
        ev = { key, first: record, records: [], open: true };
        this.building.set(key, ev);
        if (time.sec < this.oldestSec) this.oldestSec = time.sec;
      }
      this.last = ev;
    }
    const eoe = record.type === AUDIT_EOE;
    if (!eoe) ev.records.push(record);
    // A stream repeating one (time, serial) forever must not hold an ever-growing event.
    if (ev.records.length >= this.maxRecords) this.close(ev, 'window', out);
    if (this.oldestSec + this.timeoutSeconds < time.sec) {
      // As au_check_events: every event in flight is looked at with the new record's time. Only
      // the current event can have just received its last record (every other one was looked at
      // when its own last record arrived), so the end-of-event checks are for it alone.
      let oldest = Infinity;
      for (const b of this.building.values()) {
        const sec = b.first.time.sec;
        if (sec + this.timeoutSeconds < time.sec) this.close(b, 'timeout', out);
        else if (b === ev && (eoe || isLastRecord(record.type))) this.close(b, eoe ? 'eoe' : 'last-record', out);
        else if (sec < oldest) oldest = sec;
      }
      this.oldestSec = oldest;
    } else if (ev.open && (eoe || isLastRecord(record.type))) {
      this.close(ev, eoe ? 'eoe' : 'last-record', out);
    }
    while (this.building.size > this.maxInFlight) this.close(this.building.values().next().value!, 'window', out);
    if (out.length === 0) return NOTHING;
    this.out = [];
    return out;
  }

  /** End of input: close every event still in flight, oldest first. */
  flush(): EventOutput<R>[] {
    const out: EventOutput<R>[] = [];
    for (const b of this.building.values()) this.close(b, 'end-of-input', out);
    this.oldestSec = Infinity;
    return out;
  }

  private close(b: Building<R>, end: EventEnd, out: EventOutput<R>[]): void {
    this.building.delete(b.key);
    if (typeof b.key === 'string') this.fullKeyed--;
    b.open = false;
    const { node, time, serial } = b.first;
    const event: AuditEvent<R> = node === undefined ? { time, serial, records: b.records, end } : { time, serial, records: b.records, end, node };
    out.push({ kind: 'event', event });
  }

  private gap(node: string, record: R, out: EventOutput<R>[]): void {
    const prev = this.lastSerial.get(node);
    const s = record.serial;
    if (prev === undefined) {
      // A stream of ever new node names must not grow this map without end: forget the oldest.
      if (this.lastSerial.size >= this.maxNodes) this.lastSerial.delete(this.lastSerial.keys().next().value!);
      this.lastSerial.set(node, s);
      return;
    }
    const ahead = (s - prev + SERIAL_MOD) % SERIAL_MOD;
    // Less than half the serial space ahead is progress (counting across the 2^32 rollover);
    // anything else is a late record of an older event.
    if (ahead === 0 || ahead >= SERIAL_MOD / 2) return;
    this.lastSerial.set(node, s);
    if (ahead > 1) {
      const missing = ahead - 1;
      out.push({ kind: 'gap', gap: record.node === undefined ? { after: prev, next: s, missing } : { after: prev, next: s, missing, node: record.node } });
    }
  }
}

function fullKey(r: EventKey): string {
  return `${r.node ?? ''}|${r.time.sec}.${r.time.msec}:${r.serial}`;
}

/** True if `r` has the same `(node, sec, msec, serial)` as `first`. */
function sameEvent(first: EventKey, r: EventKey): boolean {
  return first.serial === r.serial && first.time.sec === r.time.sec && first.time.msec === r.time.msec && first.node === r.node;
}

/**
 * Group a whole sequence of records.
 *
 * @example for (const out of assembleEvents(records)) if (out.kind === 'gap') console.warn(out.gap);
 */
export function* assembleEvents<R extends EventKey = AuditRecord>(records: Iterable<R>, opts: AssemblerOptions = {}): Generator<EventOutput<R>> {
  const a = new EventAssembler<R>(opts);
  for (const r of records) yield* a.push(r);
  yield* a.flush();
}
