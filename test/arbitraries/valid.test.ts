import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FAMILY_NAMES, captureArbitrary, exchangeArbitrary, nlmsghdrArbitrary, familyArbitrary, type FamilyName, type GeneratedExchange } from '../../src/arbitraries/index.js';
import { listDialects } from '../../src/audit/dialects/catalog.js';
import { decodeGenerated, invalidity } from './helpers.js';

const RUNS = 200;

function allValid(ex: GeneratedExchange): void {
  const bad = ex.map(invalidity).filter((x) => x !== undefined);
  expect(bad).toEqual([]);
}

const MAINLINE_FAMILIES = FAMILY_NAMES.filter((f) => f !== 'namespace' && f !== 'container');

describe('every generated frame decodes strictly, without warnings, and re-encodes to the same bytes', () => {
  test.each(MAINLINE_FAMILIES)('mainline %s (both byte orders)', (family: FamilyName) => {
    fc.assert(fc.property(familyArbitrary(family), allValid), { numRuns: RUNS });
  });

  test.each([
    ['ns-2015', 'namespace'],
    ['ghak90-v7', 'container'],
    ['ghak90-v8', 'container'],
    ['ghak90-v11', 'container'],
    ['contid-rfc-2017', 'container'],
    ['ghak90-v7', 'rule'],
    ['ghak90-v11', 'rule'],
    ['ghak90-v7', 'sig-info'],
    ['ghak90-v8', 'sig-info'],
    ['ghak90-v11', 'sig-info'],
  ] as const)('%s %s', (dialect, family) => {
    fc.assert(fc.property(familyArbitrary(family, { dialect }), allValid), { numRuns: RUNS });
  });

  test('LIST_RULES replies batched into one datagram', () => {
    fc.assert(fc.property(familyArbitrary('list-rules', { batchReplies: true }), allValid), { numRuns: RUNS });
  });

  test('captures: several exchanges, any dialect family, small strings and chunks', () => {
    fc.assert(fc.property(captureArbitrary({ maxStringLength: 4, execveChunk: 1, maxEvents: 5 }), allValid), { numRuns: RUNS });
  });

  test('nlmsghdrArbitrary covers the whole range of every field', () => {
    const hs = fc.sample(nlmsghdrArbitrary(), { numRuns: RUNS, seed: 5 });
    expect(hs.some((h) => h.nlmsg_len > 0xffff)).toBe(true);
    expect(hs.every((h) => h.nlmsg_type <= 0xffff && h.nlmsg_flags <= 0xffff)).toBe(true);
  });

  test('the check itself catches a changed byte, a cut datagram and a wrong dialect', () => {
    const ex = fc.sample(familyArbitrary('status', { byteOrder: 'le' }), { numRuns: 1, seed: 3 })[0]!;
    const [req, , reply] = ex;
    expect(ex.map(invalidity)).toEqual([undefined, undefined, undefined]);
    const padded = reply!.bytes.slice();
    expect(invalidity({ ...reply!, bytes: padded.slice(0, padded.length - 2) })).toBeDefined();
    const flipped = req!.bytes.slice();
    flipped[0] = flipped[0]! + 1;
    expect(invalidity({ ...req!, bytes: flipped })).toBeDefined();
    const [clone] = fc.sample(familyArbitrary('namespace', { dialect: 'ns-2015', byteOrder: 'le' }), { numRuns: 1, seed: 4 });
    const init = clone!.find((d) => d.role === 'record' && new DataView(d.bytes.buffer).getUint16(4, true) !== 1300)!;
    expect(decodeGenerated({ ...init, dialect: 'mainline' }).messages[0]!.name).not.toBe(decodeGenerated(init).messages[0]!.name);
  });

  test.each(listDialects())('dialect %s: every family it supports', (dialect) => {
    fc.assert(fc.property(exchangeArbitrary({ dialect }), allValid), { numRuns: RUNS });
  });
});
