import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isAuditError } from '../../src/bytes/errors.js';
import {
  AUDIT_CID_UNSET,
  contidTree,
  formatContidList,
  isContidUnset,
  parseContidList,
  type ContidList,
  type ContidTreeNode,
} from '../../src/audit/dialects/index.js';

const u64 = fc.bigInt({ min: 0n, max: AUDIT_CID_UNSET });
const contid = fc.oneof(u64, fc.constant(-1n));
const list: fc.Arbitrary<ContidList> = fc
  .array(fc.record({ id: contid, ancestors: fc.array(contid, { maxLength: 4 }) }), { minLength: 1, maxLength: 5 })
  .map((chains) => ({ chains }));

describe('contid lists (ghak90 v11 10/11 nesting syntax)', () => {
  it('reads 4,^2,^1 as 4 inside 2 inside 1', () => {
    const l = parseContidList('4,^2,^1');
    expect(l).toEqual({ chains: [{ id: 4n, ancestors: [2n, 1n] }] });
    expect(contidTree(l)).toEqual([{ id: 1n, children: [{ id: 2n, children: [{ id: 4n, children: [] }] }] }]);
    expect(formatContidList(l)).toBe('4,^2,^1');
  });

  it('reads 2,^1,3,^1 as a netns shared by 2 and 3, both children of 1', () => {
    const l = parseContidList('2,^1,3,^1');
    expect(l.chains).toEqual([
      { id: 2n, ancestors: [1n] },
      { id: 3n, ancestors: [1n] },
    ]);
    expect(contidTree(l)).toEqual([{ id: 1n, children: [{ id: 2n, children: [] }, { id: 3n, children: [] }] }]);
    expect(formatContidList(l)).toBe('2,^1,3,^1');
  });

  it('keeps -1 and 18446744073709551615 apart, both unset', () => {
    expect(parseContidList('-1').chains[0]!.id).toBe(-1n);
    expect(parseContidList('18446744073709551615').chains[0]!.id).toBe(AUDIT_CID_UNSET);
    expect(isContidUnset(-1n) && isContidUnset(AUDIT_CID_UNSET)).toBe(true);
    expect(isContidUnset(0n)).toBe(false);
    expect(formatContidList(parseContidList('18446744073709551615'))).toBe('18446744073709551615');
  });

  it.each([
    ['^1', 0, 'starts with a parent'],
    ['1,,2', 2, 'not a decimal'],
    ['01', 0, 'not a decimal'],
    ['18446744073709551616', 0, 'outside'],
    ['4,^x', 3, 'not a decimal'],
    ['-2', 0, 'outside'],
  ])('refuses %j with an error at its offset', (text, offset, msg) => {
    try {
      parseContidList(text, 100, 'contid');
      expect.unreachable();
    } catch (e) {
      expect(isAuditError(e)).toBe(true);
      if (!isAuditError(e)) return;
      expect(e.offset).toBe(100 + offset);
      expect(e.message).toContain(msg);
      expect(e.path).toMatch(/^contid\[\d+\]$/);
    }
  });

  test.prop([list], { numRuns: 300 })('format then parse gives the same list, and the text back', (l) => {
    const text = formatContidList(l);
    expect(parseContidList(text)).toEqual(l);
    expect(formatContidList(parseContidList(text))).toBe(text);
    // every chain is a root-to-leaf path of the tree
    const tree: readonly ContidTreeNode[] = contidTree(l);
    for (const c of l.chains) {
      let level = tree;
      for (const id of [...c.ancestors].reverse().concat(c.id)) {
        const node = level.find((n) => n.id === id);
        expect(node).toBeDefined();
        level = node!.children;
      }
    }
  });

  test.prop([fc.string({ maxLength: 30 })], { numRuns: 300 })('random text either parses and formats back or throws AuditError', (s) => {
    try {
      expect(formatContidList(parseContidList(s))).toBe(s);
    } catch (e) {
      expect(isAuditError(e)).toBe(true);
    }
  });
});
