import fc from 'fast-check';
import type { Dialect, DialectStatus } from '../audit/dialects/index.js';
import type { AuditFeatures } from '../audit/messages/features.js';
import type { AuditMakeEquiv } from '../audit/messages/make-equiv.js';
import type { AuditReplace } from '../audit/messages/replace.js';
import type { AuditSigInfo } from '../audit/messages/sig-info.js';
import type { AuditTtyStatus } from '../audit/messages/tty-status.js';
import { idArbitrary, pidArbitrary, subjArbitrary, u32Arbitrary } from './primitives.js';

const EMPTY = new Uint8Array(0);
const utf8 = new TextEncoder();

/**
 * Which `audit_status` sizes to make: 32 (before 3.14), 40 (3.14–5.8), the dialect's full size
 * (44 on mainline, 48 on ghak90-v8), `longer` (a future kernel: the full struct plus bytes this
 * library does not know), or any of them.
 */
export type StatusSize = 32 | 40 | 'full' | 'longer' | 'any';

export interface StatusArbitraryOptions {
  /** Field table; default mainline's. */
  readonly dialect?: Dialect;
  readonly size?: StatusSize;
}

const MAINLINE_STATUS_NAMES = [
  'mask', 'enabled', 'failure', 'pid', 'rate_limit', 'backlog_limit', 'lost', 'backlog', 'feature_bitmap', 'backlog_wait_time', 'backlog_wait_time_actual',
];

/** A realistic value for a status field by name (anything for fields this module has no opinion on). */
function statusValue(name: string): fc.Arbitrary<number> {
  switch (name) {
    case 'enabled':
      return fc.constantFrom(0, 1, 2);
    case 'failure':
      return fc.constantFrom(0, 1, 2);
    case 'pid':
      return fc.oneof(fc.constant(0), pidArbitrary);
    case 'rate_limit':
      return fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000 }));
    case 'backlog_limit':
      return fc.constantFrom(64, 320, 8192, 65_536);
    case 'feature_bitmap':
      return fc.constantFrom(0x7f, 0x3f, 0x0f, 0xff);
    case 'backlog_wait_time':
      return fc.constantFrom(0, 15_000, 60_000);
    case 'mask':
    case 'lost':
    case 'backlog':
    case 'backlog_wait_time_actual':
    default:
      return fc.oneof(fc.integer({ min: 0, max: 1000 }), u32Arbitrary);
  }
}

/**
 * A `struct audit_status` as the kernel sends it (AUDIT_GET reply) or auditctl does (AUDIT_SET),
 * at one of the sizes kernels have had, in the dialect's field table. Bytes after the last known
 * field (`trailing`) only come with the full struct, so every value decodes back to itself.
 *
 * @example fc.sample(auditStatusArbitrary({ size: 32 }), 1)[0].backlog // some number; no feature_bitmap
 */
export function auditStatusArbitrary(opts: StatusArbitraryOptions = {}): fc.Arbitrary<DialectStatus> {
  const names = opts.dialect === undefined ? MAINLINE_STATUS_NAMES : opts.dialect.statusFields.map((f) => f.name);
  const size = opts.size ?? 'any';
  const counts: ('longer' | number)[] = size === 'any' ? [8, 10, names.length, 'longer'] : size === 32 ? [8] : size === 40 ? [10] : size === 'full' ? [names.length] : ['longer'];
  return fc.constantFrom(...counts).chain((count) => {
    const n = count === 'longer' ? names.length : count;
    const values = fc.tuple(...names.slice(0, n).map(statusValue));
    const trailing = count === 'longer' ? fc.uint8Array({ minLength: 1, maxLength: 12 }) : fc.constant(EMPTY);
    return fc.tuple(values, trailing).map(([vs, t]) => {
      const body: Record<string, number | Uint8Array> = {};
      names.slice(0, n).forEach((name, i) => (body[name] = vs[i]!));
      body['trailing'] = t;
      return body as DialectStatus;
    });
  });
}

/**
 * `struct audit_features` with AUDIT_FEATURE_VERSION 1 and the two defined feature bits (or any).
 *
 * @example fc.sample(auditFeaturesArbitrary(), 1)[0].vers // 1
 */
export function auditFeaturesArbitrary(): fc.Arbitrary<AuditFeatures> {
  const bits = fc.oneof(fc.constantFrom(0, 1, 2, 3), u32Arbitrary);
  return fc.record({ vers: fc.constant(1), mask: bits, features: bits, lock: bits, trailing: fc.constant(EMPTY) });
}

/** The zeroed `audit_features` libaudit sends with AUDIT_GET_FEATURE. */
export const ZERO_FEATURES: AuditFeatures = { vers: 0, mask: 0, features: 0, lock: 0, trailing: EMPTY };

/**
 * An AUDIT_SIGNAL_INFO reply: the sender's loginuid and pid, and its LSM context with the NUL
 * SELinux counts (or none, without an LSM).
 *
 * @example sigInfoContext(fc.sample(auditSigInfoArbitrary(), 1)[0]) // e.g. 'system_u:system_r:init_t:s0'
 */
export function auditSigInfoArbitrary(): fc.Arbitrary<AuditSigInfo> {
  const ctx = fc.oneof(
    fc.constant(EMPTY),
    subjArbitrary.map((s) => utf8.encode(`${s}\0`)),
    subjArbitrary.map((s) => utf8.encode(s)),
  );
  return fc.record({ uid: idArbitrary, pid: fc.oneof(pidArbitrary, fc.constant(-1)), ctx });
}

/**
 * `struct audit_tty_status`: the 8-byte form, or the old 4-byte one (`enabled` only).
 *
 * @example sizeTtyStatus(fc.sample(auditTtyStatusArbitrary(), 1)[0]) // 8 or 4
 */
export function auditTtyStatusArbitrary(): fc.Arbitrary<AuditTtyStatus> {
  return fc.oneof(
    fc.record({ enabled: fc.constantFrom(0, 1), log_passwd: fc.constantFrom(0, 1), trailing: fc.constant(EMPTY) }),
    fc.record({ enabled: fc.constantFrom(0, 1), trailing: fc.constant(EMPTY) }),
  );
}

/**
 * An AUDIT_MAKE_EQUIV request: two absolute paths without NULs.
 *
 * @example fc.sample(makeEquivArbitrary(), 1)[0].old_path[0] // 0x2f ('/')
 */
export function makeEquivArbitrary(maxLength = 24): fc.Arbitrary<AuditMakeEquiv> {
  const path = fc.array(fc.stringMatching(/^[a-z0-9_.-]{1,12}$/), { minLength: 1, maxLength: 3 }).map((p) => utf8.encode(`/${p.join('/')}`.slice(0, Math.max(2, maxLength * 2))));
  return fc.record({ old_path: path, new_path: path, trailing: fc.constant(EMPTY) });
}

/**
 * The AUDIT_REPLACE probe: the pid of the process taking over as audit daemon.
 *
 * @example fc.sample(auditReplaceArbitrary(), 1)[0].pid // 1..4194304
 */
export function auditReplaceArbitrary(): fc.Arbitrary<AuditReplace> {
  return fc.record({ pid: pidArbitrary, trailing: fc.constant(EMPTY) });
}

