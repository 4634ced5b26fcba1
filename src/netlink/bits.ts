/**
 * Bit sets as data: a table of `[bit, name]` pairs decodes a number into names while keeping the
 * bits no table entry explains, so that nothing a newer kernel sets is silently dropped.
 */
export type BitTable = readonly (readonly [number, string])[];

/** The names of the bits of `value` found in `table`, plus whatever bits are left over. */
export interface DecodedBits {
  readonly names: readonly string[];
  readonly unknownBits: number;
}

/**
 * Split `value` into the names of `table` and the unknown rest.
 *
 * @example
 * decodeBits(0x41, [[0x1, 'A'], [0x40, 'G']]) // { names: ['A', 'G'], unknownBits: 0 }
 */
export function decodeBits(value: number, table: BitTable): DecodedBits {
  const names: string[] = [];
  let rest = value >>> 0;
  for (const [bit, name] of table) {
    if ((rest & bit) >>> 0 === bit && bit !== 0) {
      names.push(name);
      rest = (rest & ~bit) >>> 0;
    }
  }
  return { names, unknownBits: rest };
}

/**
 * The number for `names` (plus `unknownBits`); an unknown name returns `undefined`.
 *
 * @example
 * encodeBits(['A'], [[0x1, 'A']], 0x100) // 0x101
 */
export function encodeBits(names: readonly string[], table: BitTable, unknownBits = 0): number | undefined {
  let v = unknownBits >>> 0;
  for (const n of names) {
    const hit = table.find(([, name]) => name === n);
    if (hit === undefined) return undefined;
    v = (v | hit[0]) >>> 0;
  }
  return v;
}
