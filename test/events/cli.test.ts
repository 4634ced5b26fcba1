import { PassThrough, Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { CAPTURES, VECTORS } from '../capture/helpers.js';

async function run(args: string[], stdin: Uint8Array = new Uint8Array(0), tty = false): Promise<{ code: number; out: string; err: string }> {
  const out = new PassThrough();
  const err = Object.assign(new PassThrough(), { isTTY: tty });
  let o = '';
  let e = '';
  out.on('data', (c: Buffer) => (o += c.toString()));
  err.on('data', (c: Buffer) => (e += c.toString()));
  const code = await main(args, { stdout: out, stderr: err, stdin: Readable.from([stdin]) });
  return { code, out: o, err: e };
}

describe('audit-netlink events', () => {
  test('one JSON object per event, records in order', async () => {
    const { code, out, err } = await run(['events', VECTORS + 'go-libaudit/reassembly/normal.log']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const events = out.trim().split('\n').map((l) => JSON.parse(l) as { serial: number; end: string; records: { type_name: string }[] });
    expect(events.map((e) => e.serial)).toEqual([58, 59, 60, 61, 62]);
    expect(events[1]!.records.map((r) => r.type_name)).toEqual(['SYSCALL', 'EXECVE', 'CWD', 'PATH', 'PATH']);
  });

  test('--filter is checked before input is read, and selects events', async () => {
    const bad = await run(['events', '--filter', 'colour=red', '/nonexistent/file']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/AUDIT_ERR_BAD_FILTER: unknown filter "colour"/);
    const { out } = await run(['events', '--filter', 'key=oracle-ns', VECTORS + 'events.multicast.netlink.pcap']);
    expect(out.trim().split('\n').map((l) => (JSON.parse(l) as { serial: number }).serial)).toEqual([2]);
  });

  test('--dialect names a patched kernel\'s record types in a log; unknown dialects are refused before reading', async () => {
    // The SYSCALL + CONTAINER_ID pair quoted from ghak90 v11 03/11 (reference §6.3), shortened.
    const log = new TextEncoder().encode(
      'type=SYSCALL msg=audit(1606404280.226:174542): arch=c000003e syscall=257 success=yes exit=3 a0=ffffff9c a1=7ffe a2=0 a3=0 items=1 ppid=1 pid=2 auid=0 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=1 comm="cat" exe="/usr/bin/cat" key="t" record=1\n' +
        'type=CONTAINER_ID msg=audit(1606404280.226:174542): record=1 contid=527940429489930240\n',
    );
    const mainline = await run(['events', '--input-format', 'log', '-'], log);
    expect(mainline.code).toBe(1);
    expect(mainline.err).toMatch(/unknown record type name "CONTAINER_ID"/);
    const v11 = await run(['events', '--input-format', 'log', '--dialect', 'ghak90-v11', '-'], log);
    expect(v11.err).toBe('');
    const events = v11.out.trim().split('\n').map((l) => JSON.parse(l) as { serial: number; records: { type: number; type_name: string }[] });
    expect(events).toHaveLength(1);
    expect(events[0]!.records.map((r) => [r.type, r.type_name])).toEqual([[1300, 'SYSCALL'], [1336, 'CONTAINER_ID']]);
    const bad = await run(['events', '--dialect', 'ghak90-v99', '/nonexistent/file']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown dialect "ghak90-v99"/);
  });

  test('serial gaps go to stderr, and to stdout with --gaps', async () => {
    const { out, err } = await run(['events', '--gaps', VECTORS + 'go-libaudit/reassembly/lost_messages.log']);
    expect(err).toBe('audit-netlink events: serial gap: 9 missing after 49 (next 59)\n');
    expect(out.split('\n').filter((l) => l.startsWith('{"gap"'))).toEqual(['{"gap":{"after":49,"next":59,"missing":9}}']);
  });

  test('standard input and --input-format; a bad format name is refused', async () => {
    const { out } = await run(['events', '--input-format', 'log', '-'], new TextEncoder().encode('type=CWD msg=audit(1.000:2): cwd="/"\n'));
    expect(JSON.parse(out)).toMatchObject({ serial: 2, end: 'end-of-input', records: [{ type_name: 'CWD' }] });
    const bad = await run(['events', '--input-format', 'pcapx', '-']);
    expect(bad.err).toMatch(/AUDIT_ERR_UNKNOWN_FORMAT/);
  });
});

describe('audit-netlink stats', () => {
  test('counts of a pcap: types, records, events, the kernel lost counter', async () => {
    const { code, out } = await run(['stats', '--format', 'json', VECTORS + 'events.multicast.netlink.pcap']);
    expect(code).toBe(0);
    const s = JSON.parse(out) as Record<string, unknown>;
    expect(s).toMatchObject({ format: 'pcap', bytes: 12000, datagrams: 60, messages: 60, records: 60, events: 13, serialGaps: 0, errors: {} });
    expect((s.types as Record<string, number>).EOE).toBe(12);
    const status = JSON.parse((await run(['stats', '--format', 'json', CAPTURES + 'strace-status.dump.txt'])).out) as Record<string, unknown>;
    expect(status).toMatchObject({ format: 'strace', datagrams: 6, kernelLost: 0, notices: { peek: 2 } });
  });

  test('errors by code for a damaged capture; text output; no progress when stderr is not a terminal', async () => {
    const { out, err } = await run(['stats', '--input-format', 'hex', '-'], new TextEncoder().encode('zz\n10000000e80305000100000000000000\n'));
    expect(err).toBe('');
    expect(out).toMatch(/datagrams +1/);
    expect(out).toMatch(/errors\n +1 {2}AUDIT_ERR_BAD_CAPTURE/);
  });
});

describe('byte order option', () => {
  test('--byte-order be reads a big-endian hex transcript; a bad value is refused', async () => {
    // The first event record of events.multicast.txt with its nlmsghdr written big-endian.
    const payload = Buffer.from('audit(1795547277.778:2): op=add_rule key="k" list=4 res=1');
    const be = Buffer.alloc(16);
    be.writeUInt32BE(16 + payload.length, 0);
    be.writeUInt16BE(1305, 4);
    const text = `${be.toString('hex')}${payload.toString('hex')}\n`;
    const { out } = await run(['stats', '--format', 'json', '--byte-order', 'be', '-'], new TextEncoder().encode(text));
    expect(JSON.parse(out)).toMatchObject({ types: { CONFIG_CHANGE: 1 }, records: 1, events: 1 });
    const bad = await run(['events', '--byte-order', 'middle', '-']);
    expect(bad.err).toMatch(/AUDIT_ERR_BAD_VALUE: --byte-order "middle"/);
  });
});
