import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { AuditErrorCode } from '../../src/bytes/errors.js';
import { readCaptureItems } from '../../src/capture/index.js';

const dump = readFileSync('test/fixtures/captures/strace-status.dump.txt');

describe('strace dump limit (maxPacketBytes)', () => {
  test('the largest call of strace-status.dump.txt at the limit is read; one byte less is AUDIT_ERR_LIMIT for that call only', () => {
    const items = [...readCaptureItems(dump, { format: 'strace' })];
    const sizes = items.flatMap((i) => (i.kind === 'datagram' ? [i.datagram.bytes.length] : []));
    const largest = Math.max(...sizes);
    // The limit is checked per dump line of 16 bytes: a call whose dump reaches the limit before its last line is refused.
    const atLimit = [...readCaptureItems(dump, { format: 'strace', maxPacketBytes: Math.ceil(largest / 16) * 16 })];
    expect(atLimit.filter((i) => i.kind === 'datagram')).toHaveLength(sizes.length);
    const past = [...readCaptureItems(dump, { format: 'strace', maxPacketBytes: Math.ceil(largest / 16) * 16 - 16 })];
    const errors = past.flatMap((i) => (i.kind === 'error' ? [i.error] : []));
    expect(errors.some((e) => e.code === AuditErrorCode.LIMIT)).toBe(true);
    // Every call that fits is still read.
    const fits = sizes.filter((n) => n <= Math.ceil(largest / 16) * 16 - 16).length;
    expect(past.filter((i) => i.kind === 'datagram')).toHaveLength(fits);
  });
});
