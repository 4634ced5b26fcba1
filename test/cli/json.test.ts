import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { decodeDatagram, encodeDatagram } from '../../src/audit/index.js';
import { datagramToJson, parseJsonLine } from '../../src/cli/json/index.js';
import * as arb from '../audit/arbitraries.js';

const TYPES = [1, 2, 3, 4, 1000, 1001, 1005, 1010, 1011, 1013, 1014, 1015, 1016, 1017, 1018, 1019, 1300, 1329, 999, 1340] as const;

/** Bytes that start like netlink messages: a random header (length near the real one) and payload. */
const datagram = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom(...TYPES), fc.integer({ min: 0, max: 0x3ff }), fc.integer({ min: -3, max: 3 }), arb.bytes(60)), { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([parts, le]) => {
    const chunks = parts.map(([type, flags, skew, payload]) => {
      const b = new Uint8Array(16 + payload.length + ((4 - (payload.length % 4)) % 4));
      const v = new DataView(b.buffer);
      v.setUint32(0, Math.max(0, 16 + payload.length + skew), le);
      v.setUint16(4, type, le);
      v.setUint16(6, flags, le);
      b.set(payload, 16);
      return b;
    });
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return { bytes: out, le };
  });

describe('JSON Lines', () => {
  test.prop([datagram, fc.constantFrom('strict', 'unicast', 'auto')], { numRuns: 200 })(
    'lenient decode → JSON text → encode gives every byte back',
    ({ bytes, le }, framing) => {
      const d = decodeDatagram(bytes, { littleEndian: le, framing, validation: 'lenient' });
      const lines = datagramToJson(d, { datagram: 7, littleEndian: le }).map((l) => JSON.stringify(l));
      const parsed = lines.map((l, i) => parseJsonLine(l, i));
      if (parsed[0]!.type === 'raw') {
        expect(parsed).toHaveLength(1);
        expect(parsed[0]!.bytes).toEqual(bytes);
        return;
      }
      const messages = parsed.map((p) => (p.type === 'message' ? p.message : undefined)).filter((m) => m !== undefined);
      const last = parsed[parsed.length - 1]!;
      const trailing = last.type === 'message' ? last.trailing : undefined;
      const out = encodeDatagram({ messages, littleEndian: le, ...(trailing === undefined ? {} : { trailing }) });
      expect(out).toEqual(bytes);
    },
  );
});
