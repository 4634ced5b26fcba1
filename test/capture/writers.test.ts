import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { hexLine, logLineOf, readCapture, writePcap, writePcapng, writeRaw } from '../../src/capture/index.js';
import type { CapturedDatagram } from '../../src/capture/index.js';
import { capture, hex, vector } from './helpers.js';

const datagrams = (b: Uint8Array, opts = {}): CapturedDatagram[] => [...readCapture(b, opts).datagrams];

describe('pcap writer', () => {
  test.each([
    ['status.netlink.pcap', 253, true, 262144],
    ['status.sll.pcap', 113, true, 262144],
    ['status.sll2.pcap', 276, true, 262144],
    ['list-rules.netlink.pcap', 253, true, 262144],
    ['events.unicast.netlink.pcap', 253, true, 262144],
    ['events.multicast.be.netlink.pcap', 253, false, 65535],
  ] as const)('%s re-written in its own link type is byte-identical', (name, linkType, littleEndian, snapLen) => {
    const original = vector(name);
    const again = writePcap(datagrams(original), { linkType, littleEndian, snapLen });
    const firstDiff = again.findIndex((b, i) => b !== original[i]);
    expect({ length: again.length, firstDiff }).toEqual({ length: original.length, firstDiff: -1 });
  });

  test('pcapng re-written keeps packet bytes and timestamps', () => {
    const original = datagrams(vector('status.netlink.pcapng'));
    for (const nanosecond of [false, true]) {
      const again = datagrams(writePcapng(original, { nanosecond }));
      expect(again.map((d) => [hex(d.bytes), hex(d.linkHeader!), d.timestampNs])).toEqual(original.map((d) => [hex(d.bytes), hex(d.linkHeader!), d.timestampNs]));
    }
  });

  test('nanosecond pcap keeps sub-microsecond time; a new link type gets a fresh pseudo-header', () => {
    const d: CapturedDatagram = { bytes: Uint8Array.from(Buffer.from('10000000e80305000100000000000000', 'hex')), index: 0, offset: 0, timestampNs: 1_700_000_000_123_456_789n };
    const back = datagrams(writePcap([d], { nanosecond: true, linkType: 276 }))[0]!;
    expect(back.timestampNs).toBe(1_700_000_000_123_456_789n);
    expect(hex(back.linkHeader!)).toBe('0009000000000000033804000000000000000000');
    const micro = datagrams(writePcap([d]))[0]!;
    expect(micro.timestampNs).toBe(1_700_000_000_123_456_000n);
    expect(hex(micro.linkHeader!)).toBe('00040338000000000000000000000009');
  });
});

describe('text and raw writers', () => {
  test('hex transcript round trip keeps directions', () => {
    const original = datagrams(vector('auditctl-status.txt'));
    const text = original.map((d) => hexLine(d)).join('');
    const again = datagrams(new TextEncoder().encode(text));
    expect(again.map((d) => [hex(d.bytes), d.direction])).toEqual(original.map((d) => [hex(d.bytes), d.direction]));
  });

  test('raw round trip', () => {
    const original = datagrams(vector('events.multicast.be.netlink.pcap'));
    const again = datagrams(writeRaw(original, false));
    expect(again.map((d) => [hex(d.bytes), d.littleEndian])).toEqual(original.map((d) => [hex(d.bytes), false]));
  });

  test('audit.log lines: unicast and multicast records give the same log, EOE is not written', () => {
    const uni = datagrams(vector('events.unicast.txt')).map((d) => logLineOf(d));
    const multi = datagrams(vector('events.multicast.txt')).map((d) => logLineOf(d));
    expect(uni).toEqual(multi);
    expect(uni.filter((l) => l === undefined).length).toBeGreaterThan(0);
    expect(uni[0]).toMatch(/^type=CONFIG_CHANGE msg=audit\(1795547277\.778:2\): auid=4294967295 /);
    // The log reader reads the writer's lines back into the same datagrams (multicast lengths).
    const lines = multi.filter((l): l is string => l !== undefined).join('');
    const back = datagrams(new TextEncoder().encode(lines));
    const kept = datagrams(vector('events.multicast.txt')).filter((d) => logLineOf(d) !== undefined);
    expect(back.map((d) => hex(d.bytes))).toEqual(kept.map((d) => hex(d.bytes)));
  });
});

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * These tests always run: `npm test` installs the reference tools first (the `pretest` script).
 * A missing tool is a failure that says what to do, never a skip.
 */
function requireTool(name: string, pkg: string): void {
  if (!hasTool(name)) {
    throw new Error(`${name} is not installed (Debian package ${pkg}); run \`bash scripts/install-reference-tools.sh\` as root, or \`npm test\`, which runs it first`);
  }
}

test('a missing reference tool fails with its name and the install script, not a skip', () => {
  expect(() => requireTool('no-such-tool-audit-netlink', 'nothing')).toThrow(/no-such-tool-audit-netlink is not installed.*bash scripts\/install-reference-tools\.sh/);
});

describe('tshark reads what the writers write', () => {
  test.each([
    ['pcap', 253, false],
    ['pcap', 113, true],
    ['pcap', 276, false],
    ['pcapng', 253, true],
    ['pcapng', 276, false],
  ] as const)('%s link type %i (ns %s): every packet, none malformed', (format, linkType, nanosecond) => {
    requireTool('tshark', 'tshark');
    const dir = mkdtempSync(join(tmpdir(), 'audit-netlink-'));
    const ds = [...datagrams(vector('events.multicast.netlink.pcap')), ...datagrams(vector('status.netlink.pcap'))];
    const file = join(dir, `out.${format}`);
    writeFileSync(file, (format === 'pcap' ? writePcap : writePcapng)(ds, { linkType, nanosecond }));
    const all = execFileSync('tshark', ['-r', file, '-T', 'fields', '-e', 'frame.number', '-e', 'netlink.family'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const rows = all.trim().split('\n');
    expect(rows).toHaveLength(ds.length);
    const malformed = execFileSync('tshark', ['-r', file, '-Y', '_ws.malformed'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(malformed.trim()).toBe('');
  });
});

describe('tshark reads a pcapng of several link types', () => {
  test('one interface per link type, every packet, none malformed', () => {
    requireTool('tshark', 'tshark');
    const ds = datagrams(capture('status.three-links.pcapng'));
    const file = join(mkdtempSync(join(tmpdir(), 'audit-netlink-')), 'three.pcapng');
    writeFileSync(file, writePcapng(ds, { nanosecond: true }));
    const rows = execFileSync('tshark', ['-r', file, '-T', 'fields', '-e', 'frame.interface_id', '-e', 'netlink.family'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(rows.trim().split('\n')).toHaveLength(ds.length);
    expect(new Set(rows.trim().split('\n').map((r) => r.split('\t')[0]))).toEqual(new Set(['0', '1', '2']));
    const malformed = execFileSync('tshark', ['-r', file, '-Y', '_ws.malformed'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(malformed.trim()).toBe('');
  });
});

describe('ausearch and aureport read the audit.log the writer makes', () => {
  test('every record line, keys and events as ausearch/aureport count them', () => {
    requireTool('ausearch', 'auditd');
    requireTool('aureport', 'auditd');
    const lines = datagrams(vector('events.multicast.txt'))
      .map((d) => logLineOf(d))
      .filter((l): l is string => l !== undefined);
    const dir = mkdtempSync(join(tmpdir(), 'audit-netlink-'));
    const file = join(dir, 'audit.log');
    writeFileSync(file, lines.join(''));
    const raw = execFileSync('ausearch', ['-if', file, '--raw'], { encoding: 'utf8' });
    expect(raw.trim().split('\n').sort()).toEqual(lines.map((l) => l.trim()).sort());
    const keyed = execFileSync('ausearch', ['-if', file, '-k', 'oracle-ns', '--raw'], { encoding: 'utf8' });
    expect(keyed.trim().split('\n')).toHaveLength(3);
    const summary = execFileSync('aureport', ['-if', file, '--summary'], { encoding: 'utf8' });
    expect(summary).toMatch(/Number of changes in configuration: 2/);
  });
});
