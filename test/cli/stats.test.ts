import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { captureArbitrary } from '../../src/arbitraries/index.js';
import { decodeDatagram } from '../../src/audit/datagram.js';
import { isAuditError } from '../../src/bytes/errors.js';
import { detectFormat, readCaptureItems, recordOfItem, writePcap, writePcapng } from '../../src/capture/index.js';
import type { CapturedDatagram } from '../../src/capture/index.js';
import { EventAssembler } from '../../src/events/assembler.js';
import { runCli } from './run.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const files = (dir: string, ext: RegExp): string[] =>
  readdirSync(FIXTURES + dir)
    .filter((f) => ext.test(f))
    .map((f) => dir + f);
const LOGS = [...files('auparse/', /\.log$/), ...files('auparse/go-libaudit/', /\.log$/), ...files('vectors/go-libaudit/reassembly/', /\.log$/)];
const CAPTURES = [...files('vectors/', /\.(pcap|pcapng)$/), ...files('captures/', /\.(pcap|pcapng|raw|txt)$/)];

/**
 * The counts written out from the general reader, item by item: what `stats` printed before it
 * had a fast path for logs, kept here as the reference that path must agree with.
 */
function reference(bytes: Uint8Array): Record<string, unknown> {
  const format = detectFormat(bytes);
  const s = { format, bytes: bytes.length, datagrams: 0, messages: 0, types: {} as Record<string, number>, records: 0, fields: 0, events: 0, serialGaps: 0, missingSerials: 0, kernelLost: undefined as number | undefined, errors: {} as Record<string, number>, notices: {} as Record<string, number> };
  const bump = (m: Record<string, number>, k: string): void => {
    m[k] = (m[k] ?? 0) + 1;
  };
  const a = new EventAssembler();
  const count = (outs: ReturnType<EventAssembler['push']>): void => {
    for (const o of outs) {
      if (o.kind === 'event') s.events++;
      else {
        s.serialGaps++;
        s.missingSerials += o.gap.missing;
      }
    }
  };
  for (const item of readCaptureItems(bytes, { format })) {
    if (item.kind === 'error') bump(s.errors, item.error.code);
    else if (item.kind === 'notice') bump(s.notices, item.notice.code);
    else {
      if (item.kind === 'datagram') {
        s.datagrams++;
        try {
          for (const m of decodeDatagram(item.datagram.bytes, { littleEndian: item.datagram.littleEndian ?? true, base: item.datagram.offset }).messages) {
            s.messages++;
            bump(s.types, m.name);
            if (m.kind === 'status' && m.direction === 'from-kernel') s.kernelLost = m.body.lost;
          }
        } catch (e) {
          if (!isAuditError(e)) throw e;
          bump(s.errors, e.code);
        }
      } else {
        s.messages++;
        bump(s.types, item.line.typeName);
      }
      try {
        const r = recordOfItem(item);
        if (r !== undefined) {
          s.records++;
          s.fields += r.fields.length;
          count(a.push(r));
        }
      } catch (e) {
        if (!isAuditError(e)) throw e;
        bump(s.errors, e.code);
      }
    }
  }
  count(a.flush());
  return JSON.parse(JSON.stringify(s)) as Record<string, unknown>;
}

async function stats(argv: string[], stdin?: readonly Uint8Array[]): Promise<Record<string, unknown>> {
  const r = await runCli(['stats', '--format', 'json', ...argv], stdin);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('audit-netlink stats agrees with the general reader', () => {
  it.each(LOGS)('%s (audit.log: LogViewReader path), from the file and from stdin in small chunks', async (name) => {
    const bytes = new Uint8Array(readFileSync(FIXTURES + name));
    const expected = reference(bytes);
    expect(expected.records).toBeGreaterThan(0);
    expect(await stats([FIXTURES + name])).toEqual(expected);
    const chunks: Uint8Array[] = [];
    for (let at = 0, k = 0; at < bytes.length; k++) {
      const n = [1, 13, 500, 4096][k % 4]!;
      chunks.push(bytes.subarray(at, at + n));
      at += n;
    }
    expect(await stats(['-'], chunks)).toEqual(expected);
  });

  it.each(CAPTURES)('%s', async (name) => {
    const bytes = new Uint8Array(readFileSync(FIXTURES + name));
    expect(await stats([FIXTURES + name])).toEqual(reference(bytes));
  });

  it('a damaged log: bad lines are counted as errors, with their type when they have one', async () => {
    const text = 'type=CWD msg=audit(1.000:1): cwd="/"\ngarbage\ntype=CWD msg=audit(1.0:2): cwd="/"\ntype=NOPE msg=audit(1.000:3): a=1\n\ntype=PATH msg=audit(1.000:1): item=0 name="/"';
    const bytes = new TextEncoder().encode(text);
    const s = await stats(['-'], [bytes]);
    expect(s).toEqual(reference(bytes));
    expect(s).toMatchObject({ records: 2, messages: 4, errors: { AUDIT_ERR_BAD_RECORD: 3 }, types: { CWD: 2, NOPE: 1, PATH: 1 }, events: 1 });
  });

  it('a type name that is an Object.prototype key is counted like any other', async () => {
    const bytes = new TextEncoder().encode('type=__proto__ msg=audit(1.000:1): a=1\ntype=constructor msg=audit(1.000:2): a=1\n');
    const s = await stats(['-'], [bytes]);
    expect(Object.entries(s.types as object)).toEqual([
      ['__proto__', 1],
      ['constructor', 1],
    ]);
  });
});

describe('audit-netlink stats on generated captures', () => {
  const generated = fc
    .record({ littleEndian: fc.boolean(), pcapng: fc.boolean(), linkType: fc.constantFrom(253, 113, 276), cut: fc.boolean() })
    .chain((o) => fc.record({ o: fc.constant(o), datagrams: captureArbitrary({ byteOrder: o.littleEndian ? 'le' : 'be', maxExchanges: 3 }) }))
    .map(({ o, datagrams }) => {
      const ds: CapturedDatagram[] = datagrams.map((g, index) => ({ bytes: g.bytes, index, offset: 0, timestampNs: BigInt(index) * 1_000_000n }));
      const opts = { linkType: o.linkType, littleEndian: o.littleEndian };
      const bytes = o.pcapng ? writePcapng(ds, opts) : writePcap(ds, opts);
      return o.cut ? bytes.subarray(0, Math.max(0, bytes.length - 5)) : bytes;
    });
  test.prop([generated], { numRuns: 200 })('pcap and pcapng (borrowed views): the same counts as the general reader', async (bytes) => {
    expect(await stats(['-'], [bytes])).toEqual(reference(bytes));
  });
});
