// The worked example of docs/arbitraries.md, run as a test. In your project, import from
// 'audit-netlink/arbitraries' and 'audit-netlink'; here the paths point at the sources.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { datagramArbitrary, invalidDatagramArbitrary, type GeneratedDatagram } from '../../src/arbitraries/index.js';

// ---- the code under test: your own minimal parser (a SIEM's netlink reader, say) ----------------

interface MyMessage {
  type: number;
  seq: number;
  /** The record text, for kernel records (`audit(1700000000.123:42): ...`). */
  text?: string;
}

/** Split a datagram into messages; understands the unicast length quirk of kernel records. */
function myParse(bytes: Uint8Array, littleEndian: boolean): MyMessage[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 16) throw new Error('short datagram');
  const out: MyMessage[] = [];
  let at = 0;
  while (at + 16 <= bytes.length) {
    let len = view.getUint32(at, littleEndian);
    const type = view.getUint16(at + 4, littleEndian);
    const seq = view.getUint32(at + 8, littleEndian);
    const isRecord = type >= 1100 && type !== 1329; // AUDIT_REPLACE is a control message
    if (at === 0 && isRecord && len === bytes.length - 16) len += 16; // unicast quirk
    if (len < 16 || at + len > bytes.length) throw new Error(`bad nlmsg_len ${len}`);
    const payload = bytes.subarray(at + 16, at + len);
    out.push(isRecord ? { type, seq, text: new TextDecoder().decode(payload).replace(/\0+$/, '') } : { type, seq });
    at += (len + 3) & ~3;
  }
  if (at < bytes.length) throw new Error('trailing bytes');
  return out;
}

// ---- the property tests ------------------------------------------------------------------------

describe('my parser', () => {
  test.prop([datagramArbitrary({ byteOrder: 'any' })], { numRuns: 300 })('reads every frame the kernel or libaudit could send', (d: GeneratedDatagram) => {
    const messages = myParse(d.bytes, d.littleEndian);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      // Records from the kernel always start with the audit(...) stamp.
      if (m.text !== undefined && d.direction === 'from-kernel') expect(m.text).toMatch(/^audit\(\d+\.\d{3}:\d+\): /);
    }
  });

  test.prop([datagramArbitrary({ types: ['event'], recordFraming: 'unicast' })])('handles the unicast length quirk', (d) => {
    expect(myParse(d.bytes, d.littleEndian)).toHaveLength(1);
  });

  test.prop([invalidDatagramArbitrary({ kinds: ['short-datagram', 'len-below-header', 'len-beyond-datagram', 'trailing-bytes'] })])(
    'refuses broken framing',
    (bad) => {
      expect(() => myParse(bad.bytes, bad.littleEndian)).toThrow();
    },
  );

  test('a reproducible corpus for a regression test', () => {
    const corpus = fc.sample(datagramArbitrary({ byteOrder: 'le' }), { numRuns: 50, seed: 42 });
    const again = fc.sample(datagramArbitrary({ byteOrder: 'le' }), { numRuns: 50, seed: 42 });
    expect(again.map((d) => d.bytes)).toEqual(corpus.map((d) => d.bytes));
  });
});
