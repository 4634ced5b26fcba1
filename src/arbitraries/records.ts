import fc from 'fast-check';
import { syscallBody, type SyscallValues } from '../audit/dialects/index.js';
import { toHexUpper } from '../bytes/hex.js';
import { encodeUntrusted } from '../records/build.js';
import type { RecordTime } from '../records/types.js';
import {
  absPathArbitrary, commArbitrary, idArbitrary, keyArbitrary, nameComponentArbitrary, pidArbitrary, sessionArbitrary, subjArbitrary,
} from './primitives.js';
import { memo } from './memo.js';

/**
 * One text record before framing: its type and its body, the text after `audit(SEC.MS:SERIAL): `
 * exactly as the kernel prints it (field order, quoting and hex of the kernel's audit_log_*).
 */
export interface RecordSpec {
  readonly type: number;
  readonly body: string;
}

/** Records sharing one stamp: an event. Syscall events end with EOE; single-record events do not. */
export interface EventSpec {
  readonly time: RecordTime;
  readonly serial: number;
  readonly records: readonly RecordSpec[];
}

export const RECORD_TYPES = {
  SYSCALL: 1300, PATH: 1302, CONFIG_CHANGE: 1305, SOCKADDR: 1306, CWD: 1307, EXECVE: 1309, EOE: 1320, PROCTITLE: 1327,
} as const;

/** Architectures and the syscall numbers the generated events use (arch/x86, arm64, i386 tables). */
const ARCHES = [
  { arch: 0xc000003e, openat: 257, execve: 59, connect: 42, clone: 56, write: 1 },
  { arch: 0xc00000b7, openat: 56, execve: 221, connect: 203, clone: 220, write: 64 },
  { arch: 0x40000003, openat: 295, execve: 11, connect: 362, clone: 120, write: 4 },
] as const;
export type ArchSyscalls = (typeof ARCHES)[number];

export const archArbitrary: fc.Arbitrary<ArchSyscalls> = fc.constantFrom(...ARCHES);

const utf8 = new TextEncoder();
const u64 = fc.bigInt({ min: 0n, max: 0xffff_ffff_ffff_ffffn });

export interface RecordArbitraryOptions {
  readonly maxStringLength?: number;
}

/**
 * The values of a SYSCALL record for `syscall` on `arch` (formatted by the dialect module's
 * `syscallBody`, the kernel's `audit_log_exit` order).
 */
export function syscallValuesArbitrary(arch: number, syscall: number, items: number, opts: RecordArbitraryOptions = {}): fc.Arbitrary<SyscallValues> {
  const max = opts.maxStringLength ?? 24;
  return memo(`syscall:${max}`, () => fc
    .record({
      exit: fc.option(fc.oneof(fc.bigInt({ min: -133n, max: -1n }), fc.bigInt({ min: 0n, max: 65_535n })), { nil: undefined }),
      args: fc.tuple(u64, u64, u64, u64),
      ppid: pidArbitrary,
      pid: pidArbitrary,
      auid: idArbitrary,
      uid: idArbitrary,
      gid: idArbitrary,
      tty: fc.constantFrom('(none)', 'pts0', 'pts1', 'tty1'),
      ses: sessionArbitrary,
      comm: commArbitrary,
      exe: fc.option(absPathArbitrary(max), { nil: null }),
      subj: fc.option(subjArbitrary, { nil: undefined }),
      key: keyArbitrary,
    }))
    .map((v) => ({
      arch, syscall, items, args: v.args, ppid: v.ppid, pid: v.pid, auid: v.auid,
      uid: v.uid, gid: v.gid, euid: v.uid, suid: v.uid, fsuid: v.uid, egid: v.gid, sgid: v.gid, fsgid: v.gid,
      tty: v.tty, ses: v.ses, comm: v.comm, exe: v.exe, key: v.key,
      ...(v.exit === undefined ? {} : { exit: v.exit }),
      ...(v.subj === undefined ? {} : { subj: v.subj }),
    }));
}

/**
 * A SYSCALL record body.
 *
 * @example fc.sample(syscallRecordArbitrary(), 1)[0].body // 'arch=c000003e syscall=257 success=yes exit=3 a0=...'
 */
export function syscallRecordArbitrary(opts: RecordArbitraryOptions = {}): fc.Arbitrary<RecordSpec> {
  return fc.tuple(archArbitrary, fc.integer({ min: 0, max: 4 })).chain(([a, items]) =>
    syscallValuesArbitrary(a.arch, a.openat, items, opts).map((v) => ({ type: RECORD_TYPES.SYSCALL, body: syscallBody(v) })),
  );
}

const dev = fc.tuple(fc.integer({ min: 0, max: 259 }), fc.integer({ min: 0, max: 255 })).map(([a, b]) => `${hex2(a)}:${hex2(b)}`);
function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/**
 * A PATH record body (`audit_log_name`): `item= name= inode= dev= mode= ouid= ogid= rdev=
 * nametype= cap_fp= cap_fi= cap_fe= cap_fver= cap_frootid=`, or the short form of a name
 * without an inode.
 */
export function pathRecordArbitrary(item: number, opts: RecordArbitraryOptions = {}): fc.Arbitrary<RecordSpec> {
  const max = opts.maxStringLength ?? 24;
  return memo(`path-record:${item}:${max}`, () => pathRecord(item, max));
}

function pathRecord(item: number, max: number): fc.Arbitrary<RecordSpec> {
  const name = fc.oneof({ weight: 5, arbitrary: absPathArbitrary(max).map((p) => encodeUntrusted(p)) }, { weight: 1, arbitrary: fc.constant('(null)') });
  const full = fc
    .record({
      name,
      inode: fc.integer({ min: 2, max: 0xffffffff }),
      dev,
      mode: fc.constantFrom('0100644', '0100755', '040755', '0100600', '020620', '0120777'),
      ouid: idArbitrary,
      ogid: idArbitrary,
      nametype: fc.constantFrom('NORMAL', 'PARENT', 'CREATE', 'DELETE'),
    })
    .map((v) => `item=${item} name=${v.name} inode=${v.inode} dev=${v.dev} mode=${v.mode} ouid=${v.ouid} ogid=${v.ogid} rdev=00:00 nametype=${v.nametype} cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0`);
  const short = name.map((n) => `item=${item} name=${n} nametype=UNKNOWN cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0`);
  return fc.oneof({ weight: 5, arbitrary: full }, { weight: 1, arbitrary: short }).map((body) => ({ type: RECORD_TYPES.PATH, body }));
}

/**
 * A CWD record body: `cwd=` quoted or hex.
 *
 * @example fc.sample(cwdRecordArbitrary(), 1)[0].body // 'cwd="/root"' or 'cwd=2F6D792066696C65'
 */
export function cwdRecordArbitrary(opts: RecordArbitraryOptions = {}): fc.Arbitrary<RecordSpec> {
  const max = opts.maxStringLength ?? 24;
  return memo(`cwd:${max}`, () => absPathArbitrary(max).map((p) => ({ type: RECORD_TYPES.CWD, body: `cwd=${encodeUntrusted(p)}` })));
}

/**
 * Command lines: a program and arguments, some with spaces or non-ASCII (hex), some long (split).
 *
 * @example fc.sample(argvArbitrary(), 1)[0] // e.g. ['/bin/ls', '-l', 'my file']
 */
export function argvArbitrary(opts: RecordArbitraryOptions & { readonly longArgs?: boolean } = {}): fc.Arbitrary<string[]> {
  const max = opts.maxStringLength ?? 24;
  return memo(`argv:${max}:${opts.longArgs !== false}`, () => argv(max, opts.longArgs !== false));
}

function argv(max: number, longArgs: boolean): fc.Arbitrary<string[]> {
  const arg = fc.oneof(
    { weight: 4, arbitrary: fc.stringMatching(/^[a-zA-Z0-9_./=-]{1,12}$/) },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: nameComponentArbitrary(max) },
    { weight: longArgs ? 1 : 0, arbitrary: fc.string({ minLength: 20, maxLength: Math.max(40, max * 3), unit: 'grapheme-ascii' }) },
  );
  return fc.tuple(fc.constantFrom('/bin/ls', 'cat', 'sh', 'python3', 'curl'), fc.array(arg, { maxLength: 5 })).map(([p, a]) => [p, ...a]);
}

/**
 * EXECVE record bodies for `argv`, as `audit_log_execve_info` writes them: `argc=N a0=... a1=...`,
 * an argument longer than `chunk` bytes as `aN_len=L aN[0]=... aN[1]=...` (each chunk quoted or
 * hex on its own), and the fields spread over several EXECVE records when `perRecord` is reached
 * (only the first has `argc=`).
 *
 * @example execveBodies(['ls', 'a b'], 16, 8) // ['argc=2 a0="ls" a1=612062']
 */
export function execveBodies(argv: readonly string[], chunk: number, perRecord: number): string[] {
  const fields: string[] = [];
  argv.forEach((a, i) => {
    const bytes = utf8.encode(a);
    if (bytes.length <= chunk) {
      fields.push(`a${i}=${encodeUntrusted(bytes)}`);
      return;
    }
    fields.push(`a${i}_len=${bytes.length}`);
    for (let c = 0, k = 0; c < bytes.length; c += chunk, k++) fields.push(`a${i}[${k}]=${encodeUntrusted(bytes.subarray(c, c + chunk))}`);
  });
  const bodies: string[] = [];
  let current = [`argc=${argv.length}`];
  for (const f of fields) {
    if (current.length >= perRecord) {
      bodies.push(current.join(' '));
      current = [];
    }
    current.push(f);
  }
  bodies.push(current.join(' '));
  return bodies;
}

/**
 * PROCTITLE: the argument area, NUL-separated, quoted when it is one plain word and hex otherwise.
 *
 * @example proctitleBody(['cat', '/etc/passwd']) // 'proctitle=636174002F6574632F706173737764'
 */
export function proctitleBody(argv: readonly string[]): string {
  const bytes = utf8.encode(argv.join('\0')).subarray(0, 128);
  return `proctitle=${encodeUntrusted(bytes)}`;
}

/**
 * A `struct sockaddr` as the kernel logs it in SOCKADDR (`saddr=` upper-case hex), in host byte order for the family.
 *
 * @example fc.sample(sockaddrArbitrary(true), 1)[0][0] // 2, 10 or 1 (AF_INET, AF_INET6, AF_UNIX)
 */
export function sockaddrArbitrary(littleEndian: boolean): fc.Arbitrary<Uint8Array> {
  const family = (f: number): number[] => (littleEndian ? [f & 0xff, f >> 8] : [f >> 8, f & 0xff]);
  const inet = fc
    .tuple(fc.integer({ min: 1, max: 65_535 }), fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)))
    .map(([port, ip]) => Uint8Array.from([...family(2), port >> 8, port & 0xff, ...ip, 0, 0, 0, 0, 0, 0, 0, 0]));
  const inet6 = fc
    .tuple(fc.integer({ min: 1, max: 65_535 }), fc.uint8Array({ minLength: 16, maxLength: 16 }))
    .map(([port, ip]) => Uint8Array.from([...family(10), port >> 8, port & 0xff, 0, 0, 0, 0, ...ip, 0, 0, 0, 0]));
  const unix = fc
    .constantFrom('/run/systemd/journal/socket', '/var/run/nscd/socket', '/tmp/.X11-unix/X0')
    .map((p) => Uint8Array.from([...family(1), ...utf8.encode(p), 0]));
  return fc.oneof(inet, inet6, unix);
}

/**
 * A CONFIG_CHANGE body as `audit_log_rule_change` writes it (auditctl -a/-d).
 *
 * @example fc.sample(configChangeArbitrary(), 1)[0].body // 'auid=1000 ses=2 op=add_rule key="k" list=4 res=1'
 */
export function configChangeArbitrary(): fc.Arbitrary<RecordSpec> {
  return memo('config-change', () => configChange());
}

function configChange(): fc.Arbitrary<RecordSpec> {
  return fc
    .record({
      auid: idArbitrary,
      ses: sessionArbitrary,
      subj: fc.option(subjArbitrary, { nil: undefined }),
      op: fc.constantFrom('add_rule', 'remove_rule'),
      key: keyArbitrary,
      list: fc.constantFrom(0, 1, 4, 5, 6),
      res: fc.constantFrom(0, 1),
    })
    .map((v) => ({
      type: RECORD_TYPES.CONFIG_CHANGE,
      body: `auid=${v.auid} ses=${v.ses}${v.subj === undefined ? '' : ` subj=${v.subj}`} op=${v.op} key=${v.key === null ? '(null)' : encodeUntrusted(v.key)} list=${v.list} res=${v.res}`,
    }));
}

/** User message types libaudit and PAM send (1100–1199, 2100–2999). */
export const USER_MESSAGE_TYPES = [1100, 1101, 1103, 1104, 1105, 1106, 1112, 1113, 1123, 1130, 1131, 2100] as const;

/**
 * The text a user-space program hands to `audit_log_user_message` (and libaudit formats with
 * `audit_encode_nv_string`): `op=... acct="..." exe="..." hostname=? addr=? terminal=... res=...`.
 */
export function userMessageTextArbitrary(opts: RecordArbitraryOptions = {}): fc.Arbitrary<string> {
  const max = opts.maxStringLength ?? 24;
  return fc
    .record({
      op: fc.constantFrom('PAM:session_open', 'PAM:authentication', 'PAM:accounting', 'PAM:setcred', 'login', 'changing-password'),
      grantors: fc.option(fc.constantFrom('pam_unix', 'pam_unix,pam_permit', 'pam_env,pam_unix'), { nil: undefined }),
      acct: fc.oneof(fc.constantFrom('root', 'alice', 'bob'), nameComponentArbitrary(max)),
      exe: fc.constantFrom('/usr/bin/sudo', '/usr/sbin/sshd', '/usr/bin/login', '/usr/bin/su'),
      hostname: fc.constantFrom('?', 'localhost', '192.0.2.7'),
      addr: fc.constantFrom('?', '192.0.2.7', '::1'),
      terminal: fc.constantFrom('/dev/pts/0', 'ssh', 'tty1', 'cron'),
      res: fc.constantFrom('success', 'failed'),
    })
    .map(
      (v) =>
        `op=${v.op}${v.grantors === undefined ? '' : ` grantors=${v.grantors}`} acct=${encodeUntrusted(v.acct)} exe=${encodeUntrusted(v.exe)} hostname=${v.hostname} addr=${v.addr} terminal=${v.terminal} res=${v.res}`,
    );
}

/**
 * The record the kernel makes of a user message (`audit_log_user_recv_msg` + ` msg='...'`).
 *
 * @example userRecordBody({ pid: 1, uid: 0, auid: 0, ses: 1, text: 'op=login res=success' }) // "pid=1 uid=0 auid=0 ses=1 msg='op=login res=success'"
 */
export function userRecordBody(v: { pid: number; uid: number; auid: number; ses: number; subj?: string | undefined; text: string }): string {
  return `pid=${v.pid} uid=${v.uid} auid=${v.auid} ses=${v.ses}${v.subj === undefined ? '' : ` subj=${v.subj}`} msg='${v.text}'`;
}

export interface SyscallEventOptions extends RecordArbitraryOptions {
  /** Bytes per EXECVE chunk (`aN[k]=`). Default 16. */
  readonly execveChunk?: number;
}

/**
 * The records of one syscall event in the order the kernel emits them: SYSCALL, the auxiliary
 * records (EXECVE…, SOCKADDR), CWD, PATH items, PROCTITLE, then EOE. Three shapes: a file open,
 * an execve (with split arguments and several EXECVE records), a connect (with SOCKADDR).
 */
export function syscallEventRecordsArbitrary(littleEndian: boolean, opts: SyscallEventOptions = {}): fc.Arbitrary<RecordSpec[]> {
  const chunk = opts.execveChunk ?? 16;
  return memo(`event:${littleEndian}:${opts.maxStringLength ?? 24}:${chunk}`, () => syscallEvent(littleEndian, opts, chunk));
}

function syscallEvent(littleEndian: boolean, opts: SyscallEventOptions, chunk: number): fc.Arbitrary<RecordSpec[]> {
  const cwd = cwdRecordArbitrary(opts);
  const open = archArbitrary.chain((a) =>
    fc.integer({ min: 1, max: 2 }).chain((items) =>
      fc.tuple(syscallValuesArbitrary(a.arch, a.openat, items, opts), cwd, fc.tuple(...Array.from({ length: items }, (_, i) => pathRecordArbitrary(i, opts))), argvArbitrary({ ...opts, longArgs: false })).map(
        ([sc, c, paths, argv]) => [{ type: RECORD_TYPES.SYSCALL, body: syscallBody(sc) }, c, ...paths, { type: RECORD_TYPES.PROCTITLE, body: proctitleBody(argv) }],
      ),
    ),
  );
  const exec = archArbitrary.chain((a) =>
    fc.tuple(syscallValuesArbitrary(a.arch, a.execve, 2, opts), argvArbitrary(opts), fc.integer({ min: 2, max: 8 }), cwd, pathRecordArbitrary(0, opts), pathRecordArbitrary(1, opts)).map(
      ([sc, argv, perRecord, c, p0, p1]) => [
        { type: RECORD_TYPES.SYSCALL, body: syscallBody(sc) },
        ...execveBodies(argv, chunk, perRecord).map((body) => ({ type: RECORD_TYPES.EXECVE, body })),
        c, p0, p1,
        { type: RECORD_TYPES.PROCTITLE, body: proctitleBody(argv) },
      ],
    ),
  );
  const connect = archArbitrary.chain((a) =>
    fc.tuple(syscallValuesArbitrary(a.arch, a.connect, 0, opts), sockaddrArbitrary(littleEndian), argvArbitrary({ ...opts, longArgs: false })).map(([sc, sa, argv]) => [
      { type: RECORD_TYPES.SYSCALL, body: syscallBody(sc) },
      { type: RECORD_TYPES.SOCKADDR, body: `saddr=${toHexUpper(sa)}` },
      { type: RECORD_TYPES.PROCTITLE, body: proctitleBody(argv) },
    ]),
  );
  return fc.oneof(open, exec, connect).map((rs) => [...rs, { type: RECORD_TYPES.EOE, body: '' }]);
}
