import { describe, expect, test } from 'vitest';
import { AuditErrorCode } from '../../src/bytes/errors.js';
import { thrown } from '../helpers/thrown.js';
import { DEFAULT_MAX_FIELDS, DEFAULT_MAX_RECORD_BYTES, parseLogLine, parseRecordPayload } from '../../src/records/index.js';


const line = (n: number): string => `type=SYSCALL msg=audit(1.000:2):${' a=1'.repeat(n)}`;

describe('record limits', () => {
  test('defaults', () => {
    expect(DEFAULT_MAX_RECORD_BYTES).toBe(16 * 1024 * 1024);
    expect(DEFAULT_MAX_FIELDS).toBe(262144);
  });

  test('maxFields: at the limit parses, one past is AUDIT_ERR_LIMIT naming the first field past it', () => {
    expect(parseLogLine(line(10), { maxFields: 10 }).fields).toHaveLength(10);
    const e = thrown(() => parseLogLine(line(11), { maxFields: 10 }));
    expect([e.code, e.path, e.expected, e.actual]).toEqual([AuditErrorCode.LIMIT, 'record.fields[10]', 10, 11]);
  });

  test('maxRecordBytes: a body at the limit parses, one character more is AUDIT_ERR_LIMIT at the body', () => {
    const payload = 'audit(1.000:2): cwd="/root"'; // the body is ` cwd="/root"`, from the space after "):"
    const start = payload.indexOf('):') + 2;
    const body = payload.length - start;
    expect(parseRecordPayload(payload, 1307, { maxRecordBytes: body }).fields[0]!.value).toBe('/root');
    const e = thrown(() => parseRecordPayload(`${payload}x`, 1307, { maxRecordBytes: body }));
    expect([e.code, e.offset]).toEqual([AuditErrorCode.LIMIT, start]);
  });

  test('the default field limit holds', () => {
    expect(parseLogLine(line(DEFAULT_MAX_FIELDS)).fields).toHaveLength(DEFAULT_MAX_FIELDS);
    expect(thrown(() => parseLogLine(line(DEFAULT_MAX_FIELDS + 1))).code).toBe(AuditErrorCode.LIMIT);
  });
});
