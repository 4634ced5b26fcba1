/**
 * Does decoding cost grow linearly with input size? `npm run fuzz:bench` (after the fuzz build).
 * For each decoder, inputs of 1x, 2x, 4x, ... 64x a base size (more messages, records, fields,
 * lines, or one longer value) are decoded several times; the table shows ns per input byte. Linear
 * cost keeps ns/byte flat; the last column is ns/byte at the largest size over the smallest
 * (about 1 is linear, 64 would be quadratic). Not a test: timings vary with the machine.
 */
import { decodeDatagram } from '../src/audit/datagram.js';
import { concatBytes } from '../src/bytes/concat.js';
import { readCaptureItems } from '../src/capture/index.js';
import { parseLogLine, parseRecordPayload, joinExecveArgs } from '../src/records/index.js';
import { assembleEvents } from '../src/events/assembler.js';
import { interpretRecord } from '../src/interpret/index.js';

const te = new TextEncoder();

function statusMsg(seq: number): Uint8Array {
  const b = new Uint8Array(60);
  const v = new DataView(b.buffer);
  v.setUint32(0, 60, true);
  v.setUint16(4, 1000, true);
  v.setUint32(8, seq, true);
  return b;
}

function pcap(n: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const g = new Uint8Array(24);
  const gv = new DataView(g.buffer);
  gv.setUint32(0, 0xa1b2c3d4, true);
  gv.setUint16(4, 2, true);
  gv.setUint16(6, 4, true);
  gv.setUint32(16, 65535, true);
  gv.setUint32(20, 253, true);
  parts.push(g);
  for (let i = 0; i < n; i++) {
    const body = statusMsg(i);
    const h = new Uint8Array(16 + 16);
    const hv = new DataView(h.buffer);
    hv.setUint32(0, 1_700_000_000 + i, true);
    hv.setUint32(8, 16 + body.length, true);
    hv.setUint32(12, 16 + body.length, true);
    h[16 + 2] = 0x03;
    h[16 + 3] = 0x38;
    h[16 + 15] = 9;
    parts.push(h, body);
  }
  return concatBytes(parts);
}

const LINE = 'type=SYSCALL msg=audit(1700000000.123:4242): arch=c000003e syscall=59 success=yes exit=0 comm="cat" exe="/usr/bin/cat" key="passwd"';

interface Case {
  readonly name: string;
  make(k: number): Uint8Array | string;
  run(input: Uint8Array | string): void;
}

const cases: Case[] = [
  { name: 'decodeDatagram: k messages', make: (k) => concatBytes(Array.from({ length: 64 * k }, (_, i) => statusMsg(i))), run: (b) => void decodeDatagram(b as Uint8Array, { littleEndian: true }) },
  { name: 'readCaptureItems pcap: k records', make: (k) => pcap(64 * k), run: (b) => void [...readCaptureItems(b as Uint8Array)] },
  { name: 'readCaptureItems log: k lines', make: (k) => te.encode(`${LINE}\n`.repeat(64 * k)), run: (b) => void [...readCaptureItems(b as Uint8Array)] },
  { name: 'readCaptureItems log: one long line', make: (k) => te.encode(`${LINE} x=${'A'.repeat(4096 * k)}\n`), run: (b) => void [...readCaptureItems(b as Uint8Array)] },
  { name: 'readCaptureItems hex: one long line', make: (k) => te.encode(`recvfrom ${'00'.repeat(4096 * k)}\n`), run: (b) => void [...readCaptureItems(b as Uint8Array)] },
  {
    name: 'readCaptureItems strace: long dump',
    make: (k) => {
      let s = '1234  recvfrom(3, "", 8192, 0, NULL, NULL) = ' + 16 * 64 * k + '\n';
      for (let i = 0; i < 64 * k; i++) s += ` | ${(i * 16).toString(16).padStart(5, '0')}  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  ................ |\n`;
      return te.encode(s);
    },
    run: (b) => void [...readCaptureItems(b as Uint8Array)],
  },
  { name: 'parseLogLine: k fields', make: (k) => LINE + ' a=1'.repeat(256 * k), run: (s) => void parseLogLine(s as string) },
  { name: 'parseLogLine: one long value', make: (k) => `${LINE} v="${'A'.repeat(4096 * k)}"`, run: (s) => void parseLogLine(s as string) },
  { name: "parseLogLine: msg=' with k fields", make: (k) => `type=USER_CMD msg=audit(1.000:2): pid=1 msg='${'a=b '.repeat(256 * k)}'`, run: (s) => void parseLogLine(s as string) },
  { name: 'parseLogLine: k ENRICHED fields', make: (k) => `${LINE}\x1d${'ARCH=x86_64 '.repeat(256 * k)}`, run: (s) => void parseLogLine(s as string) },
  { name: 'parseRecordPayload: hex value', make: (k) => te.encode(`audit(1.000:2): proctitle=${'41'.repeat(2048 * k)}`), run: (b) => void parseRecordPayload(b as Uint8Array, 1327) },
  {
    name: 'joinExecveArgs: k args',
    make: (k) => `type=EXECVE msg=audit(1.000:2): argc=${256 * k}` + Array.from({ length: 256 * k }, (_, i) => ` a${i}="x"`).join(''),
    run: (s) => void joinExecveArgs([parseLogLine(s as string)]),
  },
  {
    name: 'interpretRecord: one long a0 (F5)',
    make: (k) => `type=SYSCALL msg=audit(1.000:2): arch=c000003e syscall=59 a0=${'A'.repeat(512 * k)}`,
    run: (s) => void interpretRecord(parseLogLine(s as string)),
  },
  {
    name: 'assembleEvents: k records',
    make: (k) => Array.from({ length: 256 * k }, (_, i) => `type=SYSCALL msg=audit(1700000000.${String(i % 1000).padStart(3, '0')}:${i}): a=1`).join('\n'),
    run: (s) => void [...assembleEvents((s as string).split('\n').map((l) => parseLogLine(l)))],
  },
];

function time(c: Case, input: Uint8Array | string): number {
  const w0 = process.hrtime.bigint();
  c.run(input);
  const once = Math.max(1, Number(process.hrtime.bigint() - w0));
  // About 0.1 s per measurement, best of three.
  const reps = Math.max(1, Math.min(200, Math.floor(1e8 / once)));
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < reps; i++) c.run(input);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / reps);
  }
  return best;
}

const KS = [1, 2, 4, 8, 16, 32, 64];
const filter = process.argv[2];
console.log(`${'decoder'.padEnd(40)} ${KS.map((k) => `${k}x ns/B`.padStart(10)).join(' ')}   bytes@64x  ratio`);
for (const c of cases) {
  if (filter !== undefined && !c.name.includes(filter)) continue;
  const per: number[] = [];
  let lastLen = 0;
  for (const k of KS) {
    const input = c.make(k);
    lastLen = input.length;
    per.push(time(c, input) / input.length);
  }
  console.log(`${c.name.padEnd(40)} ${per.map((x) => x.toFixed(1).padStart(10)).join(' ')} ${String(lastLen).padStart(11)}  ${(per[per.length - 1]! / per[0]!).toFixed(2)}`);
}
