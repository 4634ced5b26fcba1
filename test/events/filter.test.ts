import { describe, expect, test } from 'vitest';
import { AuditErrorCode } from '../../src/bytes/errors.js';
import { datagramMatches, readCapture, readCaptureItems, recordOfItem } from '../../src/capture/index.js';
import { assembleEvents, matchEvent, matchRecord, parseFilter } from '../../src/events/index.js';
import type { AuditEvent } from '../../src/events/index.js';
import { parseLogLine } from '../../src/records/index.js';
import { vector } from '../capture/helpers.js';

function eventsOf(name: string): AuditEvent[] {
  const records = [...readCaptureItems(vector(name))].flatMap((i) => {
    const r = recordOfItem(i);
    return r === undefined ? [] : [r];
  });
  return [...assembleEvents(records)].flatMap((o) => (o.kind === 'event' ? [o.event] : []));
}

const serials = (events: AuditEvent[], ...filters: string[]): number[] => events.filter((e) => matchEvent(parseFilter(filters), e)).map((e) => e.serial);

describe('parseFilter', () => {
  test.each([
    ['colour=red', 0, /unknown filter "colour"/],
    ['key', 0, /not name=value/],
    ['type=SYSCALL type=BOGUS', 18, /unknown record type "BOGUS"/],
    ['pid=abc', 4, /takes a number/],
    ['since=yesterday', 6, /not a time/],
    ['syscall=not_a_call', 8, /unknown syscall/],
    ['class=kernel,nope', 6, /unknown class "nope"/],
    ['key=a,,b', 4, /empty value/],
  ])('%s is refused at offset %i', (text, offset, message) => {
    let err: unknown;
    try {
      parseFilter([text]);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: AuditErrorCode.BAD_FILTER, offset });
    expect((err as Error).message).toMatch(message);
  });

  test('several terms and filters compose', () => {
    const f = parseFilter(['key=a,b type=SYSCALL', 'since=2023-11-14T22:13:20Z']);
    expect(f.terms.map((t) => [t.name, t.values])).toEqual([
      ['key', ['a', 'b']],
      ['type', ['1300']],
      ['since', ['1700000000000']],
    ]);
  });
});

describe('matching events of the real captures', () => {
  const multicast = eventsOf('events.multicast.txt');
  const log = eventsOf('go-libaudit/reassembly/normal.log');

  test('key, with the oracle-ns/oracle-exec keys auditctl set in this capture', () => {
    // Event 3 is the CONFIG_CHANGE of adding the oracle-exec rule; 4–14 are the syscalls it caught.
    expect(serials(multicast, 'key=oracle-exec')).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(serials(multicast, 'key=oracle-ns')).toEqual([2]);
    // Only the rule change succeeded (res=1); every execve the rule caught failed (success=no).
    expect(serials(multicast, 'key=oracle-exec', 'success=yes')).toEqual([3]);
    expect(serials(log, 'key=user_commands')).toEqual([59, 60]);
  });

  test('type, class, syscall by name (per arch) and number, pid and ppid, time range', () => {
    expect(serials(log, 'type=SOCKADDR')).toEqual([58, 61]);
    expect(serials(log, 'type!=SOCKADDR')).toEqual([59, 60, 62]);
    expect(serials(multicast, 'class=kernel type=CONFIG_CHANGE')).toEqual([2, 3]);
    expect(serials(log, 'syscall=execve')).toEqual([59, 60]);
    expect(serials(log, 'syscall=59')).toEqual([59, 60]);
    expect(serials(log, 'pid=13393')).toEqual([59]);
    expect(serials(log, 'ppid=1', 'success=no')).toEqual([58]);
    expect(serials(log, 'since=1492037291.037 until=1492037291.038')).toEqual([60]);
  });

  test('uid/auid, and container ids and namespace inodes on records that carry them', () => {
    expect(serials(log, 'auid=1000')).toEqual([59, 60]);
    expect(serials(log, 'uid=0')).toEqual([58, 61]);
    expect(serials(log, 'uid=89')).toEqual([62]);
    const op = parseLogLine('type=UNKNOWN[1020] msg=audit(1606404267.551:174524): op=set opid=8730 contid=4515122123205246976 old-contid=-1');
    expect(matchRecord(parseFilter(['contid=4515122123205246976']), op)).toBe(true);
    expect(matchRecord(parseFilter(['contid=1']), op)).toBe(false);
    const ns = parseLogLine('type=UNKNOWN[1335] msg=audit(1.000:2): dev=00:04 old_netns=4026531840 netns=4026532200 res=1');
    expect(matchRecord(parseFilter(['ns=4026532200']), ns)).toBe(true);
    expect(matchRecord(parseFilter(['ns=4026532201']), ns)).toBe(false);
  });
});

describe('datagramMatches (for decode --filter)', () => {
  test('records by their fields, control messages by type and class', () => {
    const status = [...readCapture(vector('auditctl-status.txt')).datagrams];
    const kept = (...f: string[]): number[] => status.filter((d) => datagramMatches(parseFilter(f), d)).map((d) => d.index);
    expect(kept()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(kept('type=GET')).toEqual([0, 2]);
    expect(kept('class=control')).toEqual([0, 2, 3, 5]);
    expect(kept('key=x')).toEqual([]);
    expect(kept('key!=x type!=GET')).toEqual([1, 3, 4, 5]);
    const events = [...readCapture(vector('events.multicast.txt')).datagrams];
    expect(events.filter((d) => datagramMatches(parseFilter(['type=CONFIG_CHANGE key=oracle-ns']), d)).map((d) => d.index)).toEqual([0]);
  });
});
