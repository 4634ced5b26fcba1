import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FAMILY_NAMES, exchangeArbitrary, familyArbitrary, type FamilyName, type GeneratedExchange } from '../../src/arbitraries/index.js';
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
  ] as const)('%s %s', (dialect, family) => {
    fc.assert(fc.property(familyArbitrary(family, { dialect }), allValid), { numRuns: RUNS });
  });

  test.each(listDialects())('dialect %s: every family it supports', (dialect) => {
    fc.assert(fc.property(exchangeArbitrary({ dialect }), allValid), { numRuns: RUNS });
  });
});
