import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatLogLine, formatRecordPayload, parseLogLine, parseRecordPayload } from '../../src/records/index.js';
import { AUPARSE, logLines, VECTORS } from './vectors.js';

/** The kernel records of a transcript as [type, payload bytes] (16-byte header stripped, little-endian). */
function payloads(name: string): [number, Uint8Array][] {
  const out: [number, Uint8Array][] = [];
  for (const line of readFileSync(`${VECTORS}${name}.txt`, 'latin1').split('\n')) {
    if (line.startsWith('#') || line.includes('(peek)')) continue;
    const hex = line.trim().split(/\s+/).pop() ?? '';
    if (!/^[0-9a-fA-F]{32,}$/.test(hex)) continue;
    const bytes = Uint8Array.from(Buffer.from(hex, 'hex'));
    const type = bytes[4]! | (bytes[5]! << 8);
    if (type <= 1000 || (type >= 1007 && type <= 1019) || (type >= 1200 && type <= 1299) || type === 1329) continue;
    out.push([type, bytes.subarray(16)]);
  }
  return out;
}

describe('netlink payloads (Uint8Array) of the captured events', () => {
  test.each(['events.unicast', 'events.multicast', 'types.unicast'])('%s: same record as the log line, byte-exact payload', (name) => {
    const lines = logLines(`${AUPARSE}${name}.log`);
    const ps = payloads(name);
    expect(ps.length).toBe(lines.length);
    ps.forEach(([type, bytes], i) => {
      const r = parseRecordPayload(bytes, type);
      expect(r).toEqual(parseLogLine(lines[i]!));
      let end = bytes.length;
      while (end > 0 && bytes[end - 1] === 0) end--;
      expect(formatRecordPayload(r)).toBe(Buffer.from(bytes.subarray(0, end)).toString('latin1'));
      expect(formatLogLine(r)).toBe(lines[i]);
    });
  });

  test('an EOE from the kernel ends in "): " and auditd would write it without the space', () => {
    const [type, bytes] = payloads('events.unicast').find(([t]) => t === 1320)!;
    const r = parseRecordPayload(bytes, type);
    expect(formatLogLine(r, { auditd: true }).endsWith('):')).toBe(true);
  });
});
