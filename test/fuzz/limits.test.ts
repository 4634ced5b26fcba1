/**
 * Limits as options with safe defaults, each tested at the limit and one past it. Limits the
 * modules do not have yet are listed in docs/robustness.md (findings F5).
 */
import { describe, expect, it } from 'vitest';
import { decodeDatagram } from '../../src/audit/datagram.js';
import { AUDIT_MAX_FIELDS } from '../../src/audit/messages/rule-data.js';
import { AuditErrorCode as C } from '../../src/bytes/errors.js';
import { readCaptureItems, type CaptureItem } from '../../src/capture/index.js';
import { DEFAULT_MAX_PACKET_BYTES } from '../../src/capture/framer.js';
import { EventAssembler } from '../../src/events/assembler.js';
import { parseLogLine } from '../../src/records/index.js';
import { compileRule } from '../../src/rules/index.js';
import { ascii, bytes, contractTest, nlmsg, pcapFile, pcapngFile, rawFile, statusMsg, streamed, u32le } from './helpers.js';

const summary = (items: readonly CaptureItem[]) => items.map((i) => (i.kind === 'error' ? i.error.code : i.kind));


describe('capture maxPacketBytes (default 16 MiB)', () => {
  it('the default is 16 MiB', () => {
    expect(DEFAULT_MAX_PACKET_BYTES).toBe(16 * 1024 * 1024);
  });
  const pkt = statusMsg(); // 60 bytes of netlink, 76 with the LINKTYPE_NETLINK header
  it('pcap: a packet of exactly maxPacketBytes is read', () => {
    expect(summary([...readCaptureItems(pcapFile([pkt]), { maxPacketBytes: 76 })])).toEqual(['datagram']);
  });
  contractTest('pcap maxPacketBytes: one past the limit is AUDIT_ERR_LIMIT', () => {
    expect(summary([...readCaptureItems(pcapFile([pkt, pkt]), { maxPacketBytes: 75 })])[0]).toBe(C.LIMIT);
  });
  it('pcapng: a packet of exactly maxPacketBytes is read', () => {
    expect(summary([...readCaptureItems(pcapngFile([pkt]).bytes, { maxPacketBytes: 76 })])).toEqual(['datagram']);
  });
  contractTest('pcapng maxPacketBytes: a packet one past the limit is AUDIT_ERR_LIMIT', () => {
    expect(summary([...readCaptureItems(pcapngFile([pkt]).bytes, { maxPacketBytes: 75 })])).toContain(C.LIMIT);
  });
  it('raw: a datagram of exactly maxPacketBytes is read, one past is AUDIT_ERR_LIMIT at its record header', () => {
    expect(summary([...readCaptureItems(rawFile([pkt]), { maxPacketBytes: 60 })])).toEqual(['datagram']);
    const items = [...readCaptureItems(rawFile([pkt]), { maxPacketBytes: 59 })];
    expect(summary(items)).toEqual([C.LIMIT]);
    const first = items[0]!;
    expect(first.kind === 'error' && first.error.offset).toBe(12);
  });
  it('bare netlink: nlmsg_len of exactly maxPacketBytes is read, one past is AUDIT_ERR_LIMIT', () => {
    expect(summary([...readCaptureItems(bytes(pkt), { format: 'raw', maxPacketBytes: 60 })])).toEqual(['datagram']);
    expect(summary([...readCaptureItems(bytes(pkt), { format: 'raw', maxPacketBytes: 59 })])).toEqual([C.LIMIT]);
  });
  const line = 'type=CWD msg=audit(1.000:2): cwd="/"';
  it('log line limit (format given), streamed a byte at a time: a line of exactly maxPacketBytes is read, one past is AUDIT_ERR_LIMIT', () => {
    const input = bytes(ascii(`${line}\n${line}\n`));
    expect(summary(streamed(input, 1, { maxPacketBytes: line.length, format: 'log' }))).toEqual(['line', 'line']);
    expect(summary(streamed(input, 1, { maxPacketBytes: line.length - 1, format: 'log' }))).toEqual([C.LIMIT, C.LIMIT]);
  });
  contractTest('log line limit: a complete line one past maxPacketBytes is AUDIT_ERR_LIMIT', () => {
    const input = bytes(ascii(`${line}\n${line}\n`));
    // Format detected from the first line: that line escapes the limit even when streamed.
    expect(summary(streamed(input, 1, { maxPacketBytes: line.length - 1 }))).toEqual([C.LIMIT, C.LIMIT]);
    // A whole buffer (or a chunk holding the newline): the limit is not applied at all.
    expect(summary([...readCaptureItems(input, { maxPacketBytes: line.length })])).toEqual(['line', 'line']);
    expect(summary([...readCaptureItems(input, { maxPacketBytes: line.length - 1 })])).toEqual([C.LIMIT, C.LIMIT]);
  });
});

describe('audit_rule_data field_count (AUDIT_MAX_FIELDS = 64)', () => {
  const rule = (count: number) => {
    const p = new Uint8Array(1040);
    p.set(u32le(4), 0);
    p.set(u32le(2), 4);
    p.set(u32le(count), 8);
    return bytes(nlmsg(1011, Array.from(p)));
  };
  it('64 fields decode, 65 are AUDIT_ERR_BAD_COUNT at field_count', () => {
    expect(AUDIT_MAX_FIELDS).toBe(64);
    expect(decodeDatagram(rule(64), { littleEndian: true }).messages[0]!.kind).toBe('rule');
    let code = '';
    try {
      decodeDatagram(rule(65), { littleEndian: true });
    } catch (e) {
      code = (e as { code: string }).code;
    }
    expect(code).toBe(C.BAD_COUNT);
  });
  it('compileRule: the most fields auditctl takes compile, one more is AUDIT_ERR_BAD_RULE "Too many fields"', () => {
    const text = (n: number) => `-a always,exit -F arch=b64 -S openat${' -F uid=0'.repeat(n - 1)}`;
    let max = 0;
    for (let n = 1; n <= AUDIT_MAX_FIELDS + 1; n++) {
      try {
        compileRule(text(n));
        max = n;
      } catch (e) {
        expect((e as { code: string }).code).toBe(C.BAD_RULE);
        expect((e as Error).message).toMatch(/Too many fields/);
        break;
      }
    }
    expect(max).toBeGreaterThan(1);
    expect(max).toBeLessThanOrEqual(AUDIT_MAX_FIELDS);
    expect(compileRule(text(max)).rule.field_count).toBe(max);
  });
});

describe('events in flight (EventAssembler)', () => {
  const rec = (serial: number, type = 1300) => parseLogLine(`type=${type === 1300 ? 'SYSCALL' : 'CWD'} msg=audit(100.000:${serial}): a=1`);
  it('the defaults: 64 events in flight, 10000 records per event', () => {
    const a = new EventAssembler();
    for (let i = 1; i <= 64; i++) expect(a.push(rec(i)).filter((o) => o.kind === 'event')).toEqual([]);
    expect(a.inFlight).toBe(64);
    expect(a.push(rec(65)).filter((o) => o.kind === 'event').length).toBe(1);
  });
  it('maxInFlight 8: 8 open events are kept, a 9th closes the oldest as "window", nothing is lost', () => {
    const a = new EventAssembler({ maxInFlight: 8 });
    const closed = [];
    for (let i = 1; i <= 8; i++) closed.push(...a.push(rec(i)).filter((o) => o.kind === 'event'));
    expect(closed).toEqual([]);
    expect(a.inFlight).toBe(8);
    const out = a.push(rec(9)).flatMap((o) => (o.kind === 'event' ? [o.event] : []));
    expect(out.map((e) => [e.serial, e.end])).toEqual([[1, 'window']]);
    expect(a.flush().length).toBe(8);
  });
  it('maxRecords 5: an event of exactly 5 records is closed whole; the 6th starts a new one; nothing is lost', () => {
    const a = new EventAssembler({ maxRecords: 5 });
    const events = [];
    for (let i = 0; i < 6; i++) events.push(...a.push(rec(1, 1307)).flatMap((o) => (o.kind === 'event' ? [o.event] : [])));
    events.push(...a.flush().flatMap((o) => (o.kind === 'event' ? [o.event] : [])));
    expect(events.map((e) => [e.records.length, e.end])).toEqual([
      [5, 'window'],
      [1, 'end-of-input'],
    ]);
  });
});
