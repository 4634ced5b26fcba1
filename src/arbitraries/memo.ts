import type fc from 'fast-check';

const MEMO = new Map<string, fc.Arbitrary<unknown>>();

/**
 * Build an arbitrary once per key: generators that depend on a parameter are called inside
 * `chain`, and building `stringMatching` again for every value is slow.
 */
export function memo<T>(key: string, make: () => fc.Arbitrary<T>): fc.Arbitrary<T> {
  let a = MEMO.get(key) as fc.Arbitrary<T> | undefined;
  if (a === undefined) MEMO.set(key, (a = make()));
  return a;
}
