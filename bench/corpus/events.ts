/**
 * Kernel-shaped audit events, deterministic from a seed. The same stream feeds the audit.log writer
 * (`auditlog.ts`) and the pcap writer (`pcap.ts`), so both corpora hold the same kind of traffic.
 *
 * Formats follow reference §4 (audit-netlink.md): SYSCALL/CWD/PATH/PROCTITLE/EOE in kernel emission
 * order, EXECVE with quoted or hex arguments and long arguments split as `aN_len=` + `aN[i]=` over
 * several EXECVE records, SOCKADDR as hex, user messages echoed by the kernel
 * (`pid= uid= auid= ses= subj= msg='...'`), LOGIN, CONFIG_CHANGE, AVC. Values that need encoding
 * (a byte `"`, < 0x21 or > 0x7e) are written as upper-case hex, as `audit_log_untrustedstring` does.
 */
import { Rng } from './rng.js';

export interface GenRecord {
  /** Message type number (AUDIT_*). */
  readonly type: number;
  /** The name auditd prints after `type=`. */
  readonly name: string;
  /** Text after `audit(SEC.MSEC:SERIAL): ` (empty for EOE). */
  readonly body: string;
  /** ENRICHED suffix (after 0x1D) that auditd's `log_format = ENRICHED` would append; '' if none. */
  readonly enrich: string;
}

export interface GenEvent {
  readonly sec: number;
  readonly msec: number;
  readonly serial: number;
  readonly records: readonly GenRecord[];
  /** Syscall events end with an EOE record on the wire (never written to audit.log). */
  readonly eoe: boolean;
}

export type Shape = 'dense' | 'sparse';

export interface EventOptions {
  readonly seed: number;
  /** dense: events 0-3 ms apart (busy host); sparse: 1-6 s apart. */
  readonly shape: Shape;
  /** First event time, seconds since the epoch. */
  readonly startSec?: number;
}

export const T = {
  LOGIN: 1006,
  USER_AUTH: 1100,
  USER_ACCT: 1101,
  CRED_ACQ: 1103,
  CRED_DISP: 1104,
  USER_START: 1105,
  USER_END: 1106,
  CRED_REFR: 1110,
  USER_LOGIN: 1112,
  USER_CMD: 1123,
  SERVICE_START: 1130,
  SERVICE_STOP: 1131,
  SYSCALL: 1300,
  PATH: 1302,
  CONFIG_CHANGE: 1305,
  SOCKADDR: 1306,
  CWD: 1307,
  EXECVE: 1309,
  EOE: 1320,
  PROCTITLE: 1327,
  AVC: 1400,
} as const;

const NAMES: ReadonlyMap<number, string> = new Map(Object.entries(T).map(([k, v]) => [v, k]));

function rec(type: number, body: string, enrich = ''): GenRecord {
  return { type, name: NAMES.get(type) ?? `UNKNOWN[${type}]`, body, enrich };
}

/** Does the kernel hex-encode this string? (`audit_string_contains_control`) */
export function needsHex(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c < 0x21 || c > 0x7e) return true;
  }
  return false;
}

const HEX = '0123456789ABCDEF';
/** Upper-case hex of the string's UTF-8 bytes. */
export function toHex(s: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(s)) out += HEX[b >> 4]! + HEX[b & 15]!;
  return out;
}

/** `audit_log_untrustedstring`: `"value"` or HEX. */
export function untrusted(s: string): string {
  return needsHex(s) ? toHex(s) : `"${s}"`;
}

/** libaudit's `audit_encode_nv_string` rule for values inside `msg='...'`. */
function userValue(s: string): string {
  return needsHex(s) ? toHex(s) : `"${s}"`;
}

// ---------------------------------------------------------------------------------------------------
// The host: a fixed population of processes, users, files, derived from the seed.

interface Proc {
  comm: string;
  exe: string;
  argv: string[];
  pid: number;
  ppid: number;
  uid: number;
  auid: number;
  ses: number;
  tty: string;
  subj: string;
  cwd: string;
}

const PROGRAMS: readonly (readonly [string, string, string[]])[] = [
  ['bash', '/usr/bin/bash', ['-bash']],
  ['sshd', '/usr/sbin/sshd', ['sshd: alice [priv]']],
  ['cron', '/usr/sbin/cron', ['/usr/sbin/cron', '-f']],
  ['systemd', '/usr/lib/systemd/systemd', ['/sbin/init', 'splash']],
  ['python3', '/usr/bin/python3.11', ['/usr/bin/python3', '/opt/app/worker.py', '--queue', 'default']],
  ['node', '/usr/bin/node', ['node', '/srv/api/server.js']],
  ['java', '/usr/lib/jvm/java-17-openjdk-amd64/bin/java', ['java', '-Xmx2g', '-jar', '/opt/svc/service.jar']],
  ['nginx', '/usr/sbin/nginx', ['nginx: worker process']],
  ['postgres', '/usr/lib/postgresql/15/bin/postgres', ['postgres: checkpointer']],
  ['containerd', '/usr/bin/containerd', ['/usr/bin/containerd']],
  ['dockerd', '/usr/bin/dockerd', ['/usr/bin/dockerd', '-H', 'fd://']],
  ['kubelet', '/usr/bin/kubelet', ['/usr/bin/kubelet', '--config=/var/lib/kubelet/config.yaml']],
  ['sudo', '/usr/bin/sudo', ['sudo', 'systemctl', 'restart', 'nginx']],
  ['git', '/usr/bin/git', ['git', 'fetch', '--all']],
  ['make', '/usr/bin/make', ['make', '-j4']],
  ['cc1', '/usr/lib/gcc/x86_64-linux-gnu/12/cc1', ['/usr/lib/gcc/x86_64-linux-gnu/12/cc1', '-quiet', 'main.c']],
  ['Web Content', '/usr/lib/firefox/firefox', ['/usr/lib/firefox/firefox', '-contentproc']],
  ['tokio-runtime-w', '/opt/My Tools/bin/agent', ['/opt/My Tools/bin/agent', '--daemon']],
  ['logrotate', '/usr/sbin/logrotate', ['/usr/sbin/logrotate', '/etc/logrotate.conf']],
  ['rsyslogd', '/usr/sbin/rsyslogd', ['/usr/sbin/rsyslogd', '-n', '-iNONE']],
];

const SUBJECTS = [
  'unconfined',
  'system_u:system_r:sshd_t:s0-s0:c0.c1023',
  'unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023',
  'system_u:system_r:crond_t:s0-s0:c0.c1023',
  'system_u:system_r:init_t:s0',
  'system_u:system_r:container_runtime_t:s0',
];

const KEYS = ['(null)', '(null)', '(null)', '"identity"', '"access"', '"exec"', '"perm_mod"', '"delete"', '"network"', '"privileged"'];
const CWDS = ['/', '/root', '/home/alice', '/home/bob/src/project', '/var/lib/postgresql', '/srv/api', '/tmp', '/home/carol/My Documents', '/usr/src/RPM/BUILD/zlib-1.2.11-alt1'];
const FILES = [
  '/etc/passwd', '/etc/shadow', '/etc/group', '/etc/hosts', '/etc/resolv.conf', '/etc/ld.so.cache',
  '/lib/x86_64-linux-gnu/libc.so.6', '/lib64/ld-linux-x86-64.so.2', '/usr/lib/locale/locale-archive',
  '/var/log/syslog', '/var/lib/dpkg/status', '/proc/self/status', '/dev/null', '/tmp/tmp.k2Pq9xZ',
  '/home/alice/.bash_history', '/home/carol/My Documents/report 2024.pdf', '/srv/api/node_modules/express/index.js',
  '/var/lib/kubelet/pods/3f1c/volumes/kubernetes.io~secret/token', 'caf\u00e9.txt', '../data/input.csv',
];
const HOSTS = ['192.0.2.10', '198.51.100.23', '203.0.113.5', '10.0.0.14', '?'];
const USERS = ['root', 'alice', 'bob', 'carol', 'www-data', 'postgres', 'john doe'];
const UIDS = [0, 0, 0, 1000, 1001, 1002, 33, 108, 4294967295];
const UNITS = ['systemd-tmpfiles-clean', 'apt-daily', 'logrotate', 'man-db', 'fstrim', 'user@1000', 'session-42', 'docker', 'nginx'];

// x86_64 syscall numbers with the PATH items they usually carry.
const SYSCALLS: readonly (readonly [weight: number, name: string, nr: number, items: number])[] = [
  [30, 'openat', 257, 1],
  [8, 'unlinkat', 263, 2],
  [6, 'renameat2', 316, 4],
  [6, 'fchmodat', 268, 1],
  [5, 'fchownat', 260, 1],
  [4, 'mkdirat', 258, 2],
  [3, 'setxattr', 188, 1],
  [2, 'mount', 165, 2],
  [3, 'setresuid', 117, 0],
  [3, 'kill', 62, 0],
];

const UID_NAMES: ReadonlyMap<number, string> = new Map([
  [0, 'root'], [1000, 'alice'], [1001, 'bob'], [1002, 'carol'], [33, 'www-data'], [108, 'postgres'], [4294967295, 'unset'],
]);
const uname = (u: number): string => UID_NAMES.get(u) ?? `unknown(${u})`;

function makeProcs(rng: Rng): Proc[] {
  const procs: Proc[] = [];
  for (let i = 0; i < 64; i++) {
    const [comm, exe, argv] = rng.pick(PROGRAMS);
    const uid = rng.pick(UIDS);
    const login = rng.chance(0.6);
    procs.push({
      comm,
      exe,
      argv: argv.slice(),
      pid: rng.int(300, 4_000_000),
      ppid: rng.int(1, 300_000),
      uid,
      auid: login ? rng.pick([1000, 1001, 1002, 0]) : 4294967295,
      ses: login ? rng.int(1, 900) : 4294967295,
      tty: login && rng.chance(0.5) ? `pts${rng.int(0, 9)}` : '(none)',
      subj: rng.pick(SUBJECTS),
      cwd: rng.pick(CWDS),
    });
  }
  return procs;
}

// ---------------------------------------------------------------------------------------------------
// Record bodies.

function taskInfo(p: Proc, exeOverride?: string): string {
  const u = p.uid;
  const g = u === 4294967295 ? 0 : u;
  return (
    `ppid=${p.ppid} pid=${p.pid} auid=${p.auid} uid=${u} gid=${g} euid=${u} suid=${u} fsuid=${u} ` +
    `egid=${g} sgid=${g} fsgid=${g} tty=${p.tty} ses=${p.ses} comm=${untrusted(p.comm)} ` +
    `exe=${untrusted(exeOverride ?? p.exe)} subj=${p.subj}`
  );
}

function syscallEnrich(sys: string, p: Proc): string {
  const u = uname(p.uid);
  const g = p.uid === 0 ? 'root' : u;
  return (
    `ARCH=x86_64 SYSCALL=${sys} AUID="${uname(p.auid)}" UID="${u}" GID="${g}" EUID="${u}" SUID="${u}" ` +
    `FSUID="${u}" EGID="${g}" SGID="${g}" FSGID="${g}"`
  );
}

function syscallRecord(rng: Rng, p: Proc, nr: number, name: string, items: number, exit: number | undefined, key: string, exeOverride?: string): GenRecord {
  const ok = exit === undefined ? rng.chance(0.85) : exit >= 0;
  const ex = exit ?? (ok ? rng.int(0, 40) : rng.pick([-2, -13, -1, -17]));
  const body =
    `arch=c000003e syscall=${nr} success=${ok ? 'yes' : 'no'} exit=${ex} a0=${rng.hex(rng.int(1, 12))} ` +
    `a1=${rng.hex(rng.int(1, 12))} a2=${rng.hex(rng.int(1, 4))} a3=${rng.hex(rng.int(1, 3))} items=${items} ` +
    `${taskInfo(p, exeOverride)} key=${key}`;
  return rec(T.SYSCALL, body, syscallEnrich(name, p));
}

function pathRecord(rng: Rng, item: number, name: string | null, nametype: string): GenRecord {
  if (name === null) return rec(T.PATH, `item=${item} name=(null) nametype=UNKNOWN cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0`);
  const dir = nametype === 'PARENT';
  const ouid = rng.pick([0, 0, 0, 1000, 33]);
  const body =
    `item=${item} name=${untrusted(name)} inode=${rng.int(2, 40_000_000)} dev=${rng.pick(['fd:00', 'fd:01', '08:02', '00:1a'])} ` +
    `mode=${dir ? '040755' : rng.pick(['0100644', '0100755', '0100600', '0120777'])} ouid=${ouid} ogid=${ouid} rdev=00:00 ` +
    (rng.chance(0.3) ? `obj=system_u:object_r:${rng.pick(['etc_t', 'shadow_t', 'user_home_t', 'tmp_t'])}:s0 ` : '') +
    `nametype=${nametype} cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0`;
  return rec(T.PATH, body, `OUID="${uname(ouid)}" OGID="${uname(ouid)}"`);
}

/** PROCTITLE: argv joined by NULs, truncated to 128 bytes; hex whenever it has a NUL or a space. */
function proctitleRecord(argv: readonly string[]): GenRecord {
  let t = argv.join('\0');
  if (t.length > 128) t = t.slice(0, 128);
  return rec(T.PROCTITLE, `proctitle=${untrusted(t)}`);
}

const MAX_EXECVE_AUDIT_LEN = 7500;
const CHUNK = 2000; // raw bytes of a long argument per aN[i] chunk (kernel: what fits the buffer)

/**
 * EXECVE records for argv: `argc=N a0=.. a1=..`; an argument longer than CHUNK bytes is written as
 * `aN_len=LEN aN[0]=.. aN[1]=..`, and records are cut before MAX_EXECVE_AUDIT_LEN characters.
 */
export function execveRecords(argv: readonly string[]): GenRecord[] {
  const out: GenRecord[] = [];
  let body = `argc=${argv.length}`;
  const push = (tok: string): void => {
    if (body.length + 1 + tok.length > MAX_EXECVE_AUDIT_LEN && body.length > 0) {
      out.push(rec(T.EXECVE, body));
      body = tok;
    } else body = body.length === 0 ? tok : `${body} ${tok}`;
  };
  argv.forEach((arg, i) => {
    if (arg.length <= CHUNK) {
      push(`a${i}=${untrusted(arg)}`);
      return;
    }
    const parts: string[] = [];
    for (let off = 0, k = 0; off < arg.length; off += CHUNK, k++) parts.push(`a${i}[${k}]=${untrusted(arg.slice(off, off + CHUNK))}`);
    push(`a${i}_len=${arg.length} ${parts[0]!}`);
    for (const p of parts.slice(1)) push(p);
  });
  out.push(rec(T.EXECVE, body));
  return out;
}

const WORDS = ['install', 'deploy', 'status', '--verbose', '-o', 'out.txt', '--config', '/etc/app/app.yaml', 'run', 'build', 'test', '--', 'hello world', 'x=1', '-c', '"quoted"', 'ÿ'];

function longArg(rng: Rng, len: number): string {
  // Either a shell script (spaces, so hex) or a classpath-like token (no spaces, so quoted).
  if (rng.chance(0.5)) {
    let s = '';
    while (s.length < len) s += `for f in /var/log/*.log; do gzip -9 "$f"; done; echo ${rng.hex(6)}; `;
    return s.slice(0, len);
  }
  let s = '';
  while (s.length < len) s += `/opt/lib/dep-${rng.hex(5)}-1.${rng.int(0, 99)}.jar:`;
  return s.slice(0, len);
}

function execArgv(rng: Rng, p: Proc): string[] {
  const kind = rng.weighted<'short' | 'medium' | 'long'>([[70, 'short'], [25, 'medium'], [5, 'long']]);
  const argv = [p.argv[0] ?? p.comm];
  const n = rng.int(0, 5);
  for (let i = 0; i < n; i++) argv.push(rng.pick(WORDS));
  if (kind === 'medium') argv.push(longArg(rng, rng.int(200, 1500)));
  if (kind === 'long') argv.push(longArg(rng, rng.int(3000, 20000)));
  return argv;
}

function sockaddrHex(rng: Rng): [string, string] {
  const h2 = (n: number): string => n.toString(16).toUpperCase().padStart(2, '0');
  if (rng.chance(0.3)) {
    const path = rng.pick(['/run/systemd/journal/socket', '/var/run/nscd/socket', '/run/dbus/system_bus_socket']);
    let hex = '0100';
    for (let i = 0; i < path.length; i++) hex += h2(path.charCodeAt(i));
    return [hex + '00', `SADDR={ saddr_fam=local path=${path} }`];
  }
  const port = rng.pick([443, 80, 53, 5432, 6443, 22]);
  const ip = [10, 0, rng.int(0, 255), rng.int(1, 254)];
  const hex = `0200${h2(port >> 8)}${h2(port & 255)}${ip.map(h2).join('')}0000000000000000`;
  return [hex, `SADDR={ saddr_fam=inet laddr=${ip.join('.')} lport=${port} }`];
}

function userMsgRecord(rng: Rng, p: Proc, type: number, msg: string): GenRecord {
  const body = `pid=${p.pid} uid=${p.uid} auid=${p.auid} ses=${p.ses} subj=${p.subj} msg='${msg}'`;
  return rec(type, body, `UID="${uname(p.uid)}" AUID="${uname(p.auid)}"`);
}

// ---------------------------------------------------------------------------------------------------
// Events.

type Kind = 'file' | 'exec' | 'connect' | 'pam' | 'cmd' | 'login' | 'service' | 'config' | 'avc';

const KINDS: readonly (readonly [number, Kind])[] = [
  [46, 'file'],
  [16, 'exec'],
  [9, 'connect'],
  [15, 'pam'],
  [3, 'cmd'],
  [2, 'login'],
  [5, 'service'],
  [2, 'config'],
  [2, 'avc'],
];

const PAM_OPS: readonly (readonly [number, string])[] = [
  [T.USER_AUTH, 'PAM:authentication grantors=pam_unix'],
  [T.USER_ACCT, 'PAM:accounting grantors=pam_permit'],
  [T.CRED_ACQ, 'PAM:setcred grantors=pam_permit,pam_cap'],
  [T.USER_START, 'PAM:session_open grantors=pam_selinux,pam_loginuid,pam_keyinit,pam_limits,pam_systemd,pam_unix'],
  [T.USER_END, 'PAM:session_close grantors=pam_selinux,pam_loginuid,pam_keyinit,pam_limits,pam_systemd,pam_unix'],
  [T.CRED_DISP, 'PAM:setcred grantors=pam_permit'],
  [T.CRED_REFR, 'PAM:setcred grantors=pam_permit'],
];

function makeEvent(rng: Rng, procs: readonly Proc[], kind: Kind): { records: GenRecord[]; eoe: boolean } {
  const p = rng.pick(procs);
  switch (kind) {
    case 'file': {
      const [, name, nr, items] = rng.weighted(SYSCALLS.map((s) => [s[0], s] as const));
      const key = rng.pick(KEYS);
      const records = [syscallRecord(rng, p, nr, name, items, undefined, key), rec(T.CWD, `cwd=${untrusted(p.cwd)}`)];
      for (let i = 0; i < items; i++) {
        const parent = items > 1 && i % 2 === 0;
        const nm = rng.chance(0.03) ? null : parent ? rng.pick(['/etc/', '/tmp/', '/home/alice/', '/var/log/']) : rng.pick(FILES);
        records.push(pathRecord(rng, i, nm, parent ? 'PARENT' : rng.pick(['NORMAL', 'NORMAL', 'CREATE', 'DELETE'])));
      }
      records.push(proctitleRecord(p.argv));
      return { records, eoe: true };
    }
    case 'exec': {
      const argv = execArgv(rng, p);
      const records = [syscallRecord(rng, p, 59, 'execve', 2, 0, rng.pick(KEYS)), ...execveRecords(argv), rec(T.CWD, `cwd=${untrusted(p.cwd)}`)];
      records.push(pathRecord(rng, 0, p.exe, 'NORMAL'), pathRecord(rng, 1, '/lib64/ld-linux-x86-64.so.2', 'NORMAL'));
      records.push(proctitleRecord(argv));
      return { records, eoe: true };
    }
    case 'connect': {
      const [hex, enrich] = sockaddrHex(rng);
      const records = [
        syscallRecord(rng, p, 42, 'connect', 0, rng.chance(0.8) ? 0 : -111, '"network"'),
        rec(T.SOCKADDR, `saddr=${hex}`, enrich),
        proctitleRecord(p.argv),
      ];
      return { records, eoe: true };
    }
    case 'pam': {
      const [type, op] = rng.pick(PAM_OPS);
      const acct = rng.pick(USERS);
      const host = rng.pick(HOSTS);
      const ok = rng.chance(0.9);
      const msg = `op=${op} acct=${userValue(acct)} exe="/usr/sbin/sshd" hostname=${host} addr=${host} terminal=ssh res=${ok ? 'success' : 'failed'}`;
      return { records: [userMsgRecord(rng, p, type, msg)], eoe: false };
    }
    case 'cmd': {
      const cmd = rng.pick(['ls -la /root', 'systemctl restart nginx', 'apt-get upgrade -y', 'cat /etc/shadow', 'id']);
      const msg = `cwd=${userValue(p.cwd)} cmd=${toHex(cmd)} exe="/usr/bin/sudo" terminal=${p.tty === '(none)' ? 'pts/0' : p.tty.replace('pts', 'pts/')} res=${rng.chance(0.9) ? 'success' : 'failed'}`;
      return { records: [userMsgRecord(rng, p, T.USER_CMD, msg)], eoe: false };
    }
    case 'login': {
      if (rng.chance(0.5)) {
        const auid = rng.pick([1000, 1001, 1002]);
        const body = `pid=${p.pid} uid=0 subj=${p.subj} old-auid=4294967295 auid=${auid} tty=(none) old-ses=4294967295 ses=${rng.int(1, 900)} res=1`;
        return { records: [rec(T.LOGIN, body, `UID="root" OLD-AUID="unset" AUID="${uname(auid)}"`)], eoe: false };
      }
      const host = rng.pick(HOSTS);
      const msg = `op=login id=${rng.pick([1000, 1001, 0])} exe="/usr/sbin/sshd" hostname=${host} addr=${host} terminal=/dev/pts/${rng.int(0, 9)} res=success`;
      return { records: [userMsgRecord(rng, p, T.USER_LOGIN, msg)], eoe: false };
    }
    case 'service': {
      const sys: Proc = { ...p, pid: 1, uid: 0, auid: 4294967295, ses: 4294967295, subj: 'system_u:system_r:init_t:s0' };
      const msg = `unit=${rng.pick(UNITS)} comm="systemd" exe="/usr/lib/systemd/systemd" hostname=? addr=? terminal=? res=success`;
      return { records: [userMsgRecord(rng, sys, rng.chance(0.5) ? T.SERVICE_START : T.SERVICE_STOP, msg)], eoe: false };
    }
    case 'config': {
      const body = `auid=${p.auid} ses=${p.ses} subj=${p.subj} op=${rng.pick(['add_rule', 'remove_rule'])} key=${rng.pick(KEYS.slice(3))} list=4 res=1`;
      return { records: [rec(T.CONFIG_CHANGE, body, `AUID="${uname(p.auid)}"`)], eoe: false };
    }
    case 'avc': {
      const body =
        `avc:  denied  { ${rng.pick(['read', 'write', 'open', 'getattr', 'read write'])} } for  pid=${p.pid} comm=${untrusted(p.comm)} ` +
        `name="${rng.pick(['maildrop', 'shadow', 'config.yaml', 'token'])}" dev="dm-0" ino=${rng.int(2, 40_000_000)} ` +
        `scontext=${p.subj.includes(':') ? p.subj : 'system_u:system_r:unconfined_service_t:s0'} tcontext=system_u:object_r:${rng.pick(['shadow_t', 'etc_t', 'var_t'])}:s0 tclass=file permissive=0`;
      const records = [rec(T.AVC, body), syscallRecord(rng, p, 257, 'openat', 0, -13, '(null)'), proctitleRecord(p.argv)];
      return { records, eoe: true };
    }
  }
}

/**
 * The infinite, deterministic event stream. Serial numbers increase (with occasional gaps, as when
 * rules filter events out); time advances 0-3 ms (dense) or 1-6 s (sparse) between events.
 */
export function* generateEvents(opts: EventOptions): Generator<GenEvent> {
  const rng = new Rng(opts.seed);
  const procs = makeProcs(rng);
  let ms = (opts.startSec ?? 1_732_400_000) * 1000 + rng.int(0, 999);
  let serial = rng.int(1000, 100_000);
  for (;;) {
    ms += opts.shape === 'dense' ? rng.int(0, 3) : rng.int(1000, 6000);
    serial += rng.chance(0.05) ? rng.int(2, 4) : 1;
    const { records, eoe } = makeEvent(rng, procs, rng.weighted(KINDS));
    yield { sec: Math.floor(ms / 1000), msec: ms % 1000, serial, records, eoe };
  }
}

/** One record in output order, with the stamp of its event. */
export interface Emitted {
  readonly event: GenEvent;
  readonly record: GenRecord;
  /** Index of the record in its event. */
  readonly index: number;
}

/**
 * Records in the order a log would hold them. In the dense shape, about 4% of single-record events
 * (user messages from other CPUs) land in the middle of the previous multi-record event, as they do
 * on busy multi-CPU hosts, so event grouping cannot assume contiguous records.
 * `withEoe` adds the EOE record that ends each syscall event on the wire.
 */
export function* emitRecords(opts: EventOptions & { readonly withEoe: boolean }): Generator<Emitted> {
  const rng = new Rng((opts.seed ^ 0x5bd1e995) >>> 0);
  const events = generateEvents(opts);
  const eoeOf = (ev: GenEvent): GenRecord => rec(T.EOE, '');
  let next = events.next().value as GenEvent;
  for (;;) {
    const cur = next;
    next = events.next().value as GenEvent;
    const n = cur.records.length;
    let insertAt = -1;
    if (opts.shape === 'dense' && n > 1 && next.records.length === 1 && rng.chance(0.04)) insertAt = rng.int(1, n - 1);
    for (let i = 0; i < n; i++) {
      if (i === insertAt) {
        yield { event: next, record: next.records[0]!, index: 0 };
      }
      yield { event: cur, record: cur.records[i]!, index: i };
    }
    if (cur.eoe && opts.withEoe) yield { event: cur, record: eoeOf(cur), index: n };
    if (insertAt >= 0) next = events.next().value as GenEvent;
  }
}
