import { fc, test } from '@fast-check/vitest';
import { readdirSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { AuditError } from '../../src/bytes/errors.js';
import { CaptureStreamReader, readCaptureItems } from '../../src/capture/index.js';
import type { CaptureItem } from '../../src/capture/index.js';
import { CAPTURES, VECTORS, capture, corrupt, summarize, vector } from './helpers.js';

const FIXTURES: [string, Uint8Array][] = [
  ...readdirSync(VECTORS)
    .filter((f) => /\.(pcap|pcapng|txt|log)$/.test(f))
    .map((f): [string, Uint8Array] => [f, vector(f)]),
  ...readdirSync(VECTORS + 'go-libaudit/reassembly').map((f): [string, Uint8Array] => [f, vector(`go-libaudit/reassembly/${f}`)]),
  ...readdirSync(CAPTURES)
    .filter((f) => /\.(txt|pcap|pcapng|raw|log)$/.test(f))
    .map((f): [string, Uint8Array] => [f, capture(f)]),
  ['status.netlink.pcap cut', vector('status.netlink.pcap').subarray(0, 300)],
  ['status.netlink.pcap incl_len corrupt', corrupt(vector('status.netlink.pcap'), 24 + 16 + 32 + 11, 0x7f)],
  ['status.netlink.pcapng cut', vector('status.netlink.pcapng').subarray(0, 400)],
  ['status.netlink.pcapng length corrupt', corrupt(vector('status.netlink.pcapng'), 0x84 + 4, 0x41)],
];

function streamed(bytes: Uint8Array, sizes: readonly number[]): unknown[] {
  const r = new CaptureStreamReader();
  const out: unknown[] = [];
  let at = 0;
  let i = 0;
  while (at < bytes.length) {
    const n = Math.max(1, sizes.length === 0 ? 1 : sizes[i++ % sizes.length]!);
    r.append(bytes.subarray(at, at + n));
    at += n;
    for (let item = r.next(); item !== undefined; item = r.next()) out.push(summarize(item));
  }
  r.end();
  for (let item = r.next(); item !== undefined; item = r.next()) out.push(summarize(item));
  expect(r.done).toBe(true);
  return out;
}

function whole(bytes: Uint8Array): unknown[] {
  return [...readCaptureItems(bytes)].map((i: CaptureItem) => summarize(i));
}

describe('stream reader = whole-buffer reader', () => {
  test.each(FIXTURES.map(([n]) => n))('%s one byte at a time', (name) => {
    const bytes = FIXTURES.find(([n]) => n === name)![1];
    const expected = whole(bytes);
    expect(expected.length).toBeGreaterThan(0);
    expect(streamed(bytes, [1])).toEqual(expected);
  });

  test.prop([fc.nat(FIXTURES.length - 1), fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 20 })], { numRuns: 300 })(
    'random chunk sizes',
    (which, sizes) => {
      const bytes = FIXTURES[which]![1];
      expect(streamed(bytes, sizes)).toEqual(whole(bytes));
    },
  );

  test('corrupt inputs report errors and still yield the later datagrams', () => {
    const items = whole(FIXTURES.find(([n]) => n === 'status.netlink.pcapng length corrupt')![1]) as { kind: string }[];
    expect(items.filter((i) => i.kind === 'error')).toHaveLength(1);
    expect(items.filter((i) => i.kind === 'datagram').length).toBeGreaterThanOrEqual(4);
  });

  test.prop([fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.string({ maxLength: 200 }).map((t) => new TextEncoder().encode(t)))], { numRuns: 300 })(
    'without a format: detection either picks one or throws AUDIT_ERR_UNKNOWN_FORMAT',
    (bytes) => {
      const r = new CaptureStreamReader();
      r.append(bytes);
      r.end();
      try {
        for (let item = r.next(); item !== undefined; item = r.next()) if (item.kind === 'error') expect(item.error).toBeInstanceOf(AuditError);
      } catch (e) {
        expect(e).toMatchObject({ code: 'AUDIT_ERR_UNKNOWN_FORMAT' });
      }
    },
  );

  test.prop([fc.uint8Array({ maxLength: 300 }), fc.constantFrom('pcap', 'pcapng', 'raw', 'hex', 'strace', 'log' as const)], { numRuns: 300 })(
    'random bytes never escape as anything but AuditError items, and the reader finishes',
    (bytes, format) => {
      const r = new CaptureStreamReader({ format });
      r.append(bytes);
      r.end();
      let n = 0;
      for (let item = r.next(); item !== undefined; item = r.next()) {
        if (item.kind === 'error') expect(item.error).toBeInstanceOf(AuditError);
        n++;
        expect(n).toBeLessThan(10_000);
      }
      expect(r.done).toBe(true);
    },
  );
});
