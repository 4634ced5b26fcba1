import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isAuditError } from '../../src/bytes/errors.js';
import { LogViewReader, readCaptureItems, recordOfItem } from '../../src/capture/index.js';
import type { LogViewReaderOptions } from '../../src/capture/index.js';
import { decodeUtf8 } from '../../src/node/text.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const LOGS = ['auparse/', 'auparse/go-libaudit/', 'vectors/go-libaudit/reassembly/', 'vectors/'].flatMap((dir) =>
  readdirSync(FIXTURES + dir)
    .filter((f) => f.endsWith('.log'))
    .map((f) => dir + f),
);

type Outcome = { record: unknown } | { error: string; offset: number };

/** What the general reader gives: `CaptureStreamReader` in the `log` format, then `recordOfItem`. */
function viaItems(bytes: Uint8Array, maxLineBytes?: number): Outcome[] {
  const out: Outcome[] = [];
  for (const item of readCaptureItems(bytes, maxLineBytes === undefined ? { format: 'log' } : { format: 'log', maxPacketBytes: maxLineBytes })) {
    if (item.kind === 'error') out.push({ error: item.error.code, offset: item.error.offset });
    else if (item.kind === 'line') {
      try {
        out.push({ record: recordOfItem(item) });
      } catch (e) {
        if (!isAuditError(e)) throw e;
        out.push({ error: e.code, offset: e.offset });
      }
    }
  }
  return out;
}

/** The same input through `LogViewReader`, fed in chunks of the given sizes (cycled). */
function viaViews(bytes: Uint8Array, sizes: readonly number[], opts: LogViewReaderOptions = {}): Outcome[] {
  const out: Outcome[] = [];
  const r = new LogViewReader(opts);
  const drain = (): void => {
    for (let v = r.next(); v !== undefined; v = r.next()) {
      if ('kind' in v) out.push({ error: v.error.code, offset: v.error.offset });
      else out.push({ record: v.toRecord() });
    }
  };
  let at = 0;
  for (let k = 0; at < bytes.length; k++) {
    const n = Math.max(1, sizes[k % sizes.length]!);
    r.append(bytes.subarray(at, at + n));
    at += n;
    drain();
  }
  r.end();
  drain();
  return out;
}

describe('LogViewReader', () => {
  it.each(LOGS)('reads %s record for record as the log framer and recordOfItem do', (name) => {
    const bytes = new Uint8Array(readFileSync(FIXTURES + name));
    const expected = viaItems(bytes);
    expect(expected.length).toBeGreaterThan(0);
    expect(viaViews(bytes, [bytes.length])).toEqual(expected);
    expect(viaViews(bytes, [1, 7, 300, 4096])).toEqual(expected);
  });

  it('gives byte offsets after multi-byte characters, drops \\r and passes over blank lines', () => {
    const text = 'type=CWD msg=audit(1.000:1): cwd="/é"\r\n  \n\ntype=BOGUS msg=audit(1.000:2): a=1\ntype=CWD msg=audit(1.000:3): cwd="/"';
    const bytes = new TextEncoder().encode(text);
    const out = viaViews(bytes, [bytes.length]);
    expect(out).toEqual(viaItems(bytes));
    expect(out[1]).toEqual({ error: 'AUDIT_ERR_BAD_RECORD', offset: bytes.indexOf(0x42 /* B */) });
    expect(out).toHaveLength(3);
  });

  it('reports a line over maxLineBytes once, at its offset, and reads the next line', () => {
    const good = 'type=CWD msg=audit(1.000:3): cwd="/"\n';
    const long = `type=CWD msg=audit(1.000:2): cwd="${'x'.repeat(200)}"\n`;
    const bytes = new TextEncoder().encode(good + long + good);
    for (const sizes of [[bytes.length], [1], [5, 64]]) {
      const out = viaViews(bytes, sizes, { maxLineBytes: 100 });
      expect(out).toEqual(viaItems(bytes, 100));
      expect(out[1]).toEqual({ error: 'AUDIT_ERR_LIMIT', offset: good.length });
      expect(out).toHaveLength(3);
    }
  });

  it('a long blank line and a CRLF line at the limit count as the line framer counts them', () => {
    const text = `${' '.repeat(120)}\ntype=CWD msg=audit(1.000:1): cwd="/"\r\ntype=CWD msg=audit(1.000:2): cwd="/x"\r\n`;
    const bytes = new TextEncoder().encode(text);
    for (const max of [36, 37, 38, 100]) {
      for (const sizes of [[bytes.length], [1], [7, 40]]) expect(viaViews(bytes, sizes, { maxLineBytes: max })).toEqual(viaItems(bytes, max));
    }
  });

  const sampleLines = readFileSync(FIXTURES + 'auparse/records.log', 'latin1').split('\n').filter((l) => l !== '');
  const line = fc.oneof(
    fc.constantFrom(...sampleLines),
    fc.constantFrom('', '   ', 'garbage', 'type=CWD msg=audit(1.0:1): x=1', 'type=CWD msg=audit(1.000:1): cwd="/ü"', 'node=h type=CWD msg=audit(1.000:9): cwd="/"'),
    fc.string({ maxLength: 40 }),
  );
  test.prop([fc.array(line, { maxLength: 12 }), fc.boolean(), fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 5 })], { numRuns: 300 })(
    'any log, any chunking: the same records and errors as the general reader',
    (lines, crlf, sizes) => {
      const bytes = new TextEncoder().encode(lines.join(crlf ? '\r\n' : '\n'));
      const expected = viaItems(bytes);
      expect(viaViews(bytes, sizes)).toEqual(expected);
      expect(viaViews(bytes, sizes, { decodeText: decodeUtf8 })).toEqual(expected);
    },
  );
});
