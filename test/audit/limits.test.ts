import { describe, expect, test } from 'vitest';
import { AuditErrorCode } from '../../src/bytes/errors.js';
import { thrown } from '../helpers/thrown.js';
import { decodeDatagram, DEFAULT_MAX_DATAGRAM_BYTES, DEFAULT_MAX_MESSAGES } from '../../src/audit/datagram.js';

/** NLMSG_DONE (type 3, flags NLM_F_MULTI): a 16-byte message with no payload (reference §1.6). */
function dones(n: number): Uint8Array {
  const out = new Uint8Array(16 * n);
  for (let i = 0; i < n; i++) out.set([0x10, 0, 0, 0, 3, 0, 2, 0], 16 * i);
  return out;
}


describe('decodeDatagram limits', () => {
  test('defaults are documented values', () => {
    expect(DEFAULT_MAX_DATAGRAM_BYTES).toBe(16 * 1024 * 1024);
    expect(DEFAULT_MAX_MESSAGES).toBe(65536);
  });

  test('maxMessages: at the limit decodes, one past is AUDIT_ERR_LIMIT at the first message past it', () => {
    expect(decodeDatagram(dones(4), { littleEndian: true, maxMessages: 4 }).messages).toHaveLength(4);
    const e = thrown(() => decodeDatagram(dones(5), { littleEndian: true, maxMessages: 4, base: 100 }));
    expect(e.code).toBe(AuditErrorCode.LIMIT);
    expect(e.offset).toBe(100 + 4 * 16);
    expect(e.path).toBe('msg[4]');
  });

  test('maxDatagramBytes: at the limit decodes, one byte past is AUDIT_ERR_LIMIT at the datagram', () => {
    expect(decodeDatagram(dones(2), { littleEndian: true, maxDatagramBytes: 32 }).messages).toHaveLength(2);
    const bytes = new Uint8Array(33);
    bytes.set(dones(2));
    const e = thrown(() => decodeDatagram(bytes, { littleEndian: true, maxDatagramBytes: 32, base: 7 }));
    expect([e.code, e.offset, e.expected, e.actual]).toEqual([AuditErrorCode.LIMIT, 7, 32, 33]);
  });

  test('the default message limit holds for a datagram of 65537 empty messages', () => {
    expect(thrown(() => decodeDatagram(dones(DEFAULT_MAX_MESSAGES + 1), { littleEndian: true })).code).toBe(AuditErrorCode.LIMIT);
    expect(decodeDatagram(dones(DEFAULT_MAX_MESSAGES), { littleEndian: true }).messages).toHaveLength(DEFAULT_MAX_MESSAGES);
  });
});
