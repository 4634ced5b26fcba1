import { AuditError, AuditErrorCode } from '../../bytes/errors.js';
import { readDecimal } from './fields.js';

/** `AUDIT_CID_UNSET`, `(u64)-1` (reference §6.2; [LA] "[PATCH ghak90 v11 02/11]"). */
export const AUDIT_CID_UNSET = 0xffff_ffff_ffff_ffffn;

/**
 * A ghak90 container ID as text prints it: a u64, or `-1n` for the `-1` that the v11 helper
 * prints for unset (V7/V8's `%llu` printed 18446744073709551615, which stays that number so that
 * both spellings format back as they came).
 */
export type Contid = bigint;

/**
 * True for both spellings of "no container ID".
 *
 * @example isContidUnset(-1n) && isContidUnset(AUDIT_CID_UNSET) // true
 */
export function isContidUnset(id: Contid): boolean {
  return id === -1n || id === AUDIT_CID_UNSET;
}

/**
 * One container of a `contid=` list with its ancestors, innermost first: `4,^2,^1` is
 * `{ id: 4n, ancestors: [2n, 1n] }` (reference §6.3, [LA] "[PATCH ghak90 v11 10/11]").
 */
export interface ContidChain {
  readonly id: Contid;
  readonly ancestors: readonly Contid[];
}

/** A parsed `contid=` value: one chain per container sharing the record's network namespace. */
export interface ContidList {
  readonly chains: readonly ContidChain[];
}

/** The same list as a forest, outermost containers at the roots; shared ancestors merged. */
export interface ContidTreeNode {
  readonly id: Contid;
  readonly children: readonly ContidTreeNode[];
}

/**
 * One contid token: a u64 in decimal, or `-1`.
 *
 * @example parseContid('-1') // -1n
 */
export function parseContid(text: string, base = 0, path = 'contid'): Contid {
  if (text === '-1') return -1n;
  return readDecimal(text, 0n, AUDIT_CID_UNSET, base, path);
}

/**
 * The text of one contid (`-1n` prints `-1`).
 *
 * @example formatContid(-1n) // '-1'
 */
export function formatContid(id: Contid): string {
  if (id !== -1n && (id < 0n || id > AUDIT_CID_UNSET)) {
    throw new AuditError(AuditErrorCode.ENCODE, `contid ${id} is neither -1 nor a u64`, { path: 'contid' });
  }
  return id.toString();
}

/**
 * Parse `contid=` text with the v11 nesting syntax: `,` starts another container, `^x` is the
 * parent of the entry before it.
 *
 * @example parseContidList('2,^1,3,^1') // { chains: [{ id: 2n, ancestors: [1n] }, { id: 3n, ancestors: [1n] }] }
 */
export function parseContidList(text: string, base = 0, path = 'contid'): ContidList {
  const chains: { id: Contid; ancestors: Contid[] }[] = [];
  let at = 0;
  const tokens = text.split(',');
  tokens.forEach((token, i) => {
    const tokenPath = `${path}[${i}]`;
    if (token.startsWith('^')) {
      const current = chains[chains.length - 1];
      if (current === undefined) {
        throw new AuditError(AuditErrorCode.BAD_VALUE, 'contid list starts with a parent (^)', { offset: base + at, path: tokenPath });
      }
      current.ancestors.push(parseContid(token.slice(1), base + at + 1, tokenPath));
    } else {
      chains.push({ id: parseContid(token, base + at, tokenPath), ancestors: [] });
    }
    at += token.length + 1;
  });
  return { chains };
}

/**
 * The text of a contid list, the inverse of `parseContidList`.
 *
 * @example formatContidList({ chains: [{ id: 4n, ancestors: [2n, 1n] }] }) // '4,^2,^1'
 */
export function formatContidList(list: ContidList): string {
  if (list.chains.length === 0) throw new AuditError(AuditErrorCode.ENCODE, 'contid list is empty', { path: 'contid' });
  return list.chains.map((c) => [formatContid(c.id), ...c.ancestors.map((a) => `^${formatContid(a)}`)].join(',')).join(',');
}

/**
 * A one-container list (what CONTAINER_OP and V8's CONTAINER_ID print).
 *
 * @example formatContidList(singleContid(5n)) // '5'
 */
export function singleContid(id: Contid): ContidList {
  return { chains: [{ id, ancestors: [] }] };
}

/**
 * The list as a forest: `2,^1,3,^1` gives one root 1 with children 2 and 3.
 *
 * @example contidTree(parseContidList('4,^2,^1')) // [{ id: 1n, children: [{ id: 2n, children: [{ id: 4n, children: [] }] }] }]
 */
export function contidTree(list: ContidList): ContidTreeNode[] {
  interface Mutable {
    id: Contid;
    children: Mutable[];
  }
  const roots: Mutable[] = [];
  for (const chain of list.chains) {
    const outermostFirst = [...chain.ancestors].reverse().concat(chain.id);
    let level = roots;
    for (const id of outermostFirst) {
      let node = level.find((n) => n.id === id);
      if (node === undefined) {
        node = { id, children: [] };
        level.push(node);
      }
      level = node.children;
    }
  }
  return roots;
}
