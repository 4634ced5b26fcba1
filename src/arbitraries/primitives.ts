import fc from 'fast-check';
import type { NlMsgHeader } from '../netlink/header.js';
import type { RecordTime } from '../records/types.js';
import { memo } from './memo.js';
import type { ByteOrderChoice } from './types.js';

/** Any u32. */
export const u32Arbitrary: fc.Arbitrary<number> = fc.integer({ min: 0, max: 0xffffffff });
/** Any i32. */
export const i32Arbitrary: fc.Arbitrary<number> = fc.integer({ min: -0x80000000, max: 0x7fffffff });
/** Any u16. */
export const u16Arbitrary: fc.Arbitrary<number> = fc.integer({ min: 0, max: 0xffff });

/**
 * Any `struct nlmsghdr` (include/uapi/linux/netlink.h), every field over its whole range.
 *
 * @example fc.sample(nlmsghdrArbitrary(), 1)[0].nlmsg_type // some u16
 */
export function nlmsghdrArbitrary(): fc.Arbitrary<NlMsgHeader> {
  return fc.record({ nlmsg_len: u32Arbitrary, nlmsg_type: u16Arbitrary, nlmsg_flags: u16Arbitrary, nlmsg_seq: u32Arbitrary, nlmsg_pid: u32Arbitrary });
}

/**
 * A byte order per `choice`: `true` for little-endian.
 *
 * @example fc.sample(littleEndianArbitrary('be'), 1)[0] // false
 */
export function littleEndianArbitrary(choice: ByteOrderChoice = 'any'): fc.Arbitrary<boolean> {
  return choice === 'any' ? fc.boolean() : fc.constant(choice === 'le');
}

/** An `audit(SEC.MSEC:...)` time around now (2001–2033). */
export const recordTimeArbitrary: fc.Arbitrary<RecordTime> = fc.record({
  sec: fc.integer({ min: 1_000_000_000, max: 2_000_000_000 }),
  msec: fc.integer({ min: 0, max: 999 }),
});

/** An event serial (`%u`). */
export const serialArbitrary: fc.Arbitrary<number> = fc.integer({ min: 1, max: 0xffffffff });

/** A request sequence number: libaudit counts from 1, so mostly small, sometimes anywhere (wrapped). */
export const seqArbitrary: fc.Arbitrary<number> = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 1000 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 0xffffffff }) });

/** A netlink port id of a user-space socket (the pid of the sender, usually). */
export const portidArbitrary: fc.Arbitrary<number> = fc.integer({ min: 1, max: 4_194_304 });

/** A pid (`pid_max` is at most 2^22). */
export const pidArbitrary: fc.Arbitrary<number> = fc.integer({ min: 1, max: 4_194_304 });

/** A uid or gid: root, a system account, a user, or 4294967295 (unset). */
export const idArbitrary: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 0xffffffff),
  fc.integer({ min: 1, max: 999 }),
  fc.integer({ min: 1000, max: 65_535 }),
);

/** A session id, 4294967295 when unset. */
export const sessionArbitrary: fc.Arbitrary<number> = fc.oneof(fc.constant(0xffffffff), fc.integer({ min: 1, max: 100_000 }));

/** Plain text characters a kernel prints inside quotes (no space, no `"`, no control). */
const PLAIN = /^[A-Za-z0-9_.+@:,%-]+$/;

/** The characters of a plain file-name component: `[a-z0-9_.-]`. */
const NAME_CHAR: fc.Arbitrary<string> = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789_.-');

/**
 * A file-name component: mostly plain, sometimes with a space, a quote, a non-ASCII or a control
 * byte, so that the kernel would hex-encode it.
 */
export function nameComponentArbitrary(maxLength: number): fc.Arbitrary<string> {
  const n = Math.max(1, Math.min(maxLength, 16));
  return memo(`name:${n}`, () => fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: NAME_CHAR, minLength: 1, maxLength: n }) },
    { weight: 2, arbitrary: fc.constantFrom('passwd', 'shadow', 'bin', 'etc', 'tmp', 'usr', 'lib', '.bashrc', 'id_rsa', 'sudoers') },
    { weight: 1, arbitrary: fc.constantFrom('my file', 'a"b', 'caf\u00e9', 'tab\tname', 'new\nline', '\u65e5\u672c') },
  ));
}

/**
 * An absolute path of 1–4 components.
 *
 * @example fc.sample(absPathArbitrary(24), 1)[0] // e.g. '/etc/my file'
 */
export function absPathArbitrary(maxLength: number): fc.Arbitrary<string> {
  return memo(`path:${maxLength}`, () => fc.array(nameComponentArbitrary(maxLength), { minLength: 1, maxLength: 4 }).map((p) => `/${p.join('/')}`));
}

/** A `comm` (TASK_COMM_LEN 16: at most 15 bytes). */
export const commArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('bash', 'sshd', 'sudo', 'cat', 'systemd', 'cron', 'python3', 'runc', 'containerd-shim') },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_-]{0,14}$/) },
  { weight: 1, arbitrary: fc.constantFrom('my prog', 'kworker/0:1') },
);

/** An SELinux or AppArmor subject label, or the `unconfined` AppArmor prints. */
export const subjArbitrary: fc.Arbitrary<string> = fc.constantFrom(
  'unconfined',
  'unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023',
  'system_u:system_r:sshd_t:s0-s0:c0.c1023',
  'system_u:system_r:init_t:s0',
);

/** A rule key (`-k`), or none. */
export const keyArbitrary: fc.Arbitrary<string | null> = fc.option(fc.stringMatching(/^[a-zA-Z0-9_-]{1,16}$/), { nil: null });

/**
 * True if `s` is plain text a kernel prints without hex.
 *
 * @example isPlain('bash') // true; isPlain('a b') // false
 */
export function isPlain(s: string): boolean {
  return PLAIN.test(s);
}
