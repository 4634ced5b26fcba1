import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ByteReader } from '../../src/bytes/reader.js';
import { ByteWriter } from '../../src/bytes/writer.js';
import { readHeader, writeHeader, type NlMsgHeader } from '../../src/netlink/header.js';

// struct nlmsghdr (include/uapi/linux/netlink.h, reference §1.2), written out by hand.
const OFFSETS = { nlmsg_len: [0, 4], nlmsg_type: [4, 2], nlmsg_flags: [6, 2], nlmsg_seq: [8, 4], nlmsg_pid: [12, 4] } as const;

const u32 = fc.integer({ min: 0, max: 0xffffffff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const header = fc.record({ nlmsg_len: u32, nlmsg_type: u16, nlmsg_flags: u16, nlmsg_seq: u32, nlmsg_pid: u32 });

function readAt(bytes: Uint8Array, [off, size]: readonly [number, number], le: boolean): number {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return size === 4 ? v.getUint32(off, le) : v.getUint16(off, le);
}

describe('struct nlmsghdr', () => {
  test.prop([header, fc.boolean()], { numRuns: 200 })('decode(encode(h)) = h, fields at the C offsets', (h, le) => {
    const w = new ByteWriter(le);
    writeHeader(w, h);
    const bytes = w.finish();
    expect(bytes.length).toBe(16);
    for (const [name, at] of Object.entries(OFFSETS)) expect(readAt(bytes, at, le), name).toBe(h[name as keyof NlMsgHeader]);
    expect(readHeader(new ByteReader(bytes, le))).toEqual(h);
  });

  test.prop([fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.boolean()], { numRuns: 200 })('encode(decode(b)) = b', (b, le) => {
    const w = new ByteWriter(le);
    writeHeader(w, readHeader(new ByteReader(b, le)));
    expect(w.finish()).toEqual(b);
  });

  it('reads the §1.10 AUDIT_GET request', () => {
    const b = Uint8Array.from([0x10, 0, 0, 0, 0xe8, 0x03, 0x05, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(readHeader(new ByteReader(b, true))).toEqual({ nlmsg_len: 16, nlmsg_type: 1000, nlmsg_flags: 5, nlmsg_seq: 1, nlmsg_pid: 0 });
  });
});
