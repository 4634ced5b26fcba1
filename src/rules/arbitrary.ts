import fc from 'fast-check';
import { ERRNO_NAMES } from '../tables/errno.js';
import { LIBAUDIT_MSG_TYPES, LIBAUDIT_SYSCALLS } from '../tables/libaudit.generated.js';
import { determineMachine, machineName, syscallName, syscallNumber } from './machines.js';
import { COMPARISONS, PERM_LETTERS } from './tables.js';

import type { KernelLsm } from './kernel-check.js';

/**
 * fast-check arbitraries of valid auditctl rules, written the way `auditctl -l` prints them (so
 * `explainRule(compileRule(text).rule) === text`). Every rule is one both libaudit 3.0.9 builds and
 * the kernel accepts (`kernelRuleCheck`, src/rules/kernel-check.ts): every list, every field a list
 * allows with the operators both allow, `-S` per arch, `-C`, watches and several keys. Fields whose
 * listing cannot be compiled back (filetype, `unset`, names that print as numbers) are left out;
 * the differential test feeds those to libaudit separately.
 */
export interface RuleArbitraryOptions {
  /** Host machine for `b32`/`b64` and rules without `-F arch`. Default `x86_64`. */
  readonly host?: string;
  /** Also make `io_uring` list rules (audit-userspace 3.1; libaudit 3.0.9 refuses them). Default false. */
  readonly ioUring?: boolean;
  /**
   * The LSM of the kernel the rules are for (see `KernelLsm`). With the default `none`, no
   * `subj_*`/`obj_*` field is generated: whether the kernel keeps one depends on the LSM.
   * `selinux`: all ten label fields, with the operators the kernel allows. `apparmor`: the label
   * fields, `subj_role` only as `=`/`!=` `unconfined` (a profile that is always loaded).
   */
  readonly lsm?: KernelLsm;
  /**
   * Paths for `-w`, `-F path=`, `-F dir=` and `-F exe=`. The kernel resolves them when it adds
   * the rule (ENOENT otherwise): a watch needs its parent directory to exist, `dir=` the
   * directory itself, `exe=` its parent directory (and on recent kernels the file). Default
   * `COMMON_HOST_PATHS`; `'random'` makes up paths (host-dependent ENOENT).
   */
  readonly paths?: HostPaths | 'random';
}

/** Existing paths on the target host: directories (watch parents, `dir=`) and files (`exe=`, watches). */
export interface HostPaths {
  readonly dirs: readonly string[];
  readonly files: readonly string[];
}

/** Directories and files that exist on practically every Linux host (FHS, coreutils, a shell). */
export const COMMON_HOST_PATHS: HostPaths = {
  dirs: ['/etc', '/usr', '/usr/bin', '/usr/lib', '/usr/sbin', '/var', '/var/log', '/tmp'],
  files: ['/etc/passwd', '/etc/group', '/etc/hosts', '/usr/bin/env', '/usr/bin/ls', '/usr/bin/true', '/bin/sh'],
};

type Op = '=' | '!=' | '<' | '>' | '<=' | '>=' | '&' | '&=';
/** kernel audit_field_valid: syscall arguments, pers and devminor take every operator. */
const ALL_OPS: readonly Op[] = ['=', '!=', '<', '>', '<=', '>=', '&', '&='];
/** kernel audit_field_valid: ids, numbers and levels take no bitmask operator. */
const NOBIT_OPS: readonly Op[] = ['=', '!=', '<', '>', '<=', '>='];
const EQ_OPS: readonly Op[] = ['=', '!='];

const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/);
const label = fc.array(word, { minLength: 1, maxLength: 3 }).map((p) => p.join(':'));
const segment = fc.stringMatching(/^[a-zA-Z0-9_.-]{1,8}$/).filter((s) => s !== '.' && s !== '..');
const randomPath = fc.array(segment, { minLength: 1, maxLength: 4 }).map((p) => `/${p.join('/')}`);
const keyText = fc.stringMatching(/^[a-zA-Z0-9_.-]{1,20}$/);
const natDec = fc.integer({ min: 0, max: 0x7fffffff }).map(String);
const errnoNames = [...ERRNO_NAMES.values()];

interface PathArbs {
  /** A path whose parent directory exists (watches, `path=`). */
  readonly watch: fc.Arbitrary<string>;
  /** An existing directory (`dir=`). */
  readonly dir: fc.Arbitrary<string>;
  /** An existing file (`exe=`). */
  readonly file: fc.Arbitrary<string>;
}

function pathArbs(paths: HostPaths | 'random'): PathArbs {
  if (paths === 'random') return { watch: randomPath, dir: randomPath, file: randomPath };
  const dirs = fc.constantFrom(...paths.dirs);
  const files = fc.constantFrom(...paths.files);
  const below = fc.tuple(dirs, segment).map(([d, leaf]) => `${d === '/' ? '' : d}/${leaf}`);
  // Mostly a fresh name below an existing directory: fewer repeats, which the kernel answers EEXIST.
  return { watch: fc.oneof({ arbitrary: below, weight: 4 }, { arbitrary: files, weight: 1 }, { arbitrary: dirs, weight: 1 }), dir: dirs, file: files };
}

function field(name: string, ops: readonly Op[], value: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...ops), value).map(([op, v]) => ` -F ${name}${op}${v}`);
}

const UID_FIELDS = ['uid', 'euid', 'suid', 'fsuid', 'auid', 'obj_uid'];
const GID_FIELDS = ['gid', 'egid', 'sgid', 'fsgid', 'obj_gid'];
/** kernel audit_field_valid: user, role and type labels take = and != only; levels no bitmask. */
const SUBJ: readonly (readonly [string, readonly Op[]])[] = [
  ['subj_user', EQ_OPS], ['subj_role', EQ_OPS], ['subj_type', EQ_OPS], ['subj_sen', NOBIT_OPS], ['subj_clr', NOBIT_OPS],
];
const OBJ: readonly (readonly [string, readonly Op[]])[] = [
  ['obj_user', EQ_OPS], ['obj_role', EQ_OPS], ['obj_type', EQ_OPS], ['obj_lev_low', NOBIT_OPS], ['obj_lev_high', NOBIT_OPS],
];

function lsmFields(rows: readonly (readonly [string, readonly Op[]])[], lsm: KernelLsm): fc.Arbitrary<string>[] {
  if (lsm === 'none' || lsm === 'selinux-no-policy') return [];
  return rows.map(([n, ops]) => (lsm === 'apparmor' && n === 'subj_role' ? field(n, EQ_OPS, fc.constant('unconfined')) : field(n, ops, label)));
}

/** uid fields: never 4294967295 (make_kuid refuses it); `auid=-1` / `auid!=-1` is the kernel's loginuid_set test. */
function uidFields(names: readonly string[]): fc.Arbitrary<string>[] {
  return [...names.map((n) => field(n, NOBIT_OPS, natDec)), ...(names.includes('auid') ? [field('auid', EQ_OPS, fc.constant('-1'))] : [])];
}

/** Field generators by list; `exit` adds the exit-only ones. */
function fieldsFor(list: string, lsm: KernelLsm, paths: PathArbs): fc.Arbitrary<string>[] {
  const subj = lsmFields(SUBJ, lsm);
  // auditctl -l prints path, dir and exe with `=` whatever the operator, so only `=` lists back.
  const exe = field('exe', ['='], paths.file);
  const msgtype = field('msgtype', NOBIT_OPS, fc.constantFrom(...LIBAUDIT_MSG_TYPES.map(([, s]) => s)));
  if (list === 'exclude') {
    return [field('pid', NOBIT_OPS, natDec), ...uidFields(['uid', 'auid']), field('gid', NOBIT_OPS, natDec), msgtype, exe, ...subj];
  }
  if (list === 'filesystem') return [field('fstype', EQ_OPS, fc.constantFrom('debugfs', 'tracefs'))];
  const common = [
    ...uidFields(UID_FIELDS),
    ...GID_FIELDS.map((n) => field(n, NOBIT_OPS, natDec)),
    field('pid', NOBIT_OPS, natDec), field('pers', ALL_OPS, natDec),
    ...['a0', 'a1', 'a2', 'a3'].map((n) => field(n, ALL_OPS, fc.nat({ max: 0xffffffff }).map((v) => `0x${v.toString(16).toUpperCase()}`))),
    field('saddr_fam', NOBIT_OPS, fc.integer({ min: 0, max: 45 }).map(String)),
    exe, ...subj,
  ];
  if (list === 'user') return [...common, msgtype, field('sessionid', NOBIT_OPS, natDec)];
  if (list === 'task') return common;
  return [
    ...common,
    field('sessionid', NOBIT_OPS, natDec),
    ...lsmFields(OBJ, lsm),
    field('ppid', NOBIT_OPS, natDec), field('devmajor', NOBIT_OPS, natDec), field('devminor', ALL_OPS, natDec),
    field('success', NOBIT_OPS, fc.constantFrom('0', '1')),
    field('inode', EQ_OPS, fc.nat({ max: 0xffffffff }).map(String)),
    field('exit', NOBIT_OPS, fc.oneof(fc.constantFrom(...errnoNames).map((e) => `-${e}`), fc.nat({ max: 4095 }).map(String))),
    field('path', ['='], paths.watch), field('dir', ['='], paths.dir),
    fc.constantFrom(...perms()).map((p) => ` -F perm=${p}`),
    fc.tuple(fc.constantFrom(...COMPARISONS), fc.constantFrom('=', '!=')).map(([[, l, r], op]) => ` -C ${l}${op}${r}`),
  ];
}

/**
 * kernel audit_to_watch / audit_make_tree / audit_to_inode: at most one of path, dir and inode in
 * a rule; audit_data_to_entry: at most one exe.
 */
function kernelFieldMix(fs: readonly string[]): boolean {
  const paths = fs.filter((f) => f.startsWith(' -F path=') || f.startsWith(' -F dir=') || f.startsWith(' -F inode')).length;
  const exes = fs.filter((f) => f.startsWith(' -F exe=')).length;
  return paths <= 1 && exes <= 1;
}

function perms(): string[] {
  const out: string[] = [];
  for (let m = 1; m < 16; m++) out.push(PERM_LETTERS.filter(([, b]) => (m & b) !== 0).map(([l]) => l).join(''));
  return out;
}

/** Syscall names that list back as themselves on `machine` (one name per number). */
function printableSyscalls(machine: number): readonly (readonly [number, string])[] {
  const name = machineName(machine);
  const rows = name === undefined ? [] : (LIBAUDIT_SYSCALLS[name] ?? []);
  return rows.filter(([n, s]) => syscallName(n, machine) === s && syscallNumber(s, machine) === n);
}

function syscallPart(machine: number): fc.Arbitrary<string> {
  const table = printableSyscalls(machine);
  return fc.uniqueArray(fc.constantFrom(...table), { minLength: 1, maxLength: 6, selector: ([n]) => n })
    .map((picked) => ` -S ${[...picked].sort((a, b) => a[0] - b[0]).map(([, s]) => s).join(',')}`);
}

const keys = fc.array(keyText, { minLength: 1, maxLength: 3 }).filter((k) => k.join('\x01').length <= 256);

/**
 * Valid rules in `auditctl -l` form.
 *
 * @example
 * fc.sample(ruleTextArbitrary(), 1)[0] // e.g. '-a always,exit -F arch=b64 -S open -F uid=0 -F key=k'
 */
export function ruleTextArbitrary(options: RuleArbitraryOptions = {}): fc.Arbitrary<string> {
  const host = options.host ?? 'x86_64';
  const lsm = options.lsm ?? 'none';
  const paths = pathArbs(options.paths ?? COMMON_HOST_PATHS);
  const fieldList = (list: string, min: number, max: number): fc.Arbitrary<string[]> =>
    fc.array(fc.oneof(...fieldsFor(list, lsm, paths)), { minLength: min, maxLength: max }).filter(kernelFieldMix);
  const action = fc.constantFrom('always', 'never');
  const watch = fc.tuple(paths.watch, fc.constantFrom(...perms()), fc.array(keyText, { maxLength: 3 }))
    .map(([p, perm, ks]) => `-w ${p} -p ${perm}${ks.map((k) => ` -k ${k}`).join('')}`);
  const exit = fc.tuple(action, fc.constantFrom('b64', 'b32', ''), fc.boolean()).chain(([act, bits, all]) => {
    const machine = determineMachine(bits === '' ? host : bits, host);
    const sys = all && bits !== '' ? fc.constant(' -S all') : syscallPart(machine);
    const arch = bits === '' ? '' : ` -F arch=${bits}`;
    return fc.tuple(sys, fieldList('exit', 0, 5), fc.option(keys, { nil: undefined }))
      .map(([s, fs, ks]) => `-a ${act},exit${arch}${s}${fs.join('')}${(ks ?? []).map((k) => ` -F key=${k}`).join('')}`);
  });
  const other = fc.tuple(action, fc.constantFrom('user', 'task', 'exclude', 'filesystem')).chain(([act, list]) =>
    fc.tuple(fieldList(list, 1, list === 'filesystem' ? 2 : 5), fc.option(keys, { nil: undefined })).map(([fs, ks]) => {
      const keyed = ks !== undefined && list !== 'exclude' && fs.some((f) => f.startsWith(' -F exe') || f.startsWith(' -F fstype'));
      return `-a ${act},${list}${fs.join('')}${keyed ? ks.map((k) => ` -F key=${k}`).join('') : ''}`;
    }));
  const uring = fc.tuple(action, fc.uniqueArray(fc.nat({ max: 63 }), { minLength: 1, maxLength: 4 }), fieldList('task', 0, 3), fc.option(keys, { nil: undefined }))
    .map(([act, ops, fs, ks]) => `-a ${act},io_uring -S ${[...ops].sort((a, b) => a - b).join(',')}${fs.join('')}${(ks ?? []).map((k) => ` -F key=${k}`).join('')}`);
  return options.ioUring === true ? fc.oneof(watch, exit, other, uring) : fc.oneof(watch, exit, other);
}
