import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { AuditError } from '../../src/bytes/errors.js';
import {
  buildRecord, formatLogLine, formatRecordPayload, isUntrustedField, parseLogLine, parseRecordPayload, recordFromJson, recordToJson,
} from '../../src/records/index.js';
import { arbLogLine, arbRecordInput } from './arbitraries.js';

const RUNS = { numRuns: 300 };

/** No lone surrogate (those cannot survive UTF-8). */
function isWellFormed(s: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

describe('parse ∘ format is the identity', () => {
  test.prop([arbRecordInput], RUNS)('on built records (log line, payload and JSON)', (input) => {
    let r;
    try {
      r = buildRecord(input);
    } catch (e) {
      // Only names/values the text cannot carry are refused, always as ENCODE errors.
      expect(e).toBeInstanceOf(AuditError);
      expect((e as AuditError).code).toBe('AUDIT_ERR_ENCODE');
      return;
    }
    expect(parseLogLine(formatLogLine(r))).toEqual(r);
    const { node: _node, enriched: _enriched, enrichedTail: _tail, ...payloadPart } = r;
    expect(parseRecordPayload(formatRecordPayload(r), r.type)).toEqual(payloadPart);
    expect(recordFromJson(JSON.parse(JSON.stringify(recordToJson(r))))).toEqual(r);
  });

  test.prop([arbRecordInput], RUNS)('built values decode to what was given', (input) => {
    let r;
    try {
      r = buildRecord(input);
    } catch {
      return;
    }
    expect(r.fields.map((f) => f.name)).toEqual(input.fields.map((f) => f.name));
    input.fields.forEach((f, i) => {
      const got = r.fields[i]!;
      expect(got.inMsg).toBe(f.inMsg === true);
      if (typeof f.value === 'string' && isUntrustedField(input.type, f.name) && isWellFormed(f.value)) {
        const nul = f.value.indexOf('\0');
        expect(got.value).toBe(f.value);
        expect(got.form).toBe(nul >= 0 || /[\x00-\x20"\x7f-\uffff]/.test(f.value) ? 'hex' : 'quoted');
      }
      if (f.value === null) expect(got.form).toBe('null');
      if (typeof f.value === 'number' || typeof f.value === 'bigint') expect(got.raw).toBe(String(f.value));
    });
  });
});

describe('format ∘ parse is the identity', () => {
  test.prop([arbLogLine], RUNS)('on kernel-shaped log lines', (line) => {
    expect(formatLogLine(parseLogLine(line))).toBe(line);
  });

  test.prop([arbLogLine], RUNS)('the payload part alone', (line) => {
    const r = parseLogLine(line);
    const payload = formatRecordPayload(r);
    expect(line.includes(`msg=${payload}`)).toBe(true);
    expect(formatRecordPayload(parseRecordPayload(payload, r.type))).toBe(payload);
  });
});

describe('bad input', () => {
  test.prop([fc.string({ unit: 'binary', maxLength: 80 })], RUNS)('random text: a record or an AuditError, nothing else', (s) => {
    for (const text of [s, `type=SYSCALL msg=audit(1.000:1):${s}`, `type=SYSCALL msg=${s}`]) {
      try {
        const r = parseLogLine(text);
        expect(formatLogLine(r)).toBe(text.endsWith('\n') ? text.slice(0, -1) : text);
      } catch (e) {
        expect(e).toBeInstanceOf(AuditError);
      }
    }
  });

  test.prop([fc.uint8Array({ maxLength: 80 })], RUNS)('random payload bytes: a record or an AuditError', (bytes) => {
    try {
      parseRecordPayload(bytes, 1300);
    } catch (e) {
      expect(e).toBeInstanceOf(AuditError);
    }
  });
});
