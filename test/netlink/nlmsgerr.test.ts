import { describe, expect, it } from 'vitest';
import { decodeDatagram, encodeDatagram } from '../../src/audit/index.js';
import { fromHex, toHex } from '../../src/bytes/hex.js';
import { errnoName } from '../../src/netlink/nlmsgerr.js';

const dec = (hex: string, validation: 'strict' | 'lenient' = 'strict') => decodeDatagram(fromHex(hex), { littleEndian: true, validation });

describe('NLMSG_ERROR', () => {
  it('§1.10 ACK with NLM_F_CAPPED', () => {
    const hex = '240000000200000101000000341200000000000010000000e80305000100000000000000';
    const m = dec(hex).messages[0]!;
    if (m.kind !== 'error') throw new Error(m.kind);
    expect(m.header).toEqual({ nlmsg_len: 36, nlmsg_type: 2, nlmsg_flags: 0x100, nlmsg_seq: 1, nlmsg_pid: 0x1234 });
    expect(m.body.error).toBe(0);
    expect(m.body.request).toBeNull();
    expect(m.body.msg).toEqual({ nlmsg_len: 16, nlmsg_type: 1000, nlmsg_flags: 5, nlmsg_seq: 1, nlmsg_pid: 0 });
  });

  it('§1.10 -EINVAL without CAPPED echoes the whole AUDIT_SET, decoded as a message', () => {
    const set = '3c000000e903050002000000000000000400000000000000' + '00000000d2040000' + '00'.repeat(28);
    const hex = '50000000020000000200000000000000' + 'eaffffff' + set;
    const d = dec(hex);
    const m = d.messages[0]!;
    if (m.kind !== 'error') throw new Error(m.kind);
    expect(m.header.nlmsg_len).toBe(80);
    expect(m.body.error).toBe(-22);
    expect(m.body.errno).toBe('EINVAL');
    const req = m.body.request!;
    expect(req.name).toBe('SET');
    expect(req.direction).toBe('to-kernel');
    if (req.kind !== 'status') throw new Error(req.kind);
    expect(req.body.mask).toBe(4);
    expect(req.body.pid).toBe(1234);
    expect(req.offset).toBe(20);
    expect(toHex(encodeDatagram(d))).toBe(hex);
  });

  it('a positive error is success with a value, not an errno', () => {
    const m = dec('2400000002000001020000000000000005000000' + '3c000000e90305000200000000000000').messages[0]!;
    if (m.kind !== 'error') throw new Error(m.kind);
    expect(m.body.error).toBe(5);
    expect(m.body.errno).toBeNull();
  });

  it('extended-ACK TLVs are parsed and kept raw', () => {
    // CAPPED|ACK_TLVS, error -22, echoed header, then NLMSGERR_ATTR_MSG "bad\0" (nla_len 8).
    const hex = '2c000000020000030300000000000000eaffffff' + '10000000e80305000300000000000000' + '0800010062616400';
    const d = dec(hex);
    const m = d.messages[0]!;
    if (m.kind !== 'error') throw new Error(m.kind);
    expect(m.body.attrs).toHaveLength(1);
    expect(m.body.attrs![0]!.type).toBe(1);
    expect(new TextDecoder().decode(m.body.attrs![0]!.payload)).toBe('bad\0');
    expect(toHex(m.body.tlvs)).toBe('0800010062616400');
    expect(toHex(encodeDatagram(d))).toBe(hex);
  });

  it('a broken TLV is an error strictly, a warning leniently, and nothing is lost', () => {
    const hex = '28000000020000030300000000000000eaffffff' + '10000000e80305000300000000000000' + '09000100';
    expect(() => dec(hex)).toThrow(/nla_len 9/);
    const d = dec(hex, 'lenient');
    expect(d.warnings[0]!.code).toBe('AUDIT_ERR_BAD_LENGTH');
    expect(toHex(encodeDatagram(d))).toBe(hex);
  });

  it('names errno values', () => {
    expect(errnoName(-1)).toBe('EPERM');
    expect(errnoName(-111)).toBe('ECONNREFUSED');
    expect(errnoName(0)).toBeNull();
    expect(errnoName(-9999)).toBeNull();
  });
});

describe('NLMSG_NOOP, NLMSG_DONE, NLMSG_OVERRUN', () => {
  it('DONE without payload (audit) and with an int (rtnetlink style)', () => {
    const a = dec('10000000030002000100000000000000').messages[0]!;
    expect(a.kind).toBe('done');
    const hex = '14000000030002000100000000000000feffffff';
    const d = dec(hex);
    const b = d.messages[0]!;
    if (b.kind !== 'done') throw new Error(b.kind);
    expect(b.body.status).toBe(-2);
    expect(toHex(encodeDatagram(d))).toBe(hex);
  });
  it('NOOP and OVERRUN keep their payloads', () => {
    const d = dec('10000000010000000000000000000000' + '14000000040000000000000000000000deadbeef');
    expect(d.messages.map((m) => [m.name, m.kind])).toEqual([['NLMSG_NOOP', 'raw'], ['NLMSG_OVERRUN', 'raw']]);
    expect(toHex(encodeDatagram(d))).toBe('10000000010000000000000000000000' + '14000000040000000000000000000000deadbeef');
  });
});
