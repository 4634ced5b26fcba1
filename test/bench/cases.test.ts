/**
 * Each bench case runs one pass over small corpora and counts what the peer would count: a smoke
 * test that the bench works with the library as it is now (the library is taken from `src/`
 * here, not from a build). No timing: the bench itself is `npm run bench`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureAuditLog, ensurePcap, ensureRules, ensureStatus } from '../../bench/corpus/files.js';
import type { CASES as CasesTable, Units } from '../../bench/cases.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'audit-netlink-bench-'));
let CASES: typeof CasesTable;

beforeAll(async () => {
  process.env.AUDIT_NETLINK_DIST = SRC;
  ({ CASES } = await import('../../bench/cases.js'));
});

async function onePass(name: string, file: string): Promise<Units> {
  const make = CASES[name];
  if (make === undefined) throw new Error(`no case ${name}`);
  const prepared = await make({ case: name, file });
  return prepared.pass();
}

describe('bench cases (one pass each, small corpora)', () => {
  const size = 256 * 1024;
  const sparse = (): string => ensureAuditLog({ seed: 3, shape: 'sparse', sizeBytes: size }, dir);
  const dense = (): string => ensureAuditLog({ seed: 3, shape: 'dense', sizeBytes: size }, dir);
  const pcap = (): string => ensurePcap({ seed: 3, shape: 'dense', sizeBytes: size }, dir);

  it('the text cases, the bare tokenizer and the library agree on records and fields', async () => {
    for (const log of [sparse(), dense()]) {
      const fields = await onePass('text-fields', log);
      const interp = await onePass('text-interp', log);
      const bare = await onePass('baseline-tokenizer', log);
      expect(fields.records).toBeGreaterThan(500);
      expect(fields.events).toBeGreaterThan(100);
      expect(interp.records).toBe(fields.records);
      expect(bare.records).toBe(fields.records);
      expect(bare.fields).toBe(fields.fields);
    }
  });

  it('the pcap cases read every datagram and record', async () => {
    const file = pcap();
    const records = await onePass('pcap-records', file);
    const walk = await onePass('pcap-walk', file);
    const items = await onePass('pcap-items', file);
    const messages = await onePass('pcap-messages', file);
    expect(records.datagrams).toBeGreaterThan(500);
    expect(walk.datagrams).toBe(records.datagrams);
    expect(items.records).toBe(records.records);
    expect(messages.records).toBe(records.records);
    expect(items.fields).toBe(records.fields);
    expect(messages.fields).toBe(records.fields);
  });

  it('the struct, rule and memory cases', async () => {
    expect((await onePass('status-decode', ensureStatus({ seed: 3, count: 500 }, dir))).ops).toBe(500);
    expect((await onePass('status-encode', ensureStatus({ seed: 3, count: 500 }, dir))).ops).toBe(500);
    expect((await onePass('rules-compile', ensureRules({ seed: 3, count: 50 }, dir))).ops).toBe(50);
    expect((await onePass('rss-stream', pcap())).records).toBeGreaterThan(500);
  });
});
