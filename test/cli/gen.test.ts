/**
 * `audit-netlink gen`: reproducible by seed, every valid datagram decodes cleanly in every output
 * format, invalid ones are marked with the code the decoder gives, and tshark reads the pcap
 * without a malformed packet (tshark missing: fails under CI=true, else reports it).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { decodeDatagram } from '../../src/audit/index.js';
import { getDialect } from '../../src/audit/dialects/index.js';
import { toHex } from '../../src/bytes/hex.js';
import { readCapture } from '../../src/capture/index.js';
import { main } from '../../src/cli/main.js';
import { parseLogLine } from '../../src/records/index.js';

class BytesSink extends Writable {
  chunks: Buffer[] = [];
  override _write(chunk: Buffer | string, _enc: string, done: () => void): void {
    this.chunks.push(Buffer.from(chunk));
    done();
  }
  get bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** Run `audit-netlink ARGS` in-process; stdout as bytes. */
async function gen(args: string[]): Promise<{ code: number; out: Buffer; err: string }> {
  const stdout = new BytesSink();
  const stderr = new BytesSink();
  const code = await main(['gen', ...args], { stdout, stderr, stdin: Readable.from([]) });
  return { code, out: stdout.bytes, err: stderr.bytes.toString() };
}

const FORMATS = ['pcap', 'pcapng', 'hex', 'log', 'jsonl'] as const;

describe('gen is reproducible by seed', () => {
  test.each(FORMATS)('%s: same seed, same bytes; another seed, other bytes', async (format) => {
    const args = ['--format', format, '--count', '60', '--seed', '1234'];
    const a = await gen(args);
    const b = await gen(args);
    expect(a.code).toBe(0);
    expect(a.out.length).toBeGreaterThan(0);
    expect(b.out.equals(a.out)).toBe(true);
    const c = await gen(['--format', format, '--count', '60', '--seed', '1235']);
    expect(c.out.equals(a.out)).toBe(false);
  });

  test('with --invalid, --dialect, --types and --byte-order be too', async () => {
    const args = ['--format', 'pcapng', '--count', '50', '--seed=-7', '--invalid', '--dialect', 'ghak90-v11', '--types', 'container,status,list-rules', '--byte-order', 'be'];
    const a = await gen(args);
    const b = await gen(args);
    expect(a.code).toBe(0);
    expect(b.out.equals(a.out)).toBe(true);
    expect(a.err).toBe(b.err);
  });

  test('-o writes the same bytes as standard output', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gen-')), 'out.pcap');
    const a = await gen(['--format', 'pcap', '--count', '30', '--seed', '9', '-o', file]);
    const b = await gen(['--format', 'pcap', '--count', '30', '--seed', '9']);
    expect(a.code).toBe(0);
    expect(readFileSync(file).equals(b.out)).toBe(true);
  });
});

describe('generated output decodes cleanly', () => {
  test.each([
    ['pcap', 'le', 'mainline'],
    ['pcap', 'be', 'mainline'],
    ['pcapng', 'le', 'ns-2015'],
    ['pcapng', 'be', 'ghak90-v8'],
    ['hex', 'le', 'contid-rfc-2017'],
  ] as const)('%s %s %s: every datagram, strict, no warning', async (format, order, dialect) => {
    const r = await gen(['--format', format, '--count', '200', '--seed', '42', '--byte-order', order, '--dialect', dialect]);
    expect(r.code).toBe(0);
    const cap = readCapture(new Uint8Array(r.out), order === 'be' ? { littleEndian: false } : {});
    const datagrams = [...cap.datagrams];
    expect(cap.errors).toEqual([]);
    expect(datagrams.length).toBe(200);
    for (const d of datagrams) {
      const out = decodeDatagram(d.bytes, { littleEndian: d.littleEndian ?? order === 'le', dialect: getDialect(dialect), ...(d.direction === undefined ? {} : { direction: d.direction }) });
      expect(out.warnings, toHex(d.bytes)).toEqual([]);
      expect(out.messages.every((m) => m.kind !== 'raw')).toBe(true);
    }
  });

  test('jsonl: one line per message, no error line without --invalid, both byte orders', async () => {
    const r = await gen(['--format', 'jsonl', '--count', '150', '--seed', '3', '--byte-order', 'any']);
    const lines = r.out.toString().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.some((l) => 'error' in l || 'record_error' in l)).toBe(false);
    expect(new Set(lines.map((l) => l['byte_order']))).toEqual(new Set(['le', 'be']));
    expect(new Set(lines.map((l) => l['datagram'])).size).toBe(150);
  });

  test('log: lines auditd would write, each one parses', async () => {
    const r = await gen(['--format', 'log', '--count', '200', '--seed', '5']);
    const lines = r.out.toString().trim().split('\n');
    expect(lines.length).toBeGreaterThan(20);
    for (const l of lines) expect(() => parseLogLine(l), l).not.toThrow();
    expect(lines.some((l) => l.startsWith('type=EOE'))).toBe(false);
  });
});

describe('--invalid', () => {
  test('jsonl marks each bad datagram with generated_invalid and the decoder gives exactly that code', async () => {
    const r = await gen(['--format', 'jsonl', '--count', '200', '--seed', '11', '--invalid', '--invalid-every', '4']);
    const lines = r.out.toString().trim().split('\n').map((l) => JSON.parse(l) as { error?: { code: string }; generated_invalid?: { kind: string; expected_code: string }; datagram: number });
    const marked = lines.filter((l) => l.generated_invalid !== undefined);
    expect(marked.length).toBe(50);
    for (const l of marked) expect(l.error?.code).toBe(l.generated_invalid!.expected_code);
    expect(lines.filter((l) => l.error !== undefined && l.generated_invalid === undefined)).toEqual([]);
    expect(marked.map((l) => l.datagram % 4)).toEqual(marked.map(() => 3));
  });

  test('hex marks them with a comment line; pcap lists them on standard error', async () => {
    const hex = await gen(['--format', 'hex', '--count', '20', '--seed', '2', '--invalid']);
    expect(hex.out.toString().split('\n').filter((l) => l.startsWith('# invalid ')).length).toBe(4);
    const pcap = await gen(['--format', 'pcap', '--count', '20', '--seed', '2', '--invalid']);
    expect(pcap.err.trim().split('\n').map((l) => l.split(' ')[1])).toEqual(['#4', '#9', '#14', '#19']);
  });

  test('bad options are refused', async () => {
    expect((await gen(['--format', 'log', '--invalid'])).code).toBe(1);
    expect((await gen(['--format', 'pcap', '--byte-order', 'any'])).code).toBe(1);
    expect((await gen(['--format', 'pcap', '--types', 'namespace'])).code).toBe(1);
    expect((await gen(['--format', 'nope'])).code).toBe(1);
    expect((await gen(['--count', '3'])).code).toBe(2);
  });
});

function tsharkVersion(): string | undefined {
  try {
    return execFileSync('tshark', ['--version'], { stdio: 'pipe' }).toString().split('\n')[0];
  } catch {
    return undefined;
  }
}

describe('tshark reads the pcap', () => {
  const version = tsharkVersion();
  if (version === undefined) {
    test('tshark is available', () => {
      if (process.env['CI'] === 'true') expect.fail('CI=true and tshark is not installed (apt-get install tshark)');
      console.warn('tshark is not installed: the pcap was NOT checked with Wireshark (apt-get install tshark)');
    });
    return;
  }
  test.each([
    ['pcap', 'le'],
    ['pcapng', 'le'],
    ['pcap', 'be'],
  ] as const)(`%s %s: no malformed packet (${version})`, async (format, order) => {
    // Multicast framing: Wireshark reads the unicast length quirk (nlmsg_len without the header) as malformed.
    const r = await gen(['--format', format, '--count', '300', '--seed', '77', '--record-framing', 'multicast', '--byte-order', order]);
    const file = join(mkdtempSync(join(tmpdir(), 'gen-tshark-')), `out.${format}`);
    writeFileSync(file, r.out);
    const all = execFileSync('tshark', ['-r', file], { stdio: 'pipe' }).toString().trim().split('\n');
    expect(all.length).toBe(300);
    const malformed = execFileSync('tshark', ['-r', file, '-Y', '_ws.malformed || _ws.expert.severity == "error"'], { stdio: 'pipe' }).toString().trim();
    expect(malformed).toBe('');
  });
});
