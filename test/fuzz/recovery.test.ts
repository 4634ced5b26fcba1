/**
 * Lose nothing: after a bad packet, block, line or message, the readers go on and still decode
 * every good one after it (counted), and a decoder used on bad input still decodes valid input.
 */
import { describe, expect, it } from 'vitest';
import { decodeDatagram } from '../../src/audit/datagram.js';
import { AuditErrorCode as C } from '../../src/bytes/errors.js';
import { readCaptureItems, type CaptureItem } from '../../src/capture/index.js';
import { ascii, bytes, nlmsg, pcapFile, pcapngFile, pcapRecordOffset, statusMsg, streamed, u32le } from './helpers.js';

const kinds = (items: readonly CaptureItem[]) => ({
  datagrams: items.filter((i) => i.kind === 'datagram').length,
  errors: items.filter((i) => i.kind === 'error').length,
});


const N = 10;
const packets = Array.from({ length: N }, (_, i) => statusMsg(i + 1));

describe('the stream reader goes on after a bad frame', () => {
  for (const chunk of [1, 7, 4096]) {
    it(`pcap, record 4 incl_len 0xFFFFFFFF, ${chunk}-byte chunks: 1 error at its header, the ${N - 1} others decoded`, () => {
      const f = pcapFile(packets, { incl: (i, real) => (i === 4 ? 0xffffffff : real) });
      const items = streamed(f, chunk);
      expect(kinds(items)).toEqual({ datagrams: N - 1, errors: 1 });
      const e = items.find((i) => i.kind === 'error');
      expect(e?.kind === 'error' && e.error.offset).toBe(pcapRecordOffset(packets, 4));
      const seqs = items.flatMap((i) => (i.kind === 'datagram' ? [decodeDatagram(i.datagram.bytes, { littleEndian: true }).messages[0]!.header.nlmsg_seq] : []));
      expect(seqs).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10]);
    });
    it(`pcapng, block 4 total_length corrupted, ${chunk}-byte chunks: the ${N - 1} others decoded`, () => {
      const f = pcapngFile(packets, { epbLen: (i, real) => (i === 4 ? real + 4 : real) });
      const items = streamed(f.bytes, chunk);
      expect(kinds(items).datagrams).toBe(N - 1);
      expect(kinds(items).errors).toBeGreaterThanOrEqual(1);
    });
  }
  it('pcap, bit flips in a record header: every record not touched is still decoded', () => {
    const f = pcapFile(packets);
    const at = pcapRecordOffset(packets, 6);
    f[at + 4] = 0xff; // ts_usec ≥ 10^6: implausible header
    f[at + 5] = 0xff;
    f[at + 6] = 0xff;
    const items = [...readCaptureItems(f)];
    expect(kinds(items).datagrams).toBe(N - 1);
  });
  it('hex transcript: a bad line in the middle, the good lines after it decoded', () => {
    const lines = packets.map((p) => `recvfrom ${Buffer.from(p).toString('hex')}`);
    lines.splice(3, 0, 'recvfrom 10zz', 'recvfrom 123');
    const items = streamed(bytes(ascii(lines.join('\n') + '\n')), 13);
    expect(kinds(items)).toEqual({ datagrams: N, errors: 2 });
  });
  it('audit.log: garbage lines in the middle, every record line still read', () => {
    const good = (i: number) => `type=CWD msg=audit(1.000:${i}): cwd="/"`;
    const text = [good(1), 'garbage', good(2), '\x01\x02 nope', good(3), 'type=', good(4)].join('\n') + '\n';
    const items = streamed(bytes(ascii(text)), 5);
    expect(items.filter((i) => i.kind === 'line').length).toBe(4);
    expect(items.filter((i) => i.kind === 'error').every((i) => i.kind === 'error' && i.error.code === C.BAD_RECORD)).toBe(true);
  });
  it('strace: a dump at the wrong offset drops that call only', () => {
    const call = (n: number) => `1234  recvfrom(3, "", 8192, 0, NULL, NULL) = ${n}\n`;
    const dump = (off: string) => ` | ${off}  10 00 00 00 e8 03 05 00  01 00 00 00 00 00 00 00  ................ |\n`;
    const text = call(16) + dump('00000') + call(16) + dump('00010') + call(16) + dump('00000') + call(16) + dump('00000');
    const items = [...readCaptureItems(bytes(ascii(text)), { format: 'strace' })];
    expect(kinds(items)).toEqual({ datagrams: 3, errors: 1 });
  });
  it('lenient datagram decode: a bad message in the middle does not hide the good ones', () => {
    const b = bytes(statusMsg(1), nlmsg(1011, new Array(40).fill(0)), statusMsg(3));
    const d = decodeDatagram(b, { littleEndian: true, validation: 'lenient' });
    expect(d.messages.map((m) => [m.kind, m.header.nlmsg_seq])).toEqual([
      ['status', 1],
      ['raw', 1],
      ['status', 1],
    ].map(([k], i) => [k, [1, 1, 3][i]]));
    expect(d.warnings.length).toBeGreaterThan(0);
  });
  it('decoders keep no state: valid input decodes the same after a thousand bad ones', () => {
    const good = bytes(statusMsg(7));
    const before = JSON.stringify(decodeDatagram(good, { littleEndian: true }), (_, v) => (typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? Array.from(v) : v));
    for (let i = 0; i < 1000; i++) {
      const bad = good.slice();
      bad.set(u32le(i % 20), 0);
      try {
        decodeDatagram(bad, { littleEndian: true });
      } catch {
        // expected
      }
    }
    const after = JSON.stringify(decodeDatagram(good, { littleEndian: true }), (_, v) => (typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? Array.from(v) : v));
    expect(after).toBe(before);
  });
});
