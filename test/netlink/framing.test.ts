import { describe, expect, it } from 'vitest';
import { AuditError } from '../../src/bytes/errors.js';
import { fromHex } from '../../src/bytes/hex.js';
import { splitDatagram } from '../../src/netlink/framing.js';
import { Issues } from '../../src/netlink/issues.js';
import { thrown } from '../helpers/thrown.js';

const GET = '10000000e80305000100000000000000';
const opts = (validation: 'strict' | 'lenient', framing: 'strict' | 'unicast' | 'auto' = 'auto', base = 0) => ({
  littleEndian: true,
  framing,
  base,
  issues: new Issues(validation),
  isRecordType: (t: number) => t >= 1100,
});


describe('splitDatagram', () => {
  it('reports a short nlmsg_len with its offset and message index', () => {
    // msg[0] 32 bytes, msg[1] and msg[2] 16 bytes each: msg[3] starts at 64.
    const first = '20000000e80305000100000000000000' + '00'.repeat(16);
    const bad = '0c000000e80305000100000000000000';
    const e = thrown(() => splitDatagram(fromHex(first + GET + GET + bad), opts('strict')));
    expect(e.code).toBe('AUDIT_ERR_BAD_LENGTH');
    expect(e.offset).toBe(64);
    expect(e.path).toBe('msg[3].nlmsg_len');
    expect(e.message).toBe('nlmsg_len 12 < NLMSG_HDRLEN 16 at offset 64 (msg[3].nlmsg_len)');
  });
  it('adds the base offset', () => {
    const e = thrown(() => splitDatagram(fromHex('0c000000e80305000100000000000000'), opts('strict', 'auto', 1000)));
    expect(e.offset).toBe(1000);
  });
  it('refuses non-zero padding strictly and keeps it leniently', () => {
    const msg = '11000000e8030500010000000000000061' + '000001' + GET;
    expect(thrown(() => splitDatagram(fromHex(msg), opts('strict'))).code).toBe('AUDIT_ERR_BAD_PADDING');
    const issues = new Issues('lenient');
    const s = splitDatagram(fromHex(msg), { ...opts('lenient'), issues });
    expect(s.frames).toHaveLength(2);
    expect([...s.frames[0]!.padding]).toEqual([0, 0, 1]);
    expect(issues.warnings[0]).toMatchObject({ code: 'AUDIT_ERR_BAD_PADDING', offset: 17, path: 'msg[0].padding' });
  });
  it('nlmsg_len beyond the datagram', () => {
    const b = fromHex('40000000e80300000100000000000000aabb');
    expect(thrown(() => splitDatagram(b, opts('strict'))).message).toBe('nlmsg_len 64 > 18 bytes left in the datagram at offset 0 (msg[0].nlmsg_len)');
    const s = splitDatagram(b, opts('lenient'));
    expect(s.frames[0]!.lengthMismatch).toBe(true);
    expect([...s.frames[0]!.payload]).toEqual([0xaa, 0xbb]);
  });
  it('bytes after the last message', () => {
    const b = fromHex(GET + 'ffff');
    expect(thrown(() => splitDatagram(b, opts('strict'))).code).toBe('AUDIT_ERR_TRUNCATED');
    expect([...splitDatagram(b, opts('lenient')).trailing]).toEqual([0xff, 0xff]);
  });
  it('a datagram shorter than a header', () => {
    expect(thrown(() => splitDatagram(fromHex('0102'), opts('strict'))).code).toBe('AUDIT_ERR_TRUNCATED');
    expect(splitDatagram(new Uint8Array(0), opts('strict')).frames).toEqual([]);
  });
  it('the unicast quirk: one record, the whole rest of the datagram', () => {
    // reference §1.10: AUDIT_CWD unicast, nlmsg_len 37 in a 53-byte datagram.
    const text = 'audit(1700000000.123:42): cwd="/root"';
    const hex = '250000001b05000000000000000000' + '00' + Buffer.from(text).toString('hex');
    const b = fromHex(hex);
    expect(b.length).toBe(53);
    for (const framing of ['auto', 'unicast'] as const) {
      const s = splitDatagram(b, opts('strict', framing));
      expect(s.frames).toHaveLength(1);
      expect(s.frames[0]!.framing).toBe('unicast');
      expect(new TextDecoder().decode(s.frames[0]!.payload)).toBe(text);
    }
    expect(() => splitDatagram(b, opts('strict', 'strict'))).toThrow(AuditError);
  });
  it('does not take an ACK followed by DONE for the quirk', () => {
    // 36 + 16 bytes: the ACK's nlmsg_len is datagram - 16, but NLMSG_ERROR is not a record.
    const ack = '2400000002000001010000000000000000000000' + GET;
    const done = '10000000030002000100000000000000';
    const s = splitDatagram(fromHex(ack + done), opts('strict'));
    expect(s.frames.map((f) => f.header.nlmsg_type)).toEqual([2, 3]);
  });
});
