import { describe, expect, test } from 'vitest';
import { AuditErrorCode } from '../../src/bytes/errors.js';
import { readCapture, readCaptureItems, straceBufferBytes } from '../../src/capture/index.js';
import { capture, hex, transcriptHex, vector } from './helpers.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('strace', () => {
  // The dump of `strace -f -e trace=network -e write=all -e read=all auditctl -s` on this machine:
  // the same exchange as auditctl-status.txt, apart from port ids and the live status values.
  test('hex dumps of auditctl -s: six datagrams, peeks skipped', () => {
    const r = readCapture(capture('strace-status.dump.txt'));
    const ds = [...r.datagrams];
    expect(r.format).toBe('strace');
    expect(ds.map((d) => d.direction)).toEqual(['to-kernel', 'from-kernel', 'from-kernel', 'to-kernel', 'from-kernel', 'from-kernel']);
    expect(ds.map((d) => d.bytes.length)).toEqual([16, 36, 60, 32, 36, 32]);
    expect(hex(ds[0]!.bytes)).toBe('10000000e80305000100000000000000');
    expect(hex(ds[5]!.bytes)).toBe('20000000fb030000020000000000000001000000ffffffff0000000000000000');
    expect(r.notices.map((n) => n.code)).toEqual(['peek', 'peek']);
  });

  test('-X raw string forms rebuild what strace printed in full, and report what it cut', () => {
    const dumps = [...readCapture(capture('strace-status.dump.txt')).datagrams].map((d) => hex(d.bytes));
    const r = readCapture(capture('strace-status.xraw.txt'));
    const ds = [...r.datagrams].map((d) => hex(d.bytes));
    // The 60-byte status reply was printed as "..."-cut string: the only datagram missing.
    expect(r.notices.map((n) => n.code).sort()).toEqual(['no-bytes', 'peek', 'peek']);
    expect(ds).toHaveLength(5);
    // Port ids differ between the two runs; the bytes otherwise agree with the dumped run.
    const noPid = (h: string): string => h.slice(0, 24) + h.slice(32);
    expect(ds.map(noPid)).toEqual([dumps[0], dumps[1], dumps[3], dumps[4], dumps[5]].map((h) => noPid(h!)));
  });

  test('-xx -s 65536 with names carries every buffer', () => {
    const ds = [...readCapture(capture('strace-status.xx.txt')).datagrams];
    expect(ds.map((d) => d.bytes.length)).toEqual([16, 36, 60, 32, 36, 32]);
    expect(hex(ds[2]!.bytes).slice(0, 32)).toBe('3c000000e80300000100000000000000');
  });

  test('list rules: request, ACK, DONE', () => {
    const ds = [...readCapture(capture('strace-list-rules.dump.txt')).datagrams];
    expect(ds.map((d) => hex(d.bytes).slice(8, 12))).toEqual(['f503', '0200', '0300']);
    const raw = [...readCapture(capture('strace-list-rules.xraw-xx.txt')).datagrams];
    expect(raw.map((d) => hex(d.bytes).slice(8, 12))).toEqual(['f503', '0200', '0300']);
  });

  test('unfinished and resumed calls, and a dump shorter than the call', () => {
    const text = [
      '7 recvfrom(3,  <unfinished ...>',
      '8 getpid() = 8',
      '7 <... recvfrom resumed>"\\x10\\x00\\x00\\x00\\x03\\x00\\x02\\x00\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00", 8988, 0, NULL, NULL) = 16',
      '7 sendto(3, "abc", 20, 0, NULL, 0) = 20',
      ' | 00000  61 62 63                                          abc              |',
      '',
    ].join('\n');
    const items = [...readCaptureItems(enc(text), { format: 'strace' })];
    expect(items[0]).toMatchObject({ kind: 'datagram', datagram: { direction: 'from-kernel', index: 0 } });
    expect(items[1]).toMatchObject({ kind: 'error', error: { code: AuditErrorCode.TRUNCATED, offset: text.indexOf('7 sendto') } });
  });

  test('strace -ttt gives each datagram the call time', () => {
    const ds = [...readCapture(capture('strace-status.ttt.dump.txt')).datagrams];
    expect(ds).toHaveLength(6);
    // The sendto line reads "28896 1795554735.561944 sendto(...".
    expect(ds[0]!.timestampNs).toBe(1_795_554_735_561_944_000n);
    expect(ds.every((d, i) => i === 0 || d.timestampNs! >= ds[i - 1]!.timestampNs!)).toBe(true);
  });

  test('sendmsg/recvmsg dumps: one dump per iovec buffer, concatenated', () => {
    const text = [
      '5 sendmsg(3, {msg_name=NULL, msg_iov=[{iov_base="...", iov_len=4}, {iov_base="...", iov_len=12}], msg_iovlen=2}, 0) = 16',
      ' * 4 bytes in buffer 0',
      ' | 00000  10 00 00 00                                       ....             |',
      ' * 12 bytes in buffer 1',
      ' | 00000  e8 03 05 00 01 00 00 00  00 00 00 00              ............     |',
      '',
    ].join('\n');
    const ds = [...readCapture(enc(text), { format: 'strace' }).datagrams];
    expect(ds.map((d) => [hex(d.bytes), d.direction])).toEqual([['10000000e80305000100000000000000', 'to-kernel']]);
  });

  test('straceBufferBytes: C escapes, cut strings', () => {
    expect(straceBufferBytes('"a\\n\\x01\\0"', true)).toEqual(Uint8Array.of(0x61, 10, 1, 0));
    expect(straceBufferBytes('"abc"...', true)).toBeUndefined();
  });
});

describe('raw', () => {
  test('framed records with directions', () => {
    const bytes = Uint8Array.from([
      ...Buffer.from('AUDITNL\x01', 'latin1'), 1, 0, 0, 0,
      0, 0, 0, 16, 1, 0, 0, 0, ...Buffer.from('10000000e80305000100000000000000', 'hex'),
      0, 0, 0, 2, 2, 0, 0, 0, 0xab, 0xcd,
    ]);
    const r = readCapture(bytes);
    expect(r.format).toBe('raw');
    const ds = [...r.datagrams];
    expect(ds.map((d) => [hex(d.bytes), d.direction, d.offset])).toEqual([
      ['10000000e80305000100000000000000', 'to-kernel', 20],
      ['abcd', 'from-kernel', 44],
    ]);
    const cut = readCapture(bytes.subarray(0, bytes.length - 1));
    expect([...cut.datagrams]).toHaveLength(1);
    expect(cut.errors.map((e) => [e.code, e.offset])).toEqual([[AuditErrorCode.TRUNCATED, 36]]);
  });

  test('bare netlink splits by nlmsg_len (strict framing), the last message may lack padding', () => {
    const one = transcriptHex('auditctl-list-rules.txt').map((d) => d.hex);
    const bare = Buffer.from(one[0]! + one[2]!, 'hex');
    const ds = [...readCapture(bare, { format: 'raw' }).datagrams].map((d) => hex(d.bytes));
    expect(ds).toEqual([one[0], one[2]]);
    const bad = readCapture(Buffer.from('08000000e8030500', 'hex'), { format: 'raw' });
    expect([...bad.datagrams]).toEqual([]);
    expect(bad.errors.map((e) => e.code)).toEqual([AuditErrorCode.TRUNCATED]);
  });
});

describe('audit.log', () => {
  test('record lines, RAW and ENRICHED, node= prefix', () => {
    const text = 'node=web1 type=CWD msg=audit(1.002:3): cwd="/"\n\ntype=SYSCALL msg=audit(1.002:3): arch=c000003e syscall=2\x1dARCH=x86_64 SYSCALL=open\nnonsense\n';
    const items = [...readCaptureItems(enc(text))];
    expect(items[0]).toEqual({
      kind: 'line',
      line: { text: 'node=web1 type=CWD msg=audit(1.002:3): cwd="/"', index: 0, offset: 0, typeName: 'CWD', payload: 'audit(1.002:3): cwd="/"', node: 'web1', newline: true },
    });
    expect(items[1]).toMatchObject({ kind: 'line', line: { typeName: 'SYSCALL', payload: 'audit(1.002:3): arch=c000003e syscall=2', enrichment: 'ARCH=x86_64 SYSCALL=open', index: 1 } });
    expect(items[2]).toMatchObject({ kind: 'error', error: { code: AuditErrorCode.BAD_RECORD, offset: text.indexOf('nonsense') } });
  });

  test('log lines become multicast-style datagrams', () => {
    const ds = [...readCapture(vector('records.log')).datagrams];
    const first = ds[0]!;
    const view = Buffer.from(first.bytes);
    expect(view.readUInt32LE(0)).toBe(first.bytes.length);
    expect(view.readUInt16LE(4)).toBe(1300);
    expect(view.subarray(16).toString('utf8').startsWith('audit(')).toBe(true);
    // records.log starts with audit(1700000000.123:4242).
    expect(first.timestampNs).toBe(1_700_000_000_123_000_000n);
  });
});

describe('raw fixtures (made from the transcripts by a few lines of Python, see test/fixtures/captures/README.md)', () => {
  test('framed: the auditctl -s datagrams with their directions', () => {
    const ds = [...readCapture(capture('status.framed.raw')).datagrams];
    expect(ds.map((d) => hex(d.bytes))).toEqual(transcriptHex('auditctl-status.txt').map((d) => d.hex));
    expect(ds.map((d) => d.direction)).toEqual(transcriptHex('auditctl-status.txt').map((d) => (d.dir === 'sendto' ? 'to-kernel' : 'from-kernel')));
  });

  test('bare: the list-rules exchange split by nlmsg_len', () => {
    const r = readCapture(capture('list-rules.bare.raw'));
    expect(r.format).toBe('raw');
    const ds = [...r.datagrams].map((d) => hex(d.bytes));
    // Each datagram of that exchange holds one message, so bare splitting gives them back.
    expect(ds).toEqual(transcriptHex('auditctl-list-rules.txt').map((d) => d.hex));
    expect(r.errors).toEqual([]);
  });
});
