/**
 * Each kind of mutation gets its documented code (docs/errors.md) and the offset of the byte at
 * fault — one test per mutation kind and entry point, not a catch-all. docs/robustness.md has the
 * same table.
 */
import { describe, expect, it } from 'vitest';
import { decodeDatagram } from '../../src/audit/datagram.js';
import { sigInfo2V11Codec } from '../../src/audit/dialects/index.js';
import { decodeRuleData } from '../../src/audit/messages/rule-data.js';
import { AuditErrorCode as C } from '../../src/bytes/errors.js';
import { readCaptureItems, type CaptureItem } from '../../src/capture/index.js';
import { parseLogLine, parseRecordPayload } from '../../src/records/index.js';
import { compileRule } from '../../src/rules/index.js';
import { ascii, bytes, contractTest, expectError, nlmsg, pcapFile, pcapngFile, pcapRecordOffset, rawFile, statusMsg, thrown, u32le } from './helpers.js';

const dec = (b: Uint8Array, o: Partial<Parameters<typeof decodeDatagram>[1]> = {}) => decodeDatagram(b, { littleEndian: true, ...o });
const errors = (items: Iterable<CaptureItem>) => [...items].flatMap((i) => (i.kind === 'error' ? [i.error] : []));
const datagrams = (items: Iterable<CaptureItem>) => [...items].filter((i) => i.kind === 'datagram');
const TWO = () => [...statusMsg(1), ...statusMsg(2)];

describe('netlink framing (decodeDatagram, strict validation)', () => {
  it('nlmsg_len 0 → BAD_LENGTH at that header (second message, base 100)', () => {
    const b = bytes(TWO());
    b.set(u32le(0), 60);
    expectError(thrown(() => dec(b, { base: 100 })), C.BAD_LENGTH, 160);
  });
  it('nlmsg_len 15 (< NLMSG_HDRLEN) → BAD_LENGTH at the header', () => {
    const b = bytes(TWO());
    b.set(u32le(15), 0);
    expectError(thrown(() => dec(b)), C.BAD_LENGTH, 0);
  });
  it('nlmsg_len just above the real size → BAD_LENGTH at the header', () => {
    const b = bytes(TWO());
    b.set(u32le(61), 60);
    expectError(thrown(() => dec(b)), C.BAD_LENGTH, 60);
  });
  it('nlmsg_len 0xFFFFFFFF → BAD_LENGTH at the header, in every framing mode', () => {
    for (const framing of ['strict', 'unicast', 'auto'] as const) {
      const b = bytes(TWO());
      b.set(u32le(0xffffffff), 60);
      expectError(thrown(() => dec(b, { framing })), C.BAD_LENGTH, 60);
    }
  });
  it('nlmsg_len just below the real size → the cut-off byte is padding: BAD_PADDING at it', () => {
    const b = bytes(nlmsg(1005, ascii('abcd')));
    b.set(u32le(19), 0);
    expectError(thrown(() => dec(b)), C.BAD_PADDING, 19);
  });
  it('non-zero alignment padding → BAD_PADDING at the first padding byte', () => {
    const b = bytes(nlmsg(1005, ascii('abcde')), statusMsg());
    b[21] = 0x41;
    expectError(thrown(() => dec(b)), C.BAD_PADDING, 21);
  });
  it('datagram cut inside the first header → TRUNCATED at 0', () => {
    expectError(thrown(() => dec(bytes(TWO()).subarray(0, 10))), C.TRUNCATED, 0);
  });
  it('datagram cut inside the second header → TRUNCATED where it starts', () => {
    expectError(thrown(() => dec(bytes(TWO()).subarray(0, 70))), C.TRUNCATED, 60);
  });
  it('unicast framing, record length neither quirk nor standard → BAD_LENGTH at nlmsg_len', () => {
    const b = bytes(nlmsg(1300, ascii('audit(1.000:2): a=1'), { pad: false }));
    b.set(u32le(7), 0);
    expectError(thrown(() => dec(b, { framing: 'unicast' })), C.BAD_LENGTH, 0);
  });
  it('lenient validation: the same faults are warnings with the same code and offset, nothing is thrown', () => {
    const b = bytes(TWO());
    b.set(u32le(0xffffffff), 60);
    const d = dec(b, { validation: 'lenient' });
    expect(d.messages.length).toBe(2);
    expect(d.warnings.map((w) => [w.code, w.offset])).toContainEqual([C.BAD_LENGTH, 60]);
    expect(d.messages[1]!.lengthMismatch).toBe(true);
  });
  it('reordered and duplicated messages decode as what they are (no error, nothing dropped)', () => {
    const d = dec(bytes(statusMsg(2), statusMsg(1), statusMsg(1)));
    expect(d.messages.map((m) => m.header.nlmsg_seq)).toEqual([2, 1, 1]);
  });
});

describe('control struct codecs', () => {
  const rule = (patch: (b: Uint8Array) => void, buf: number[] = []): Uint8Array => {
    const p = new Uint8Array(1040 + buf.length);
    p.set(u32le(4), 0);
    p.set(u32le(2), 4);
    p.set(buf, 1040);
    patch(p);
    return bytes(nlmsg(1011, Array.from(p)));
  };
  it('rule field_count over AUDIT_MAX_FIELDS (65) → BAD_COUNT at field_count', () => {
    expectError(thrown(() => dec(rule((p) => p.set(u32le(65), 8)))), C.BAD_COUNT, 16 + 8);
  });
  it('rule field_count 0xFFFFFFFF → BAD_COUNT at field_count', () => {
    expectError(thrown(() => dec(rule((p) => p.set(u32le(0xffffffff), 8)))), C.BAD_COUNT, 16 + 8);
  });
  it('rule buflen 0xFFFFFFFF → TRUNCATED where buf starts', () => {
    expectError(thrown(() => dec(rule((p) => p.set(u32le(0xffffffff), 1036)))), C.TRUNCATED, 16 + 1040);
  });
  it('rule string length (values[i]) above what is left of buf → BAD_LENGTH at values[i]', () => {
    const b = rule((p) => {
      p.set(u32le(2), 8);
      p.set(u32le(210), 268 + 4); // fields[1] = AUDIT_FILTERKEY
      p.set(u32le(7), 524 + 4); // values[1]: 7 bytes, buf has 4
      p.set(u32le(4), 1036);
    }, ascii('keys'));
    expectError(thrown(() => dec(b)), C.BAD_LENGTH, 16 + 524 + 4);
  });
  it('rule payload shorter than audit_rule_data → TRUNCATED at the payload', () => {
    const e = thrown(() => decodeRuleData(new Uint8Array(1039), { littleEndian: true, base: 16, path: 'msg[0]', validation: 'strict', header: { nlmsg_len: 0, nlmsg_type: 1011, nlmsg_flags: 0, nlmsg_seq: 0, nlmsg_pid: 0 } }));
    expectError(e, C.TRUNCATED, 16);
  });
  it('MAKE_EQUIV sizes 0xFFFFFFFF → BAD_LENGTH at sizes', () => {
    expectError(thrown(() => dec(bytes(nlmsg(1015, [...u32le(0xffffffff), ...u32le(1), ...ascii('/a/')], { flags: 1 })))), C.BAD_LENGTH, 16);
  });
  it('MAKE_EQUIV sizes just above the bytes → BAD_LENGTH at sizes', () => {
    expectError(thrown(() => dec(bytes(nlmsg(1015, [...u32le(2), ...u32le(2), ...ascii('/a/')], { flags: 1 })))), C.BAD_LENGTH, 16);
  });
  it('audit_status payload cut below 32 bytes → TRUNCATED at the payload', () => {
    expectError(thrown(() => dec(bytes(nlmsg(1000, new Array(28).fill(0))))), C.TRUNCATED, 16);
  });
  it('sig_info2 (ghak90 v11) cid_len 0xFFFFFFFF: no contid (a v11 kernel leaves cid_len uninitialised), nothing sized from it', () => {
    const p = bytes(u32le(0), u32le(1), u32le(0xffffffff), ascii('42ctx'));
    for (const validation of ['strict', 'lenient'] as const) {
      const ctx = { littleEndian: true, base: 16, path: '', validation, header: { nlmsg_len: 0, nlmsg_type: 1021, nlmsg_flags: 0, nlmsg_seq: 0, nlmsg_pid: 0 } };
      const body = sigInfo2V11Codec.decode(p, ctx);
      expect(body.contid).toBeNull();
      expect(body.ctx.length).toBe(5);
    }
  });
  it('sig_info2 (ghak90 v11) payload cut below its 12-byte header → TRUNCATED at the payload', () => {
    const ctx = { littleEndian: true, base: 16, path: '', validation: 'strict' as const, header: { nlmsg_len: 0, nlmsg_type: 1021, nlmsg_flags: 0, nlmsg_seq: 0, nlmsg_pid: 0 } };
    expectError(thrown(() => sigInfo2V11Codec.decode(bytes(u32le(0), u32le(1)), ctx)), C.TRUNCATED, 16);
  });
});

describe('captures', () => {
  const pk = [statusMsg(1), statusMsg(2), statusMsg(3)];
  contractTest('pcap incl_len 0xFFFFFFFF (over maxPacketBytes) is AUDIT_ERR_LIMIT at the record header', () => {
    const e = errors(readCaptureItems(pcapFile(pk, { incl: (i, real) => (i === 1 ? 0xffffffff : real) })));
    expect(e.length).toBeGreaterThan(0);
    expectError(e[0], C.LIMIT, pcapRecordOffset(pk, 1));
  });
  it('pcap incl_len 0xFFFFFFFF: an error at the record header offset and reading goes on', () => {
    const e = errors(readCaptureItems(pcapFile(pk, { incl: (i, real) => (i === 1 ? 0xffffffff : real) })));
    expect(e[0]!.offset).toBe(pcapRecordOffset(pk, 1));
    expect(e[0]!.code).toBe(C.LIMIT);
  });
  it('pcap incl_len just above the last record → TRUNCATED at its header', () => {
    const e = errors(readCaptureItems(pcapFile(pk, { incl: (i, real) => (i === 2 ? real + 1 : real) })));
    expectError(e[0], C.TRUNCATED, pcapRecordOffset(pk, 2));
  });
  it('pcap cut inside the global header → TRUNCATED at 0', () => {
    expectError(errors(readCaptureItems(pcapFile(pk).subarray(0, 20), { format: 'pcap' }))[0], C.TRUNCATED, 0);
  });
  it('pcap cut inside a record → TRUNCATED at that record header', () => {
    const f = pcapFile(pk);
    expectError(errors(readCaptureItems(f.subarray(0, pcapRecordOffset(pk, 2) + 20)))[0], C.TRUNCATED, pcapRecordOffset(pk, 2));
  });
  it('pcapng block total_length 0xFFFFFFFF → BAD_CAPTURE at the block', () => {
    const probe = pcapngFile(pk);
    const f = pcapngFile(pk, { epbLen: (i, real) => (i === 1 ? 0xffffffff : real) });
    expectError(errors(readCaptureItems(f.bytes))[0], C.BAD_CAPTURE, probe.epbAt[1]!);
  });
  it('pcapng block total_length just below / above (trailer disagrees) → BAD_CAPTURE at the block', () => {
    for (const d of [-4, 4]) {
      const f = pcapngFile(pk, { epbLen: (i, real) => (i === 1 ? real + d : real) });
      expectError(errors(readCaptureItems(f.bytes))[0], C.BAD_CAPTURE, f.epbAt[1]!);
    }
  });
  it('pcapng total_length 0 → BAD_CAPTURE at the block', () => {
    const f = pcapngFile(pk, { epbLen: (i, real) => (i === 0 ? 0 : real) });
    expectError(errors(readCaptureItems(f.bytes))[0], C.BAD_CAPTURE, f.epbAt[0]!);
  });
  it('pcapng cut inside a block → TRUNCATED at the block', () => {
    const f = pcapngFile(pk);
    expectError(errors(readCaptureItems(f.bytes.subarray(0, f.epbAt[2]! + 30)))[0], C.TRUNCATED, f.epbAt[2]!);
  });
  it('raw record length 0xFFFFFFFF → LIMIT at the record header', () => {
    expectError(errors(readCaptureItems(rawFile(pk, (i, real) => (i === 1 ? 0xffffffff : real))))[0], C.LIMIT, 12 + 8 + 60);
  });
  it('raw record length just above → TRUNCATED at the record header (last record)', () => {
    expectError(errors(readCaptureItems(rawFile(pk, (i, real) => (i === 2 ? real + 1 : real))))[0], C.TRUNCATED, 12 + 2 * 68);
  });
  it('bare netlink nlmsg_len 8 → BAD_LENGTH at the header', () => {
    const b = bytes(TWO());
    b.set(u32le(8), 60);
    expectError(errors(readCaptureItems(b, { format: 'raw' }))[0], C.BAD_LENGTH, 60);
  });
  it('hex transcript with an odd number of digits → BAD_HEX at the end of the hex text', () => {
    const text = 'recvfrom 10000000e8030500010000000000000\n';
    expectError(errors(readCaptureItems(bytes(ascii(text))))[0], C.BAD_HEX, 9 + 31);
  });
  it('hex transcript with a non-hex character → BAD_CAPTURE at the line', () => {
    const text = 'sendto 10000000e80305000100000000000000\nrecvfrom 1000zz\n';
    expectError(errors(readCaptureItems(bytes(ascii(text))))[0], C.BAD_CAPTURE, 40);
  });
  it('audit.log line that is not a record → BAD_RECORD at the line', () => {
    const good = 'type=CWD msg=audit(1.000:2): cwd="/"\n';
    const items = [...readCaptureItems(bytes(ascii(`${good}garbage here\n${good}`)), { format: 'log' })];
    expectError(errors(items)[0], C.BAD_RECORD, good.length);
  });
  it('strace dump line at the wrong offset → BAD_CAPTURE at that line', () => {
    const call = '1234  recvfrom(3, "", 8192, 0, NULL, NULL) = 16\n';
    const l1 = ' | 00010  10 00 00 00 e8 03 05 00  01 00 00 00 00 00 00 00  ................ |\n';
    expectError(errors(readCaptureItems(bytes(ascii(call + l1)), { format: 'strace' }))[0], C.BAD_CAPTURE, call.length);
  });
});

describe('text records and rules', () => {
  it('record header corrupted → BAD_RECORD at the character at fault', () => {
    expectError(thrown(() => parseRecordPayload('audit(17x0.123:1): a=1', 1300)), C.BAD_RECORD, 8);
    expectError(thrown(() => parseRecordPayload('audit(170.12:1): a=1', 1300)), C.BAD_RECORD, 10);
  });
  it('log line cut inside the header → BAD_RECORD at the end of what is there', () => {
    const line = 'type=SYSCALL msg=audit(1700000000.123:';
    expectError(thrown(() => parseLogLine(line)), C.BAD_RECORD, line.length);
  });
  it('serial over 2^32-1 (huge number) → BAD_RECORD at the serial', () => {
    const e = thrown(() => parseLogLine('type=SYSCALL msg=audit(1.000:4294967296): a=1'));
    expect(e.code).toBe(C.BAD_RECORD);
    expect(e.offset).toBeGreaterThanOrEqual(30);
  });
  it('unknown type name → BAD_RECORD at the name', () => {
    expectError(thrown(() => parseLogLine('type=NOPE msg=audit(1.000:2): a=1')), C.BAD_RECORD, 5);
  });
  it('rule text with an unknown field → BAD_RULE naming the token offset', () => {
    const text = '-a always,exit -F bogus=1';
    const e = thrown(() => compileRule(text));
    expect(e.code).toBe(C.BAD_RULE);
    expect(e.offset).toBe(text.indexOf('bogus'));
  });
});
