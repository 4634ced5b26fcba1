import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { EventAssembler } from '../../src/events/assembler.js';
import type { EventKey, EventOutput } from '../../src/events/types.js';
import { isLastRecord } from '../../src/records/last.js';

const EOE = 1320;

/**
 * The grouping rules written as plainly as possible (every event in flight looked at on every
 * record, string keys): the model the optimised assembler (serial keys, the `last` shortcut, the
 * timeout lower bound) must agree with.
 */
function model(records: readonly EventKey[], timeout: number, maxInFlight: number): unknown[] {
  const out: unknown[] = [];
  const open = new Map<string, { first: EventKey; records: EventKey[] }>();
  const lastSerial = new Map<string, number>();
  const close = (k: string, end: string): void => {
    const b = open.get(k)!;
    open.delete(k);
    out.push({ kind: 'event', serial: b.first.serial, node: b.first.node, sec: b.first.time.sec, n: b.records.length, end });
  };
  for (const r of records) {
    const node = r.node ?? '';
    const key = `${node}|${r.time.sec}.${r.time.msec}:${r.serial}`;
    let b = open.get(key);
    if (b === undefined) {
      if (r.type === EOE) continue;
      const prev = lastSerial.get(node);
      if (prev === undefined) lastSerial.set(node, r.serial);
      else {
        const ahead = (r.serial - prev + 2 ** 32) % 2 ** 32;
        if (ahead !== 0 && ahead < 2 ** 31) {
          lastSerial.set(node, r.serial);
          if (ahead > 1) out.push({ kind: 'gap', after: prev, next: r.serial, node: r.node });
        }
      }
      b = { first: r, records: [] };
      open.set(key, b);
    }
    if (r.type !== EOE) b.records.push(r);
    for (const [k, e] of [...open]) {
      if (e.first.time.sec + timeout < r.time.sec) close(k, 'timeout');
      else if (k === key && (r.type === EOE || isLastRecord(r.type))) close(k, r.type === EOE ? 'eoe' : 'last-record');
    }
    while (open.size > maxInFlight) close(open.keys().next().value!, 'window');
  }
  for (const k of [...open.keys()]) close(k, 'end-of-input');
  return out;
}

function flat(outs: readonly EventOutput<EventKey>[]): unknown[] {
  return outs.map((o) =>
    o.kind === 'event'
      ? { kind: 'event', serial: o.event.serial, node: o.event.node, sec: o.event.time.sec, n: o.event.records.length, end: o.event.end }
      : { kind: 'gap', after: o.gap.after, next: o.gap.next, node: o.gap.node },
  );
}

const record = fc.record({
  type: fc.constantFrom(1300, 1302, 1307, 1327, EOE, 1100, 1309),
  time: fc.record({ sec: fc.integer({ min: 0, max: 8 }), msec: fc.constantFrom(0, 1) }),
  serial: fc.integer({ min: 1, max: 6 }),
  node: fc.constantFrom(undefined, 'a', 'b'),
});

describe('EventAssembler against a plain model', () => {
  test.prop([fc.array(record, { maxLength: 60 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 })], { numRuns: 400 })(
    'same events, ends and gaps, in the same order, whatever serials, nodes and times collide',
    (records, timeout, maxInFlight) => {
      const recs: EventKey[] = records.map((r) => (r.node === undefined ? { type: r.type, time: r.time, serial: r.serial } : r));
      const a = new EventAssembler<EventKey>({ timeoutSeconds: timeout, maxInFlight });
      const got: unknown[] = [];
      for (const r of recs) got.push(...flat(a.push(r)));
      got.push(...flat(a.flush()));
      expect(got).toEqual(model(recs, timeout, maxInFlight));
    },
  );
});
