/**
 * Message classes by number range, from the block comment of include/uapi/linux/audit.h and the
 * user-space ranges of audit-userspace lib/audit-records.h (reference §2.1).
 */
export const TYPE_CLASSES: readonly (readonly [name: string, first: number, last: number])[] = [
  ['control', 1000, 1099],
  ['user', 1100, 1199],
  ['daemon', 1200, 1299],
  ['kernel', 1300, 1399],
  ['mac', 1400, 1499],
  ['apparmor', 1500, 1599],
  ['kernel-crypto', 1600, 1699],
  ['anomaly', 1700, 1799],
  ['integrity', 1800, 1899],
  ['kernel-other', 2000, 2000],
  ['user-anomaly', 2100, 2199],
  ['response', 2200, 2299],
  ['lspp', 2300, 2399],
  ['crypto', 2400, 2499],
  ['virt', 2500, 2599],
  ['user-other', 2600, 2999],
];

/** @example typeClass(1300) // → 'kernel' */
export function typeClass(type: number): string | undefined {
  for (const [name, first, last] of TYPE_CLASSES) if (type >= first && type <= last) return name;
  return undefined;
}
