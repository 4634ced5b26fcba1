import type { CaptureFormat } from '../capture/types.js';
import { parseByteOrder, parseInputFormat } from '../node/input.js';

/** The options every command that reads a capture takes, for its `parseArgs` table. */
export const INPUT_OPTIONS = {
  'input-format': { type: 'string' },
  'byte-order': { type: 'string' },
} as const;

/** What those options say, checked before any input is read. */
export interface InputChoice {
  readonly format: CaptureFormat | undefined;
  readonly littleEndian: boolean | undefined;
}

/**
 * `--input-format` and `--byte-order` from `parseArgs` values.
 *
 * @example inputChoice({ 'byte-order': 'be' }) // → { format: undefined, littleEndian: false }
 */
export function inputChoice(values: { readonly 'input-format'?: string | undefined; readonly 'byte-order'?: string | undefined }): InputChoice {
  return { format: parseInputFormat(values['input-format']), littleEndian: parseByteOrder(values['byte-order']) };
}
