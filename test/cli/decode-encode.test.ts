import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../src/bytes/hex.js';
import { readCapture } from '../../src/capture/index.js';
import { readTranscript, VECTORS } from '../golden/helpers.js';
import { runCli } from './run.js';

const FILES = readdirSync(VECTORS).filter((f) => /\.(txt|pcap|pcapng)$/.test(f));

function datagramsOf(file: string): string[] {
  if (file.endsWith('.txt')) return readTranscript(file).map((l) => toHex(l.bytes));
  return [...readCapture(new Uint8Array(readFileSync(`${VECTORS}/${file}`))).datagrams].map((g) => toHex(g.bytes));
}

async function jsonl(file: string, ...opts: string[]): Promise<Record<string, any>[]> {
  const r = await runCli(['decode', '--format', 'jsonl', ...opts, `${VECTORS}/${file}`]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l));
}

async function encode(lines: Record<string, unknown>[]): Promise<string[]> {
  const r = await runCli(['encode', '--format', 'hex', '-'], lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout.trim().split('\n');
}

describe('decode --format jsonl | encode --format hex reproduces every datagram', () => {
  it.each(FILES)('%s', async (file) => {
    const want = datagramsOf(file);
    const lines = await jsonl(file);
    expect(await encode(lines)).toEqual(want);
  });
});

describe('encode builds from the fields', () => {
  it('editing nlmsg_seq changes exactly bytes 8..11 of that message', async () => {
    const lines = await jsonl('auditctl-status.txt');
    const before = await encode(lines);
    const edited = lines.map((l, i) => (i === 2 ? { ...l, nlmsg_seq: 0x01020304 } : l));
    const after = await encode(edited);
    expect(after.filter((h, i) => h !== before[i])).toHaveLength(1);
    const a = fromHex(before[2]!);
    const b = fromHex(after[2]!);
    const diff = [...a.keys()].filter((i) => a[i] !== b[i]);
    expect(diff).toEqual([8, 9, 10, 11]);
    expect(toHex(b.subarray(8, 12))).toBe('04030201');
  });

  it('editing audit_status.backlog_limit changes exactly its 4 bytes at 16 + 20', async () => {
    const lines = await jsonl('auditctl-status.txt');
    const reply = lines[2]!;
    expect(reply['kind']).toBe('status');
    expect(reply['body'].backlog_limit).toBe(64);
    const edited = lines.map((l, i) => (i === 2 ? { ...l, body: { ...l['body'], backlog_limit: 8192 } } : l));
    const before = fromHex((await encode(lines))[2]!);
    const after = fromHex((await encode(edited))[2]!);
    const diff = [...before.keys()].filter((i) => before[i] !== after[i]);
    // 64 = 40 00 00 00 and 8192 = 00 20 00 00 little-endian: bytes 36 and 37 differ.
    expect(diff).toEqual([36, 37]);
    expect(toHex(after.subarray(36, 40))).toBe('00200000');
  });

  it('editing a record text changes its bytes and its nlmsg_len (unicast: payload only)', async () => {
    const lines = await jsonl('events.unicast.txt');
    const first = lines[0]!;
    expect(first['framing']).toBe('unicast');
    const text = first['body'].text as string;
    const edited = [{ ...first, body: { ...first['body'], text: text.replace('res=1', 'res=0') } }];
    const [hex] = await encode(edited);
    const b = fromHex(hex!);
    expect(new TextDecoder().decode(b.subarray(16))).toBe(text.replace('res=1', 'res=0'));
    expect(new DataView(b.buffer).getUint32(0, true)).toBe(b.length - 16);
  });
});

describe('docs/jsonl.md', () => {
  it('its example line is valid encode input and gives the status reply of auditctl-status.txt', async () => {
    const doc = readFileSync('docs/jsonl.md', 'utf8');
    const example = doc.split('## Example')[1]!.trim().split('\n')[0]!.trim();
    const [hex] = await encode([JSON.parse(example)]);
    expect(hex).toBe(readTranscript('auditctl-status.txt').map((l) => toHex(l.bytes))[2]);
  });
});

describe('decode output', () => {
  it('prints messages readably by default', async () => {
    const r = await runCli(['decode', `${VECTORS}/auditctl-status.txt`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('GET (1000) len=16 flags=REQUEST|ACK seq=1 pid=0 to-kernel');
    expect(r.stdout).toContain('ACK for GET seq=1 (header only)');
    expect(r.stdout).toContain('backlog_limit=64');
    expect(r.stdout).toContain('backlog_wait_time=15000');
  });

  it('JSON lines carry the header, names, C field names and u32 numbers', async () => {
    const [req, ack, reply] = await jsonl('auditctl-status.txt');
    expect(req).toMatchObject({ v: 1, datagram: 0, index: 0, byte_order: 'le', nlmsg_len: 16, nlmsg_type: 1000, nlmsg_flags: 5, nlmsg_flags_names: ['REQUEST', 'ACK'], name: 'GET', kind: 'empty' });
    expect(ack).toMatchObject({ name: 'NLMSG_ERROR', kind: 'error', nlmsg_flags_names: ['CAPPED'], body: { error: 0, errno: null, msg: { nlmsg_type: 1000 } } });
    expect(reply!['body']).toMatchObject({ enabled: 0, failure: 1, backlog_limit: 64, backlog_wait_time: 15000, feature_bitmap_names: expect.arrayContaining(['LOST_RESET']) });
  });

  it('adds the parsed record of kernel records', async () => {
    const [first] = await jsonl('events.multicast.txt');
    expect(first!['record']).toMatchObject({ type: 1305, serial: 2 });
  });

  it('reads standard input with -, and accepts --dialect mainline and --byte-order', async () => {
    const hex = 'sendto 10000000e80305000100000000000000\n';
    const r = await runCli(['decode', '--format', 'jsonl', '--dialect', 'mainline', '--byte-order', 'le', '-'], hex);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ name: 'GET', capture_direction: 'to-kernel' });
  });

  it('an undecodable datagram gives an error line with every byte, and encode gives them back', async () => {
    const bad = '0c000000e80305000100000000000000';
    const r = await runCli(['decode', '--format', 'jsonl', '-'], `sendto ${bad}\nsendto 10000000e80305000100000000000000\n`);
    expect(r.code).toBe(1);
    const [err, ok] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(err).toMatchObject({ datagram: 0, raw: bad, error: { code: 'AUDIT_ERR_BAD_LENGTH', offset: expect.any(Number), path: 'msg[0].nlmsg_len' } });
    expect(err.error.message).toContain('nlmsg_len 12 < NLMSG_HDRLEN 16');
    expect(ok).toMatchObject({ datagram: 1, name: 'GET' });
    expect(await encode([err, ok])).toEqual([bad, '10000000e80305000100000000000000']);
  });

  it('lenient validation keeps a bad datagram as messages with warnings', async () => {
    const r = await runCli(['decode', '--format', 'jsonl', '--validation', 'lenient', '-'], 'recvfrom 11000000e8030000010000000000000061ff0000\n');
    expect(r.code).toBe(0);
    const line = JSON.parse(r.stdout);
    expect(line.warnings[0].code).toBe('AUDIT_ERR_BAD_PADDING');
    expect(line.padding).toBe('ff0000');
    expect(await encode([line])).toEqual(['11000000e8030000010000000000000061ff0000']);
  });

  it('bad options and unknown dialects fail with a message', async () => {
    expect((await runCli(['decode', '--framing', 'nope', `${VECTORS}/auditctl-status.txt`])).code).toBe(2);
    const r = await runCli(['decode', '--dialect', 'nope', `${VECTORS}/auditctl-status.txt`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown dialect');
  });

  it('encode refuses JSON that does not follow the schema', async () => {
    const r = await runCli(['encode', '--format', 'hex', '-'], '{"v":1,"datagram":0,"byte_order":"le","nlmsg_len":16}\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('AUDIT_ERR_BAD_JSON');
  });
});

describe('dialect kinds survive JSON Lines', () => {
  it('ghak90-v7 SIGNAL_INFO2 (u64 cid) and a ghak90-v8 audit_status field round-trip', async () => {
    const { encodeMessage } = await import('../../src/audit/index.js');
    const { getDialect } = await import('../../src/audit/dialects/catalog.js');
    const v7 = getDialect('ghak90-v7').registry;
    const sig = encodeMessage(
      { kind: 'sig-info2' as never, header: { nlmsg_type: 1021, nlmsg_seq: 9 }, body: { uid: 1000, pid: 42, cid: 0xfedcba9876543210n, ctx: new Uint8Array([0x61, 0]) } as never },
      { littleEndian: true, registry: v7 },
    );
    const r = await runCli(['decode', '--format', 'jsonl', '--dialect', 'ghak90-v7', '-'], `recvfrom ${toHex(sig)}\n`);
    expect(r.code).toBe(0);
    const line = JSON.parse(r.stdout);
    expect(line).toMatchObject({ name: 'SIGNAL_INFO2', kind: 'sig-info2', body: { cid: '18364758544493064720', ctx: '6100' }, body_types: { cid: 'u64' } });
    const back = await runCli(['encode', '--format', 'hex', '--dialect', 'ghak90-v7', '-'], `${JSON.stringify({ ...line, body: { ...line.body, pid: 43 } })}\n`);
    expect(back.stderr).toBe('');
    const b = fromHex(back.stdout.trim());
    expect([...b.keys()].filter((i) => b[i] !== sig[i])).toEqual([20]);
  });

  it('a ghak90-v8 audit_status keeps its extra fields through JSON', async () => {
    // 48-byte payload: the 40 mainline bytes, contid_depth_limit @40 = 5, contid_netns_limit @44 = 6.
    const payload = new Uint8Array(48);
    const v = new DataView(payload.buffer);
    v.setUint32(20, 64, true);
    v.setUint32(40, 5, true);
    v.setUint32(44, 6, true);
    const hex = '40000000e803000001000000000000' + '00' + toHex(payload);
    const r = await runCli(['decode', '--format', 'jsonl', '--dialect', 'ghak90-v8', '-'], `recvfrom ${hex}\n`);
    expect(r.code).toBe(0);
    const line = JSON.parse(r.stdout);
    expect(line.body).toMatchObject({ backlog_limit: 64, contid_depth_limit: 5, contid_netns_limit: 6 });
    const back = await runCli(['encode', '--dialect', 'ghak90-v8', '-'], `${JSON.stringify({ ...line, body: { ...line.body, contid_netns_limit: 7 } })}\n`);
    const b = fromHex(back.stdout.trim());
    const a = fromHex(hex);
    expect([...b.keys()].filter((i) => b[i] !== a[i])).toEqual([16 + 44]);
  });
});
