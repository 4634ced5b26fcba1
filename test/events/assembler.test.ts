import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readCaptureItems, recordOfItem } from '../../src/capture/index.js';
import { assembleEvents, EventAssembler } from '../../src/events/index.js';
import type { AuditEvent, EventOutput } from '../../src/events/index.js';
import { formatLogLine, parseLogLine } from '../../src/records/index.js';
import type { AuditRecord } from '../../src/records/index.js';
import { CAPTURES, VECTORS, vector } from '../capture/helpers.js';

function recordsOf(bytes: Uint8Array): AuditRecord[] {
  // Lines that do not parse (`type=UNKNOWN[1329] msg=?` in audit-rhel7.log) are left out, as auparse leaves them.
  return [...readCaptureItems(bytes)].flatMap((i) => {
    try {
      const r = recordOfItem(i);
      return r === undefined ? [] : [r];
    } catch {
      return [];
    }
  });
}

const events = (outs: Iterable<EventOutput>): AuditEvent[] => [...outs].flatMap((o) => (o.kind === 'event' ? [o.event] : []));

interface OracleEvent {
  sec: number;
  milli: number;
  serial: number;
  records: string[];
}

function canonical(list: { sec: number; milli: number; serial: number; records: string[] }[]): string[] {
  return list.map((e) => JSON.stringify([e.sec, e.milli, e.serial, e.records])).sort();
}

const LOGS: Record<string, string> = {
  ...Object.fromEntries(readdirSync(VECTORS + 'go-libaudit/reassembly').map((f) => [f.replace('.log', ''), `go-libaudit/reassembly/${f}`])),
  ...Object.fromEntries(
    readdirSync(VECTORS + 'go-libaudit/auparse')
      .filter((f) => f.endsWith('.log'))
      .map((f) => [f.replace('.log', ''), `go-libaudit/auparse/${f}`]),
  ),
  records: 'records.log',
};

describe('grouping agrees with libauparse', () => {
  // Answers made by scripts/auparse-events.py (the real libauparse 3.0.9) and committed.
  test.each(Object.keys(LOGS))('%s', (name) => {
    const oracle = readFileSync(`${CAPTURES}auparse-events/${name}.jsonl`, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as OracleEvent);
    const ours = events(assembleEvents(recordsOf(vector(LOGS[name]!)))).map((e) => ({
      sec: e.time.sec,
      milli: e.time.msec,
      serial: e.serial,
      records: e.records.map((r) => formatLogLine(r)),
    }));
    expect(canonical(ours)).toEqual(canonical(oracle));
  });
});

describe('EventAssembler', () => {
  const rec = (type: string, t: string, serial: number, body = 'x=1'): AuditRecord => parseLogLine(`type=${type} msg=audit(${t}:${serial}): ${body}`);

  test('EOE closes an event and is not one of its records; netlink multicast events group by EOE', () => {
    const a = new EventAssembler();
    expect(a.push(rec('SYSCALL', '10.000', 5))).toEqual([]);
    const out = a.push(rec('EOE', '10.000', 5, ''));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'event', event: { serial: 5, end: 'eoe' } });
    const ev = out[0]!.kind === 'event' ? out[0]!.event : undefined;
    expect(ev?.records.map((r) => r.typeName)).toEqual(['SYSCALL']);

    const multicast = events(assembleEvents(recordsOf(vector('events.multicast.txt'))));
    // The capture stops inside event 14: only its SYSCALL made it, so only the end of input closes it.
    expect(multicast.map((e) => e.end)).toEqual([...Array<string>(12).fill('last-record'), 'end-of-input']);
    expect(multicast.map((e) => e.records.length)).toEqual([3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 1]);
    expect(new Set(multicast.map((e) => e.serial)).size).toBe(multicast.length);
  });

  test('unicast and multicast captures of the same events give the same events', () => {
    const a = events(assembleEvents(recordsOf(vector('events.unicast.netlink.pcap'))));
    const b = events(assembleEvents(recordsOf(vector('events.multicast.be.netlink.pcap'))));
    const shape = (es: AuditEvent[]): unknown => es.map((e) => [e.serial, e.end, e.records.map((r) => formatLogLine(r))]);
    expect(shape(a)).toEqual(shape(b));
  });

  test('an event whose end never comes is closed by the age bound (event time) or the window', () => {
    const a = new EventAssembler({ timeoutSeconds: 2, maxInFlight: 2 });
    a.push(rec('SYSCALL', '10.000', 1));
    expect(a.push(rec('SYSCALL', '12.500', 2))).toEqual([]);
    const aged = a.push(rec('SYSCALL', '13.000', 3));
    expect(aged).toMatchObject([{ kind: 'event', event: { serial: 1, end: 'timeout' } }]);
    const windowed = a.push(rec('SYSCALL', '13.100', 4));
    expect(windowed).toMatchObject([{ kind: 'event', event: { serial: 2, end: 'window' } }]);
    expect(a.flush().map((o) => (o.kind === 'event' ? [o.event.serial, o.event.end] : []))).toEqual([
      [3, 'end-of-input'],
      [4, 'end-of-input'],
    ]);
  });

  test('an event is closed when it reaches maxRecords', () => {
    const a = new EventAssembler({ maxRecords: 3 });
    expect(a.push(rec('PATH', '10.000', 7))).toEqual([]);
    expect(a.push(rec('PATH', '10.000', 7))).toEqual([]);
    expect(a.push(rec('PATH', '10.000', 7))).toMatchObject([{ kind: 'event', event: { serial: 7, end: 'window' } }]);
    expect(a.inFlight).toBe(0);
  });

  test('serial gaps are reported, including across the 2^32 rollover; late records are not gaps', () => {
    const gaps = (serials: number[]): unknown[] =>
      [...assembleEvents(serials.map((s) => rec('USER_CMD', '10.000', s)))].flatMap((o) => (o.kind === 'gap' ? [o.gap] : []));
    expect(gaps([1, 2, 5, 3, 6])).toEqual([{ after: 2, next: 5, missing: 2 }]);
    expect(gaps([4294967294, 4294967295, 0, 2])).toEqual([{ after: 0, next: 2, missing: 1 }]);
    expect(gaps([4294967294, 1])).toEqual([{ after: 4294967294, next: 1, missing: 2 }]);
    const lost = [...assembleEvents(recordsOf(vector('go-libaudit/reassembly/lost_messages.log')))].filter((o) => o.kind === 'gap');
    expect(lost).toEqual([{ kind: 'gap', gap: { after: 49, next: 59, missing: 9 } }]);
  });

  test('at most maxNodes node names are remembered for gaps: the oldest is forgotten', () => {
    const onNode = (node: string, serial: number): AuditRecord => ({ ...rec('USER_CMD', '10.000', serial), node });
    const gaps = (maxNodes: number): unknown[] =>
      [...assembleEvents([onNode('a', 1), onNode('b', 1), onNode('c', 1), onNode('a', 5)], { maxNodes })].flatMap((o) => (o.kind === 'gap' ? [o.gap] : []));
    expect(gaps(3)).toEqual([{ after: 1, next: 5, missing: 3, node: 'a' }]);
    // With room for two names, 'a' was forgotten when 'c' came: its next record starts afresh.
    expect(gaps(2)).toEqual([]);
  });
});
