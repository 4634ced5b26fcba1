import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { INVALID_KIND_NAMES, invalidDatagramArbitrary, type InvalidDatagram } from '../../src/arbitraries/index.js';
import { decodeDatagram } from '../../src/audit/index.js';
import { isAuditError } from '../../src/bytes/errors.js';
import { toHex } from '../../src/bytes/hex.js';

function codeOf(d: InvalidDatagram): string {
  try {
    decodeDatagram(d.bytes, { littleEndian: d.littleEndian, validation: 'strict' });
    return 'decoded without error';
  } catch (e) {
    if (!isAuditError(e)) return `threw a non-AuditError: ${String(e)}`;
    return e.code;
  }
}

describe('invalid datagrams get exactly the documented error code (strict, auto framing)', () => {
  test.each(INVALID_KIND_NAMES)('%s', (kind) => {
    fc.assert(
      fc.property(invalidDatagramArbitrary({ kinds: [kind] }), (d) => {
        expect(codeOf(d), `${d.kind} ${d.littleEndian ? 'le' : 'be'} ${toHex(d.bytes).slice(0, 200)}`).toBe(d.code);
      }),
      { numRuns: 200 },
    );
  });

  test('lenient validation decodes every one of them without throwing, with a warning of the same code', () => {
    fc.assert(
      fc.property(invalidDatagramArbitrary({ kinds: INVALID_KIND_NAMES.filter((k) => k !== 'short-datagram') }), (d) => {
        const out = decodeDatagram(d.bytes, { littleEndian: d.littleEndian, validation: 'lenient' });
        expect(out.warnings.map((w) => w.code)).toContain(d.code);
      }),
      { numRuns: 200 },
    );
  });
});
