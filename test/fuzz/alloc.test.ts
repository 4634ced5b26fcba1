/**
 * No buffer, array or string is sized from a length or count before the bytes it claims are
 * there: tiny inputs that claim 4 GiB must fail (or wait) fast without a big allocation. Checked
 * with process.memoryUsage().arrayBuffers (ArrayBuffer bytes, where a Uint8Array(4 GiB) would land)
 * and heapUsed (where an array of millions of entries would), and the time each call takes.
 */
import { describe, expect } from 'vitest';
import { decodeDatagram } from '../../src/audit/datagram.js';
import { makeEquivCodec } from '../../src/audit/messages/make-equiv.js';
import { AuditError } from '../../src/bytes/errors.js';
import { CaptureStreamReader, readCaptureItems } from '../../src/capture/index.js';
import { joinExecveArgs, parseLogLine } from '../../src/records/index.js';
import { ascii, bytes, contractTest, nlmsg, pcapFile, pcapngFile, rawFile, statusMsg, u32be, u32le } from './helpers.js';

const GIB4 = 0xffff_fff0;
const BIG = 2 ** 33; // a maxPacketBytes that does not stop a 4 GiB claim by itself

/** Run `fn`, swallowing AuditError; assert it took < 1 s and grew ArrayBuffers and the heap by < 32 MiB. */
function cheap(fn: () => unknown): void {
  globalThis.gc?.();
  const m0 = process.memoryUsage();
  const t0 = performance.now();
  let peakAb = 0;
  try {
    fn();
  } catch (e) {
    if (!(e instanceof AuditError)) throw e;
  } finally {
    peakAb = process.memoryUsage().arrayBuffers - m0.arrayBuffers;
  }
  const dt = performance.now() - t0;
  const heap = process.memoryUsage().heapUsed - m0.heapUsed;
  expect(dt).toBeLessThan(1000);
  expect(peakAb).toBeLessThan(32 * 2 ** 20);
  expect(heap).toBeLessThan(32 * 2 ** 20);
}

describe('tiny inputs that claim 4 GiB', () => {
  contractTest('nlmsg_len 0xFFFFFFF0 in a 16-byte datagram, strict and lenient', () => {
    const b = bytes(nlmsg(1000, [], { len: GIB4 }));
    for (const validation of ['strict', 'lenient'] as const) for (const framing of ['strict', 'unicast', 'auto'] as const) cheap(() => decodeDatagram(b, { littleEndian: true, validation, framing }));
  });
  contractTest('audit_rule_data buflen and string length 0xFFFFFFF0', () => {
    const p = new Uint8Array(1040);
    p.set(u32le(1), 8);
    p.set(u32le(210), 268);
    p.set(u32le(GIB4), 524);
    p.set(u32le(GIB4), 1036);
    cheap(() => decodeDatagram(bytes(nlmsg(1011, Array.from(p))), { littleEndian: true, validation: 'lenient' }));
  });
  contractTest('MAKE_EQUIV sizes 0xFFFFFFF0 twice', () => {
    const p = bytes(u32le(GIB4), u32le(GIB4), ascii('/a'));
    cheap(() => makeEquivCodec.decode(p, { littleEndian: true, base: 0, path: '', validation: 'strict', header: { nlmsg_len: 0, nlmsg_type: 1015, nlmsg_flags: 1, nlmsg_seq: 0, nlmsg_pid: 0 } }));
  });
  contractTest('pcap incl_len 0xFFFFFFF0 with maxPacketBytes 8 GiB: whole read, and a stream that waits', () => {
    const f = pcapFile([statusMsg()], { incl: () => GIB4 });
    cheap(() => [...readCaptureItems(f, { maxPacketBytes: BIG })]);
    cheap(() => {
      const r = new CaptureStreamReader({ maxPacketBytes: BIG });
      r.append(f);
      expect(r.next()).toBeUndefined(); // waits for the bytes
      expect(r.capacity).toBeLessThan(1 << 20);
    });
  });
  contractTest('pcapng block total_length 0xFFFFFFF0 with maxPacketBytes 8 GiB', () => {
    const f = pcapngFile([statusMsg()], { epbLen: () => GIB4 });
    cheap(() => [...readCaptureItems(f.bytes, { maxPacketBytes: BIG })]);
    cheap(() => {
      const r = new CaptureStreamReader({ maxPacketBytes: BIG });
      r.append(f.bytes);
      for (let x = r.next(); x !== undefined; x = r.next());
      expect(r.capacity).toBeLessThan(1 << 20);
    });
  });
  contractTest('raw record length 0xFFFFFFF0 with maxPacketBytes 8 GiB', () => {
    const f = rawFile([statusMsg()], () => GIB4);
    cheap(() => [...readCaptureItems(f, { maxPacketBytes: BIG })]);
  });
  contractTest('bare netlink nlmsg_len 0xFFFFFFF0 with maxPacketBytes 8 GiB', () => {
    const b = bytes(nlmsg(1000, new Array(44).fill(0), { len: GIB4 }));
    cheap(() => [...readCaptureItems(b, { format: 'raw', maxPacketBytes: BIG })]);
  });
  contractTest('strace call that claims 0xFFFFFFF0 bytes moved with a 16-byte dump', () => {
    const text = `1234  recvfrom(3, "", 8192, 0, NULL, NULL) = ${GIB4}\n | 00000  10 00 00 00 e8 03 05 00  01 00 00 00 00 00 00 00  ................ |\n`;
    cheap(() => [...readCaptureItems(bytes(ascii(text)), { format: 'strace' })]);
  });
  contractTest('raw format record header alone claiming 4 GiB', () => {
    cheap(() => [...readCaptureItems(bytes([0x41, 0x55, 0x44, 0x49, 0x54, 0x4e, 0x4c, 0x01, 1, 0, 0, 0], u32be(GIB4), [2, 0, 0, 0]), { maxPacketBytes: BIG })]);
  });
  contractTest('EXECVE argc=1000000 in a 50-byte record does not allocate a million arguments', () => {
    const r = parseLogLine('type=EXECVE msg=audit(1.000:2): argc=1000000 a0="x"');
    cheap(() => {
      const a = joinExecveArgs([r]);
      expect(a.argBytes.length).toBeLessThanOrEqual(64);
    });
  });
});
