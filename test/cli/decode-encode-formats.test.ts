import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { toHex } from '../../src/bytes/hex.js';
import { hexLine, logLineOf, readCapture, type CapturedDatagram } from '../../src/capture/index.js';
import { runCli } from './run.js';

const VECTORS = 'test/fixtures/vectors';
const CAPTURES = 'test/fixtures/captures';
const GO = `${VECTORS}/go-libaudit`;

const PCAPS = [
  ...readdirSync(VECTORS).filter((f) => f.endsWith('.pcap')).map((f) => `${VECTORS}/${f}`),
  ...readdirSync(CAPTURES).filter((f) => f.endsWith('.pcap')).map((f) => `${CAPTURES}/${f}`),
];
const PCAPNGS = [
  ...readdirSync(VECTORS).filter((f) => f.endsWith('.pcapng')).map((f) => `${VECTORS}/${f}`),
  ...readdirSync(CAPTURES).filter((f) => f.endsWith('.pcapng')).map((f) => `${CAPTURES}/${f}`),
];
const LOGS = [
  `${VECTORS}/records.log`,
  ...['auparse', 'reassembly'].flatMap((d) => readdirSync(`${GO}/${d}`).filter((f) => f.endsWith('.log')).map((f) => `${GO}/${d}/${f}`)),
];

const file = (p: string): Uint8Array => new Uint8Array(readFileSync(p));
const datagrams = (bytes: Uint8Array): CapturedDatagram[] => [...readCapture(bytes).datagrams];

/** What a packet is, for comparing captures: its bytes, pseudo-header, link type and time. */
const packets = (bytes: Uint8Array): { bytes: string; linkHeader: string; linkType: number | undefined; ts: bigint | undefined }[] =>
  datagrams(bytes).map((d) => ({ bytes: toHex(d.bytes), linkHeader: toHex(d.linkHeader ?? new Uint8Array(0)), linkType: d.linkType, ts: d.timestampNs }));

async function jsonl(path: string, ...opts: string[]): Promise<string> {
  const r = await runCli(['decode', '--format', 'jsonl', ...opts, path]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

async function encode(input: string, ...opts: string[]): Promise<Uint8Array> {
  const r = await runCli(['encode', ...opts, '-'], input);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.bytes;
}

describe('decode --format jsonl | encode --format pcap gives the pcap back byte for byte', () => {
  it.each(PCAPS)('%s', async (path) => {
    const out = await encode(await jsonl(path), '--format', 'pcap');
    expect(toHex(out)).toBe(toHex(file(path)));
  });
});

describe('decode --format jsonl | encode --format pcapng gives the same packets and timestamps', () => {
  it.each([...PCAPNGS, ...PCAPS])('%s', async (path) => {
    const out = await encode(await jsonl(path), '--format', 'pcapng');
    expect(readCapture(out).format).toBe('pcapng');
    expect(packets(out)).toEqual(packets(file(path)));
  });

  it('a pcapng of one link type also goes to pcap (ns resolution) with the same packets and timestamps', async () => {
    const path = `${CAPTURES}/events.multicast.netlink.pcapng`;
    const out = await encode(await jsonl(path), '--format', 'pcap', '--resolution', 'ns');
    expect(readCapture(out).format).toBe('pcap');
    expect(packets(out)).toEqual(packets(file(path)));
  });

  it('--link-type rewrites every packet with a fresh pseudo-header of that type, same datagrams', async () => {
    const path = `${VECTORS}/status.netlink.pcap`;
    const out = await encode(await jsonl(path), '--format', 'pcap', '--link-type', '276');
    const got = datagrams(out);
    expect(got.map((d) => d.linkType)).toEqual(got.map(() => 276));
    expect(got.map((d) => toHex(d.bytes))).toEqual(datagrams(file(path)).map((d) => toHex(d.bytes)));
  });
});

describe('JSON Lines carry the capture metadata', () => {
  it('timestamp (decimal string ns), link type, pseudo-header, family; the container on the first line', async () => {
    const path = `${CAPTURES}/events.multicast.nsec.pcap`;
    const lines = (await jsonl(path)).trim().split('\n').map((l) => JSON.parse(l));
    const first = datagrams(file(path))[0]!;
    expect(lines[0]).toMatchObject({
      timestamp_ns: first.timestampNs!.toString(),
      link_type: 253,
      link_header: toHex(first.linkHeader!),
      family: 9,
      container: { format: 'pcap', byte_order: 'le', nanosecond: true, snaplen: 262144, link_type: 253 },
    });
    expect(typeof lines[0].timestamp_ns).toBe('string');
    expect(lines.filter((l) => l.container !== undefined)).toHaveLength(1);
  });

  it('pcapng: the container is the first section, read by the library', async () => {
    const be = (await jsonl(`${VECTORS}/events.multicast.be.netlink.pcap`)).split('\n')[0]!;
    expect(JSON.parse(be).container).toEqual({ format: 'pcap', byte_order: 'be', nanosecond: false, snaplen: 65535, link_type: 253 });
    const ng = (await jsonl(`${CAPTURES}/status.three-links.pcapng`)).split('\n')[0]!;
    expect(JSON.parse(ng).container).toEqual({ format: 'pcapng', byte_order: 'le' });
  });

  it('pcapng lines carry their interface', async () => {
    const lines = (await jsonl(`${CAPTURES}/status.three-links.pcapng`)).trim().split('\n').map((l) => JSON.parse(l));
    expect(new Set(lines.map((l) => l.link_type))).toEqual(new Set([253, 113, 276]));
    expect(lines.every((l) => typeof l.interface_id === 'number')).toBe(true);
  });
});

describe('audit.log input', () => {
  it.each(LOGS)('decode --format jsonl (exit 0) | encode --format log gives %s back byte for byte', async (path) => {
    // audit-rhel7.log has a `type=UNKNOWN[1329] msg=?` line: 1329 is AUDIT_REPLACE, binary on the
    // wire, but a log line is text: it decodes with the text codec. Two logs end without a newline.
    const d = await runCli(['decode', '--format', 'jsonl', path]);
    expect(d.stderr).toBe('');
    expect(d.code).toBe(0);
    const out = await encode(d.stdout, '--format', 'log');
    expect(Buffer.from(out).toString('utf8')).toBe(Buffer.from(file(path)).toString('utf8'));
  });

  it.each(LOGS)('decode --format log gives %s back byte for byte', async (path) => {
    const r = await runCli(['decode', '--format', 'log', path]);
    expect(r.code).toBe(0);
    expect(toHex(r.bytes)).toBe(toHex(file(path)));
  });

  it('a log without a final newline says so in its last JSON line, and only there', async () => {
    const log = 'type=CWD msg=audit(1.002:3): cwd="/"\ntype=CWD msg=audit(1.002:4): cwd="/x"';
    const r = await runCli(['decode', '--format', 'jsonl', '-'], log);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.log)).toEqual([{ type_name: 'CWD' }, { type_name: 'CWD', newline: false }]);
    expect(Buffer.from(await encode(r.stdout, '--format', 'log')).toString()).toBe(log);
    expect((await runCli(['decode', '--format', 'log', '-'], log)).stdout).toBe(log);
  });

  it('type=UNKNOWN[1329] msg=? is a text message, not a REPLACE decode error', async () => {
    const line = 'type=UNKNOWN[1329] msg=?\n';
    const r = await runCli(['decode', '--format', 'jsonl', '--input-format', 'log', '-'], line);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ nlmsg_type: 1329, name: 'REPLACE', kind: 'text', body: { text: '?' }, log: { type_name: 'UNKNOWN[1329]' } });
    expect(Buffer.from(await encode(r.stdout, '--format', 'log')).toString()).toBe(line);
    const t = await runCli(['decode', '--input-format', 'log', '-'], line);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('REPLACE (1329)');
  });

  it("a patched kernel's log reads under its --dialect (type=CONTAINER_ID, ghak90-v11)", async () => {
    const line = 'type=CONTAINER_ID msg=audit(1606404280.226:174542): record=1 contid=527940429489930240\n';
    const mainline = await runCli(['decode', '--format', 'jsonl', '-'], line);
    expect(mainline.code).toBe(1);
    expect(mainline.stderr).toContain('AUDIT_ERR_BAD_RECORD');
    const r = await runCli(['decode', '--format', 'jsonl', '--dialect', 'ghak90-v11', '-'], line);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ nlmsg_type: 1336, name: 'CONTAINER_ID', kind: 'text', timestamp_ns: '1606404280226000000', log: { type_name: 'CONTAINER_ID' } });
    expect(j.record).toMatchObject({ type: 1336, type_name: 'CONTAINER_ID', serial: 174542 });
    const node = await runCli(['decode', '--format', 'jsonl', '--dialect', 'ghak90-v11', '-'], `node=type=CONTAINER_ID ${line}`);
    expect(node.code).toBe(0);
    expect(JSON.parse(node.stdout).record).toMatchObject({ type: 1336, type_name: 'CONTAINER_ID', node: 'type=CONTAINER_ID', serial: 174542 });
    expect(Buffer.from(await encode(r.stdout, '--format', 'log', '--dialect', 'ghak90-v11')).toString()).toBe(line);
    const log = await runCli(['decode', '--format', 'log', '--dialect', 'ghak90-v11', '-'], line);
    expect(log.stdout).toBe(line);
    const text = await runCli(['decode', '--dialect', 'ghak90-v11', '-'], line);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('#0 CONTAINER_ID (1336)');
  });

  it('encode --format hex of log-derived JSON gives the datagrams a multicast reader would see', async () => {
    const path = `${VECTORS}/records.log`;
    const out = Buffer.from(await encode(await jsonl(path), '--format', 'hex')).toString();
    expect(out.trim().split('\n')).toEqual(datagrams(file(path)).map((d) => toHex(d.bytes)));
  });

  it('a log line gives its record with time, serial, fields and interpretations, and the line parts under log', async () => {
    const lines = (await jsonl(`${VECTORS}/records.log`)).trim().split('\n').map((l) => JSON.parse(l));
    const first = lines[0];
    expect(first).toMatchObject({ name: 'SYSCALL', nlmsg_type: 1300, log: { type_name: 'SYSCALL' }, timestamp_ns: '1700000000123000000' });
    expect(first.record).toMatchObject({ type: 1300, type_name: 'SYSCALL', time: { sec: 1700000000, msec: 123 }, serial: 4242 });
    expect(first.record.fields[0]).toEqual({ name: 'arch', raw: 'c000003e', value: 'c000003e', form: 'bare', interp: 'x86_64' });
    expect(first.record.fields.find((f: { name: string }) => f.name === 'syscall').interp).toBe('unshare');
  });

  it('ENRICHED lines keep their enrichment and node, and interpretations use it', async () => {
    const line = 'node=n1 type=USER_LOGIN msg=audit(1700000002.000:4244): pid=2000 uid=0 auid=1000 msg=\'op=login acct="alice" res=success\'\x1dUID="root" AUID="alice"\n';
    const r = await runCli(['decode', '--format', 'jsonl', '--input-format', 'log', '-'], line);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.log).toEqual({ type_name: 'USER_LOGIN', node: 'n1', enrichment: 'UID="root" AUID="alice"' });
    expect(j.record.node).toBe('n1');
    expect(j.record.fields.find((f: { name: string }) => f.name === 'auid').interp).toBe('alice');
    expect(Buffer.from(await encode(r.stdout, '--format', 'log')).toString()).toBe(line);
  });

  it('text output shows the log records with their interpretations', async () => {
    const r = await runCli(['decode', `${VECTORS}/records.log`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('record SYSCALL time=1700000000.123 (2023-11-14T22:13:20.123Z) serial=4242');
    expect(r.stdout).toContain('arch=c000003e → x86_64');
    expect(r.stdout).toContain('a2=6D792066696C65 → my file');
  });
});

describe('decode --format log and --format hex', () => {
  it('log: the line auditd writes for each kernel record of a netlink capture', async () => {
    const path = `${VECTORS}/events.multicast.netlink.pcap`;
    const r = await runCli(['decode', '--format', 'log', path]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(datagrams(file(path)).map((d) => logLineOf(d) ?? '').join(''));
    expect(r.stdout.split('\n')[0]).toMatch(/^type=[A-Z_]+ msg=audit\(\d+\.\d{3}:\d+\): /);
  });

  it('hex: one transcript line per datagram, which reads back as the same datagrams', async () => {
    const path = `${CAPTURES}/strace-status.dump.txt`;
    const r = await runCli(['decode', '--format', 'hex', path]);
    expect(r.code).toBe(0);
    const want = datagrams(file(path));
    expect(r.stdout).toBe(want.map((d) => hexLine(d)).join(''));
    expect(datagrams(new TextEncoder().encode(r.stdout)).map((d) => [toHex(d.bytes), d.direction])).toEqual(want.map((d) => [toHex(d.bytes), d.direction]));
  });
});

describe('encode --format raw and -o', () => {
  it('raw keeps every datagram and its direction', async () => {
    const path = `${VECTORS}/auditctl-status.txt`;
    const out = await encode(await jsonl(path), '--format', 'raw');
    expect(readCapture(out).format).toBe('raw');
    expect(datagrams(out).map((d) => [toHex(d.bytes), d.direction])).toEqual(datagrams(file(path)).map((d) => [toHex(d.bytes), d.direction]));
  });

  const dir = mkdtempSync(join(tmpdir(), 'audit-netlink-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('-o FILE writes the output there and nothing to stdout', async () => {
    const path = `${VECTORS}/status.sll.pcap`;
    const target = join(dir, 'out.pcap');
    const r = await runCli(['encode', '--format', 'pcap', '-o', target, '-'], await jsonl(path));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(toHex(file(target))).toBe(toHex(file(path)));
  });

  it('bad encode options exit 2 before reading', async () => {
    for (const args of [['--format', 'tiff'], ['--link-type', '1'], ['--resolution', 'ms'], ['--dialect', 'nope']]) {
      const r = await runCli(['encode', ...args, '-'], 'not json\n');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    }
  });
});

/** A stdin that records whether anyone read it. */
function spyStdin(): { stream: Readable; wasRead: () => boolean } {
  let read = false;
  const stream = new Readable({
    read() {
      read = true;
      this.push('sendto 10000000e80305000100000000000000\n');
      this.push(null);
    },
  });
  return { stream, wasRead: () => read };
}

describe('decode options are checked before any input is read', () => {
  it.each([
    [['--filter', 'bogus=1']],
    [['--filter', 'key=x', '--filter', 'since=yesterday']],
    [['--dialect', 'ghak90-v99']],
    [['--input-format', 'tiff']],
    [['--format', 'xml']],
    [['--byte-order', 'middle']],
  ])('%j → exit 2, nothing read', async (args) => {
    const spy = spyStdin();
    const r = await runCli(['decode', ...args, '-'], '', { stdin: spy.stream });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/AUDIT_ERR_(BAD_FILTER|BAD_VALUE|UNKNOWN_FORMAT)/);
    expect(spy.wasRead()).toBe(false);
  });

  it('a bad filter names the code and the offending term', async () => {
    const r = await runCli(['decode', '--filter', 'key=a bogus=1', `${VECTORS}/records.log`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('AUDIT_ERR_BAD_FILTER');
    expect(r.stderr).toContain('bogus');
  });

  it('a missing file is exit 1 with a message', async () => {
    const r = await runCli(['decode', `${VECTORS}/no-such-file.pcap`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot read');
  });
});

describe('--filter', () => {
  it('keeps the records it matches (log input)', async () => {
    const r = await runCli(['decode', '--format', 'log', '--filter', 'key=container-config', `${VECTORS}/records.log`]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.includes('key="container-config"'))).toBe(true);
  });

  it('repeated filters must all hold', async () => {
    const all = await runCli(['decode', '--format', 'log', '--filter', 'type=SYSCALL', `${VECTORS}/records.log`]);
    const both = await runCli(['decode', '--format', 'log', '--filter', 'type=SYSCALL', '--filter', 'syscall=execve', `${VECTORS}/records.log`]);
    const a = all.stdout.trim().split('\n');
    const b = both.stdout.trim().split('\n');
    expect(a.every((l) => l.startsWith('type=SYSCALL '))).toBe(true);
    expect(b.length).toBeGreaterThan(0);
    expect(b.length).toBeLessThan(a.length);
    expect(b.every((l) => l.includes('syscall=59'))).toBe(true);
  });

  it('selects control messages by type on a netlink capture, keeping datagram indices', async () => {
    const r = await runCli(['decode', '--format', 'jsonl', '--filter', 'type=GET', `${VECTORS}/auditctl-status.txt`]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.name)).toEqual(['GET', 'GET']);
    expect(lines.map((l) => l.datagram)).toEqual([0, 2]);
  });

  it('works on kernel records in a pcap', async () => {
    const r = await runCli(['decode', '--format', 'jsonl', '--filter', 'type=SYSCALL', `${VECTORS}/events.multicast.netlink.pcap`]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.record.type_name === 'SYSCALL')).toBe(true);
  });
});

describe('--input-format', () => {
  it('overrides detection', async () => {
    // A hex transcript line is text; read as a log it is not an audit.log line.
    const asLog = await runCli(['decode', '--input-format', 'log', `${VECTORS}/auditctl-status.txt`]);
    expect(asLog.code).toBe(1);
    expect(asLog.stderr).toContain('AUDIT_ERR_BAD_RECORD');
    const asHex = await runCli(['decode', '--input-format', 'hex', '--format', 'jsonl', `${VECTORS}/auditctl-status.txt`]);
    expect(asHex.code).toBe(0);
    expect(JSON.parse(asHex.stdout.split('\n')[0]!).container).toEqual({ format: 'hex' });
  });

  it('reads every format from standard input too', async () => {
    const bytes = file(`${VECTORS}/status.netlink.pcapng`);
    const chunks = [bytes.subarray(0, 7), bytes.subarray(7, 100), bytes.subarray(100)];
    const r = await runCli(['decode', '--format', 'jsonl', '--input-format', 'pcapng', '-'], chunks);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(await jsonl(`${VECTORS}/status.netlink.pcapng`));
  });
});

describe('--dialect', () => {
  const text = 'audit(1700000000.123:42): record=1 contid=42';
  const b = Buffer.alloc(16 + text.length);
  b.writeUInt32LE(b.length, 0);
  b.writeUInt16LE(1336, 4);
  b.write(text, 16);
  const input = `recvfrom ${b.toString('hex')}\n`;

  it.each([
    ['mainline', 'URINGOP'],
    ['ghak90-v11', 'CONTAINER_ID'],
    ['ns-2015', 'NS_DEL_MNT'],
  ])('1336 under %s is %s (text, jsonl, log) and encodes back to the same bytes', async (dialect, name) => {
    const t = await runCli(['decode', '--dialect', dialect, '-'], input);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain(`#0 ${name} (1336)`);
    expect(t.stdout).toContain(`record ${name} time=1700000000.123`);
    const j = await runCli(['decode', '--format', 'jsonl', '--dialect', dialect, '-'], input);
    const line = JSON.parse(j.stdout);
    expect(line).toMatchObject({ name, nlmsg_type: 1336, record: { type: 1336, type_name: name, serial: 42 } });
    const l = await runCli(['decode', '--format', 'log', '--dialect', dialect, '-'], input);
    expect(l.stdout).toBe(`type=${name} msg=${text}\n`);
    const back = await runCli(['encode', '--dialect', dialect, '-'], j.stdout);
    expect(back.stdout.trim()).toBe(b.toString('hex'));
  });
});

describe('errors', () => {
  const bad = '0c000000e80305000100000000000000';
  const good = '10000000e80305000100000000000000';

  it('text: an error line on stdout, the code on stderr, decoding goes on, exit 1', async () => {
    const r = await runCli(['decode', '-'], `sendto ${bad}\nsendto ${good}\n`);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`#0 ERROR AUDIT_ERR_BAD_LENGTH`);
    expect(r.stdout).toContain(`raw ${bad}`);
    expect(r.stdout).toContain('#1 GET (1000)');
    expect(r.stderr).toContain('AUDIT_ERR_BAD_LENGTH');
  });

  it('jsonl: a line with code, offset, message and raw hex, with the capture metadata', async () => {
    const r = await runCli(['decode', '--format', 'jsonl', '-'], `sendto ${bad}\nsendto ${good}\n`);
    expect(r.code).toBe(1);
    const [err, ok] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(err).toMatchObject({ datagram: 0, capture_direction: 'to-kernel', raw: bad, error: { code: 'AUDIT_ERR_BAD_LENGTH', offset: 7, message: expect.stringContaining('nlmsg_len 12') } });
    expect(ok).toMatchObject({ datagram: 1, name: 'GET' });
  });

  it('a truncated pcap reports AUDIT_ERR_TRUNCATED and keeps what came before', async () => {
    const bytes = file(`${VECTORS}/status.netlink.pcap`);
    const r = await runCli(['decode', '--format', 'jsonl', '-'], bytes.subarray(0, bytes.length - 5));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('AUDIT_ERR_TRUNCATED');
    expect(r.stdout.trim().split('\n').length).toBeGreaterThan(0);
  });
});

describe('progress', () => {
  const path = `${VECTORS}/events.multicast.netlink.pcap`;
  it('is absent when stderr is not a terminal', async () => {
    const r = await runCli(['decode', '--format', 'jsonl', path], '', { stderrTTY: false });
    expect(r.stderr).toBe('');
  });
  it('is shown on stderr (never stdout) when stderr is a terminal', async () => {
    const r = await runCli(['decode', '--format', 'jsonl', path], '', { stderrTTY: true });
    expect(r.stderr).toContain('MiB');
    expect(r.stderr).toContain('messages');
    expect(r.stdout).not.toContain('MiB');
    expect(r.stdout).toBe(await jsonl(path));
  });
});

describe('--format log writes only what auditd logs', () => {
  it('a user message on its way to the kernel (no audit(...) stamp) is not a log line; its echo is', async () => {
    const user = 'op=login acct="alice" res=success';
    const echo = `audit(1700000002.000:7): pid=1 uid=0 msg='${user}'`;
    const dg = (type: number, text: string): string => {
      const b = Buffer.alloc(16 + text.length);
      b.writeUInt32LE(b.length, 0);
      b.writeUInt16LE(type, 4);
      b.write(text, 16);
      return b.toString('hex');
    };
    const r = await runCli(['decode', '--format', 'log', '-'], `sendto ${dg(1112, user)}\n${dg(1112, user)}\nrecvfrom ${dg(1112, echo)}\n`);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`type=USER_LOGIN msg=${echo}\n`);
  });
});

describe('streaming', () => {
  it('decode writes output while standard input is still arriving (no whole-input read)', async () => {
    const { main } = await import('../../src/cli/main.js');
    const { Sink } = await import('./run.js');
    const stdout = new Sink();
    const stderr = new Sink();
    const seenBeforeEnd: number[] = [];
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let c = 0; c < 40; c++) {
        let s = '';
        for (let i = 0; i < 100; i++) s += `type=CWD msg=audit(1700000000.${String(i % 1000).padStart(3, '0')}:${c * 100 + i + 1}): cwd="/tmp/${c}/${i}"\n`;
        seenBeforeEnd.push(stdout.bytes.length);
        yield Buffer.from(s);
      }
    }
    const code = await main(['decode', '--format', 'jsonl', '-'], { stdout, stderr, stdin: Readable.from(chunks()) });
    expect(code).toBe(0);
    expect(stderr.text).toBe('');
    expect(stdout.text.trim().split('\n')).toHaveLength(4000);
    // Output had started long before the last chunk was produced.
    expect(seenBeforeEnd[20]!).toBeGreaterThan(0);
  });

  it('encode streams too: JSON Lines fed in pieces give the same pcap', async () => {
    const path = `${VECTORS}/events.multicast.netlink.pcap`;
    const text = await jsonl(path);
    const pieces: string[] = [];
    for (let i = 0; i < text.length; i += 777) pieces.push(text.slice(i, i + 777));
    const r = await runCli(['encode', '--format', 'pcap', '-'], pieces);
    expect(r.code).toBe(0);
    expect(toHex(r.bytes)).toBe(toHex(file(path)));
  });
});

describe('every capture of test/fixtures/captures through JSON Lines', () => {
  const FILES = readdirSync(CAPTURES, { withFileTypes: true }).filter((e) => e.isFile() && !e.name.endsWith('.md')).map((e) => `${CAPTURES}/${e.name}`);
  it.each(FILES)('%s: encode --format hex gives the datagrams the reader found', async (path) => {
    const out = Buffer.from(await encode(await jsonl(path), '--format', 'hex')).toString();
    expect(out.trim().split('\n')).toEqual(datagrams(file(path)).map((d) => toHex(d.bytes)));
  });

  it('a framed raw file comes back byte for byte with --format raw', async () => {
    const path = `${CAPTURES}/status.framed.raw`;
    expect(toHex(await encode(await jsonl(path), '--format', 'raw'))).toBe(toHex(file(path)));
  });
});
