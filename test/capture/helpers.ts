import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CaptureItem } from '../../src/capture/index.js';

export const VECTORS = fileURLToPath(new URL('../fixtures/vectors/', import.meta.url));
export const CAPTURES = fileURLToPath(new URL('../fixtures/captures/', import.meta.url));

export function vector(name: string): Uint8Array {
  return new Uint8Array(readFileSync(VECTORS + name));
}

export function capture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(CAPTURES + name));
}

/** A copy of `bytes` with the byte at `at` set to `value`. */
export function corrupt(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const b = bytes.slice();
  b[at] = value;
  return b;
}

export function hex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}

/**
 * The datagram lines of a transcript, read here with a few lines of string handling rather than
 * with the library, so that readers are checked against the file itself.
 */
export function transcriptHex(name: string): { dir: string | undefined; hex: string }[] {
  return readFileSync(VECTORS + name, 'latin1')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#') && !l.includes('(peek)'))
    .map((l) => {
      const parts = l.split(' ');
      return parts.length === 1 ? { dir: undefined, hex: parts[0]! } : { dir: parts[0], hex: parts[1]! };
    });
}

/** A comparable summary of an item (errors by code and offset). */
export function summarize(item: CaptureItem): unknown {
  switch (item.kind) {
    case 'datagram': {
      const { bytes, linkHeader, ...rest } = item.datagram;
      return { kind: 'datagram', ...rest, bytes: hex(bytes), ...(linkHeader === undefined ? {} : { linkHeader: hex(linkHeader) }) };
    }
    case 'line':
      return item;
    case 'notice':
      return item;
    case 'error':
      return { kind: 'error', code: item.error.code, offset: item.error.offset, message: item.error.message };
  }
}
