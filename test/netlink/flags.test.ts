import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { encodeBits } from '../../src/netlink/bits.js';
import { decodeNlmFlags, formatNlmFlags, NLM_F_BY_CONTEXT } from '../../src/netlink/flags.js';

describe('NLM_F_* names', () => {
  it('reads 0x100/0x200 as CAPPED/ACK_TLVS on NLMSG_ERROR only', () => {
    expect(decodeNlmFlags(0x300, 2)).toEqual({ names: ['CAPPED', 'ACK_TLVS'], unknownBits: 0 });
    expect(decodeNlmFlags(0x300, 1000)).toEqual({ names: ['ROOT', 'MATCH'], unknownBits: 0 });
    expect(decodeNlmFlags(0x0100, 2, 'new').names).toEqual(['REPLACE']);
    expect(decodeNlmFlags(0x0200, 2, 'delete').names).toEqual(['BULK']);
  });
  it('names what libaudit sends and keeps unknown bits', () => {
    expect(decodeNlmFlags(0x0005, 1000)).toEqual({ names: ['REQUEST', 'ACK'], unknownBits: 0 });
    expect(decodeNlmFlags(0x8002, 1013)).toEqual({ names: ['MULTI'], unknownBits: 0x8000 });
    expect(formatNlmFlags(0x8002, 1013)).toBe('MULTI|0x8000');
    expect(formatNlmFlags(0, 1300)).toBe('0');
  });
  test.prop([fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(2, 3, 1000, 1300)], { numRuns: 200 })('names + unknown bits give the number back', (flags, type) => {
    const d = decodeNlmFlags(flags, type);
    const ctx = type === 2 ? 'ack' : 'get';
    expect(encodeBits(d.names, NLM_F_BY_CONTEXT[ctx], d.unknownBits)).toBe(flags);
  });
});
