import fc from 'fast-check';
import type { AuditErrorCode } from '../bytes/errors.js';
import { exchangeArbitrary } from './frames.js';
import { invalidDatagramArbitrary, type InvalidKind } from './invalid.js';
import type { FrameOptions } from './types.js';

/** One datagram of a reproducible sample. */
export interface SampledDatagram {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly littleEndian: boolean;
  readonly dialect: string;
  readonly direction: 'to-kernel' | 'from-kernel';
  /** `family/role` of a valid datagram, `invalid/KIND` of a bad one. */
  readonly label: string;
  /** Set on the datagrams `invalidEvery` mixed in: the defect and the code the strict decoder gives. */
  readonly invalid: { readonly kind: InvalidKind; readonly code: AuditErrorCode } | null;
}

export interface SampleOptions extends FrameOptions {
  /** How many datagrams. */
  readonly count: number;
  /** fast-check seed; the same seed and options give the same bytes. */
  readonly seed: number;
  /** Replace every N-th datagram (N-1, 2N-1, ... counting from 0) by an invalid one. Default: none. */
  readonly invalidEvery?: number;
}

/**
 * `count` datagrams for `seed`: whole exchanges in order (the last one may be cut), with bad
 * datagrams mixed in when `invalidEvery` is set. Pure and deterministic: `audit-netlink gen` is
 * this plus a writer.
 *
 * @example sampleDatagrams({ count: 10, seed: 42 }).map((d) => d.label) // ['status/request', 'status/ack', ...]
 */
export function sampleDatagrams(opts: SampleOptions): SampledDatagram[] {
  const { count, seed } = opts;
  if (count <= 0) return [];
  const exchanges = fc.sample(exchangeArbitrary(opts), { seed, numRuns: count });
  const valid = exchanges.flat().slice(0, count);
  const out: SampledDatagram[] = valid.map((d) => ({
    bytes: d.bytes, littleEndian: d.littleEndian, dialect: d.dialect, direction: d.direction, label: `${d.family}/${d.role}`, invalid: null,
  }));
  const every = opts.invalidEvery;
  if (every !== undefined && every > 0) {
    const slots = Math.floor(count / every);
    const bad = slots === 0 ? [] : fc.sample(invalidDatagramArbitrary({ byteOrder: opts.byteOrder ?? 'any' }), { seed: (seed ^ 0x5a5a5a5a) | 0, numRuns: slots });
    bad.forEach((b, i) => {
      out[(i + 1) * every - 1] = {
        bytes: b.bytes, littleEndian: b.littleEndian, dialect: b.dialect, direction: b.direction, label: `invalid/${b.kind}`, invalid: { kind: b.kind, code: b.code },
      };
    });
  }
  return out;
}
