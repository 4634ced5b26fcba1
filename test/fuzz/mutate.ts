/**
 * Mutators shared by the CI fuzz slice (test/fuzz/*.test.ts) and the long-campaign runner
 * (fuzz/run.ts). No Node APIs, no test framework: plain functions over `Uint8Array` and a seeded
 * PRNG, so that a (seed, case) pair always gives the same input.
 */

import { concatBytes } from '../../src/bytes/concat.js';

/** A small, fast, seedable PRNG (mulberry32). */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  /** A u32. */
  u32(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return n <= 0 ? 0 : this.u32() % n;
  }
  bool(p = 0.5): boolean {
    return this.u32() / 0x1_0000_0000 < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)]!;
  }
}

/** A length or count field inside an input, with its real value. */
export interface NumField {
  readonly name: string;
  readonly offset: number;
  readonly size: 1 | 2 | 4;
  readonly littleEndian: boolean;
  /** The value it holds in the valid input. */
  readonly value: number;
  /** For counts: the documented maximum (a mutation sets it just over). */
  readonly max?: number;
}

/** A contiguous block (message, record, pcapng block) that can be duplicated, dropped or moved. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** What a structure finder knows about a valid binary input. */
export interface Structure {
  readonly lengths: readonly NumField[];
  readonly counts: readonly NumField[];
  readonly blocks: readonly Span[];
  /** Offsets where one part ends and the next begins (truncation points). */
  readonly boundaries: readonly number[];
}

export const EMPTY_STRUCTURE: Structure = { lengths: [], counts: [], blocks: [], boundaries: [] };

/** The kinds of binary mutation, as recorded in fixtures and docs/robustness.md. */
export const BINARY_MUTATIONS = [
  'bit-flip',
  'byte-set',
  'truncate-boundary',
  'truncate-random',
  'length-zero',
  'length-below',
  'length-above',
  'length-max',
  'count-over',
  'block-duplicate',
  'block-drop',
  'block-reorder',
  'insert-random',
  'random-bytes',
] as const;
export type BinaryMutation = (typeof BINARY_MUTATIONS)[number];

export const TEXT_MUTATIONS = [
  'text-truncate',
  'text-bit-flip',
  'quote-corrupt',
  'hex-corrupt',
  'huge-number',
  'long-value',
  'many-fields',
  'proto-name',
  'line-duplicate',
  'line-reorder',
  'random-text',
] as const;
export type TextMutation = (typeof TEXT_MUTATIONS)[number];

export interface Mutated {
  readonly kind: BinaryMutation | TextMutation;
  readonly bytes: Uint8Array;
}

export function writeUint(bytes: Uint8Array, f: Pick<NumField, 'offset' | 'size' | 'littleEndian'>, value: number): void {
  const v = value >>> 0;
  for (let i = 0; i < f.size; i++) {
    const shift = 8 * (f.littleEndian ? i : f.size - 1 - i);
    bytes[f.offset + i] = Math.floor(v / 2 ** shift) & 0xff;
  }
}

export function readUint(bytes: Uint8Array, f: Pick<NumField, 'offset' | 'size' | 'littleEndian'>): number {
  let v = 0;
  for (let i = 0; i < f.size; i++) {
    const shift = 8 * (f.littleEndian ? i : f.size - 1 - i);
    v += bytes[f.offset + i]! * 2 ** shift;
  }
  return v;
}

function maxOf(size: 1 | 2 | 4): number {
  return size === 1 ? 0xff : size === 2 ? 0xffff : 0xffff_ffff;
}

/** Set one length field: 0, just below / above its real value, or all ones. */
export function setLength(input: Uint8Array, f: NumField, how: 'zero' | 'below' | 'above' | 'max', delta = 1): Uint8Array {
  const out = input.slice();
  const v = how === 'zero' ? 0 : how === 'below' ? Math.max(0, f.value - delta) : how === 'above' ? Math.min(maxOf(f.size), f.value + delta) : maxOf(f.size);
  writeUint(out, f, v);
  return out;
}

function randomBytes(rng: Rng, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.int(256);
  return out;
}

/** Candidate mutations for a structure (kinds that have something to act on). */
function applicable(input: Uint8Array, s: Structure): BinaryMutation[] {
  const kinds: BinaryMutation[] = ['bit-flip', 'byte-set', 'truncate-random', 'insert-random', 'random-bytes'];
  if (input.length === 0) return ['insert-random', 'random-bytes'];
  if (s.boundaries.length > 0) kinds.push('truncate-boundary');
  if (s.lengths.length > 0) kinds.push('length-zero', 'length-below', 'length-above', 'length-max', 'length-below', 'length-above');
  if (s.counts.length > 0) kinds.push('count-over', 'count-over');
  if (s.blocks.length > 0) kinds.push('block-duplicate', 'block-drop');
  if (s.blocks.length > 1) kinds.push('block-reorder');
  return kinds;
}

/** One mutation of a valid binary input, chosen by `rng` among those its structure allows. */
export function mutateBinary(rng: Rng, input: Uint8Array, s: Structure = EMPTY_STRUCTURE, kind?: BinaryMutation): Mutated {
  const k = kind ?? rng.pick(applicable(input, s));
  return { kind: k, bytes: applyBinary(rng, input, s, k) };
}

function applyBinary(rng: Rng, input: Uint8Array, s: Structure, kind: BinaryMutation): Uint8Array {
  switch (kind) {
    case 'bit-flip': {
      const out = input.slice();
      const flips = 1 + rng.int(rng.bool(0.8) ? 2 : 8);
      for (let i = 0; i < flips && out.length > 0; i++) {
        const at = rng.int(out.length);
        out[at] = out[at]! ^ (1 << rng.int(8));
      }
      return out;
    }
    case 'byte-set': {
      const out = input.slice();
      if (out.length > 0) out[rng.int(out.length)] = rng.pick([0, 0xff, 0x7f, 0x80, 0x01, rng.int(256)]);
      return out;
    }
    case 'truncate-boundary': {
      const b = s.boundaries.length > 0 ? rng.pick(s.boundaries) : input.length;
      const at = Math.max(0, Math.min(input.length, b + rng.pick([-1, 0, 1, -4, 4, -16])));
      return input.slice(0, at);
    }
    case 'truncate-random':
      return input.slice(0, rng.int(input.length));
    case 'length-zero':
    case 'length-below':
    case 'length-above':
    case 'length-max': {
      const f = rng.pick(s.lengths);
      const how = kind === 'length-zero' ? 'zero' : kind === 'length-below' ? 'below' : kind === 'length-above' ? 'above' : 'max';
      return setLength(input, f, how, rng.pick([1, 1, 2, 4, 16, 1000]));
    }
    case 'count-over': {
      const f = rng.pick(s.counts);
      const out = input.slice();
      writeUint(out, f, f.max === undefined ? f.value + 1 + rng.int(1000) : f.max + 1 + (rng.bool(0.3) ? rng.int(1 << 20) : 0));
      return out;
    }
    case 'block-duplicate': {
      const b = rng.pick(s.blocks);
      return concatBytes([input.subarray(0, b.end), input.subarray(b.start, b.end), input.subarray(b.end)]);
    }
    case 'block-drop': {
      const b = rng.pick(s.blocks);
      return concatBytes([input.subarray(0, b.start), input.subarray(b.end)]);
    }
    case 'block-reorder': {
      const i = rng.int(s.blocks.length - 1);
      const a = s.blocks[i]!;
      const b = s.blocks[i + 1]!;
      if (a.end !== b.start) return input.slice();
      return concatBytes([input.subarray(0, a.start), input.subarray(b.start, b.end), input.subarray(a.start, a.end), input.subarray(b.end)]);
    }
    case 'insert-random': {
      const at = rng.int(input.length + 1);
      return concatBytes([input.subarray(0, at), randomBytes(rng, 1 + rng.int(32)), input.subarray(at)]);
    }
    case 'random-bytes':
      return randomBytes(rng, rng.int(rng.bool(0.7) ? 64 : 2048));
  }
}

// ---------------------------------------------------------------------------------------------
// Text

const enc = new TextEncoder();

/** Latin-1 view of bytes (one char per byte), so text mutations keep byte offsets. */
export function bytesToLatin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, Math.min(b.length, i + 8192)));
  return s;
}

export function latin1ToBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

const PROTO_NAMES = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', '__defineGetter__', 'valueOf'];
const HUGE_NUMBERS = ['4294967295', '4294967296', '99999999999999999999', '9007199254740993', '-1', '0', '18446744073709551616', '1e309', '0x7fffffff'];

/** Ranges [start, end) of values (after `=`) in a text. */
function valueSpans(text: string): { nameStart: number; eq: number; end: number }[] {
  // Linear on purpose: a regular expression here went quadratic on the mutators' own long values.
  const out: { nameStart: number; eq: number; end: number }[] = [];
  const isName = (c: string): boolean => /[A-Za-z0-9_[\]-]/.test(c);
  for (let eq = text.indexOf('='); eq >= 0 && out.length < 4096; eq = text.indexOf('=', eq + 1)) {
    let nameStart = eq;
    while (nameStart > 0 && eq - nameStart < 64 && isName(text[nameStart - 1]!)) nameStart--;
    if (nameStart === eq) continue;
    let end = eq + 1;
    const q = text[end];
    if (q === '"' || q === "'") {
      const close = text.indexOf(q, end + 1);
      end = close < 0 ? text.length : close + 1;
    } else {
      while (end < text.length && text[end] !== ' ' && text[end] !== '\n') end++;
    }
    out.push({ nameStart, eq, end });
  }
  return out;
}

/** One mutation of a valid text input (a record, a log, a rule, a transcript). */
export function mutateText(rng: Rng, input: Uint8Array, kind?: TextMutation): Mutated {
  const k = kind ?? rng.pick(TEXT_MUTATIONS);
  return { kind: k, bytes: applyText(rng, bytesToLatin1(input), k) };
}

function applyText(rng: Rng, t: string, kind: TextMutation): Uint8Array {
  const spans = valueSpans(t);
  const lines = t.split('\n');
  switch (kind) {
    case 'text-truncate': {
      const specials: number[] = [];
      for (let i = 0; i < t.length && specials.length < 512; i++) if ('"\'=() :.\n'.includes(t[i]!)) specials.push(i);
      const at = specials.length > 0 && rng.bool(0.7) ? rng.pick(specials) + rng.int(2) : rng.int(t.length + 1);
      return latin1ToBytes(t.slice(0, at));
    }
    case 'text-bit-flip': {
      const b = latin1ToBytes(t);
      if (b.length > 0) {
        const at = rng.int(b.length);
        b[at] = b[at]! ^ (1 << rng.int(8));
      }
      return b;
    }
    case 'quote-corrupt': {
      const qs: number[] = [];
      for (let i = 0; i < t.length && qs.length < 512; i++) if (t[i] === '"' || t[i] === "'") qs.push(i);
      if (qs.length === 0) return latin1ToBytes(`${t}"`);
      const at = rng.pick(qs);
      const r = rng.int(3);
      const s = r === 0 ? t.slice(0, at) + t.slice(at + 1) : r === 1 ? t.slice(0, at) + '""' + t.slice(at + 1) : t.slice(0, at) + "'" + t.slice(at + 1);
      return latin1ToBytes(s);
    }
    case 'hex-corrupt': {
      const hs: number[] = [];
      for (let i = 0; i < t.length && hs.length < 4096; i++) if (/[0-9A-Fa-f]/.test(t[i]!)) hs.push(i);
      if (hs.length === 0) return latin1ToBytes(t);
      const at = rng.pick(hs);
      const r = rng.int(3);
      const s = r === 0 ? t.slice(0, at) + t.slice(at + 1) : r === 1 ? t.slice(0, at) + rng.pick(['G', 'z', ' ', '"', '\x00']) + t.slice(at + 1) : t.slice(0, at) + 'F' + t.slice(at);
      return latin1ToBytes(s);
    }
    case 'huge-number': {
      if (spans.length === 0) return latin1ToBytes(`${t} argc=${rng.pick(HUGE_NUMBERS)}`);
      const sp = rng.pick(spans);
      return latin1ToBytes(t.slice(0, sp.eq + 1) + rng.pick(HUGE_NUMBERS) + t.slice(sp.end));
    }
    case 'long-value': {
      const long = 'A'.repeat(rng.pick([1000, 65536, 300_000]));
      if (spans.length === 0) return latin1ToBytes(t + long);
      const sp = rng.pick(spans);
      return latin1ToBytes(t.slice(0, sp.eq + 1) + (rng.bool() ? `"${long}"` : long) + t.slice(sp.end));
    }
    case 'many-fields': {
      const n = rng.pick([1000, 20000]);
      const field = rng.pick([' a=1', ' a0="x"', ' x', ' =', ' k=v,', ' msg=\'a=b']);
      const li = rng.int(lines.length);
      lines[li] = lines[li]! + field.repeat(n);
      return latin1ToBytes(lines.join('\n'));
    }
    case 'proto-name': {
      const name = rng.pick(PROTO_NAMES);
      if (spans.length === 0) return latin1ToBytes(`${t} ${name}=1`);
      const sp = rng.pick(spans);
      return latin1ToBytes(t.slice(0, sp.nameStart) + name + t.slice(sp.eq));
    }
    case 'line-duplicate': {
      const li = rng.int(lines.length);
      lines.splice(li, 0, lines[li]!);
      return latin1ToBytes(lines.join('\n'));
    }
    case 'line-reorder': {
      if (lines.length < 2) return latin1ToBytes(t.split('').reverse().join(''));
      const li = rng.int(lines.length - 1);
      const a = lines[li]!;
      lines[li] = lines[li + 1]!;
      lines[li + 1] = a;
      return latin1ToBytes(lines.join('\n'));
    }
    case 'random-text': {
      const alphabet = 'audit(1234567890.:)= "\'\\xaAfF0-_,{}[]|#\n\t\x1dmsgtype=node=SYSCALL';
      let s = '';
      const n = rng.int(200);
      for (let i = 0; i < n; i++) s += alphabet[rng.int(alphabet.length)];
      return rng.bool() ? enc.encode(s) : latin1ToBytes(t.slice(0, rng.int(t.length + 1)) + s);
    }
  }
}
