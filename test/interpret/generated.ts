import fc from 'fast-check';
import { buildRecord, formatLogLine } from '../../src/records/index.js';
import type { FieldInput } from '../../src/records/index.js';
import { IOCTL_REQUESTS } from '../../src/interpret/arg-tables.js';
import { TTY_NAMED_KEYS } from '../../src/interpret/flags.js';
import { INITIAL_NS_INODES } from '../../src/audit/dialects/ns-inodes.js';
import { LIBAUDIT_MACHINES, LIBAUDIT_SYSCALLS } from '../../src/tables/index.js';

/**
 * Records for the live differential test: kernel and user records whose fields exercise every
 * interpretation (arch/syscall on each machine, errno exits, ids incl. unset, modes, sockaddrs,
 * capability sets, clone/open/mmap flags, signals, lists, hex strings, proctitles, TTY data).
 */
const hex = (n: number | bigint): string => n.toString(16);
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const id = fc.oneof(fc.constant(4294967295), fc.constant(0), fc.integer({ min: 1, max: 70000 }));
const text = fc.string({ unit: 'grapheme-ascii', maxLength: 20 });
const path = fc.oneof(text, fc.constantFrom('/usr/bin/cat', '/tmp/a b', '/etc/passwd', 'rel/x', 'ünï'));

const CLONE_BITS = [0x100, 0x200, 0x400, 0x800, 0x1000, 0x2000, 0x4000, 0x8000, 0x10000, 0x20000, 0x40000, 0x80000, 0x100000, 0x200000, 0x400000, 0x800000, 0x1000000, 0x2000000, 0x4000000, 0x8000000, 0x10000000, 0x20000000, 0x40000000, 0x80000000];
const flagsFrom = (bits: readonly number[], extra: fc.Arbitrary<number> = fc.constant(0)): fc.Arbitrary<number> =>
  fc.tuple(fc.subarray([...bits]), extra).map(([b, e]) => (b.reduce((a, x) => a | x, 0) | e) >>> 0);
const arg = fc.oneof(
  flagsFrom(CLONE_BITS, fc.integer({ min: 0, max: 40 })).map(hex),
  flagsFrom([1, 2, 0o100, 0o200, 0o400, 0o1000, 0o2000, 0o4000, 0o10000, 0o200000, 0o400000, 0o2000000]).map(hex),
  fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(hex),
  fc.integer({ min: 0, max: 40 }).map(hex),
  fc.constant('ffffff9c'),
);

const syscallRecord = fc
  .record({
    machine: fc.constantFrom(...LIBAUDIT_MACHINES),
    syscall: fc.oneof(fc.integer({ min: 0, max: 460 }), fc.constantFrom(56, 59, 272, 2, 257, 41, 62, 9, 90, 105)),
    exit: fc.oneof(fc.integer({ min: -140, max: -1 }), fc.integer({ min: 0, max: 5000 })),
    a: fc.tuple(arg, arg, arg, arg),
    ids: fc.array(id, { minLength: 9, maxLength: 9 }),
    ses: id,
    comm: text,
    exe: path,
    key: fc.option(text, { nil: null }),
  })
  .map((x): { type: number; fields: FieldInput[] } => ({
    type: 1300,
    fields: [
      { name: 'arch', value: hex(x.machine[2]) }, { name: 'syscall', value: x.syscall },
      { name: 'success', value: x.exit < 0 ? 'no' : 'yes' }, { name: 'exit', value: x.exit },
      ...x.a.map((v, i) => ({ name: `a${i}`, value: v })), { name: 'items', value: 0 }, { name: 'ppid', value: 1 }, { name: 'pid', value: 2 },
      ...['auid', 'uid', 'gid', 'euid', 'suid', 'fsuid', 'egid', 'sgid', 'fsgid'].map((n, i) => ({ name: n, value: x.ids[i]! })),
      { name: 'tty', value: '(none)' }, { name: 'ses', value: x.ses }, { name: 'comm', value: x.comm }, { name: 'exe', value: x.exe },
      { name: 'key', value: x.key },
    ],
  }));

const pathRecord = fc
  .record({ name: fc.option(path, { nil: null }), mode: fc.integer({ min: 0, max: 0o177777 }), ouid: id, ogid: id, caps: fc.tuple(fc.bigInt({ min: 0n, max: 2n ** 41n - 1n }), fc.bigInt({ min: 0n, max: 2n ** 41n - 1n })) })
  .map((x) => ({
    type: 1302,
    fields: [
      { name: 'item', value: 0 }, { name: 'name', value: x.name }, { name: 'inode', value: 12 }, { name: 'dev', value: 'fd:01' },
      { name: 'mode', value: `0${x.mode.toString(8)}` }, { name: 'ouid', value: x.ouid }, { name: 'ogid', value: x.ogid },
      { name: 'rdev', value: '00:00' }, { name: 'nametype', value: 'NORMAL' }, { name: 'cap_fp', value: hex(x.caps[0]) },
      { name: 'cap_fi', value: hex(x.caps[1]) }, { name: 'cap_fe', value: 0 }, { name: 'cap_fver', value: 0 },
    ],
  }));

const le16 = (n: number): number[] => [n & 0xff, n >> 8];
const sockaddr = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 65535 }), fc.uint8Array({ minLength: 4, maxLength: 4 })).map(([port, a]) => [2, 0, port >> 8, port & 0xff, ...a, 0, 0, 0, 0, 0, 0, 0, 0]),
  fc.tuple(fc.integer({ min: 0, max: 65535 }), fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.boolean()).map(([port, a, sparse]) => {
    const addr = sparse ? a.map((b, i) => (i < 10 || i % 3 === 0 ? 0 : b)) : a;
    return [10, 0, port >> 8, port & 0xff, 0, 0, 0, 0, ...addr, 0, 0, 0, 0];
  }),
  fc.stringMatching(/^\/[a-z/]{1,20}$/).map((p) => [1, 0, ...[...p].map((c) => c.charCodeAt(0)), 0]),
  u32.map((pid) => [16, 0, 0, 0, pid & 0xff, (pid >> 8) & 0xff, (pid >> 16) & 0xff, pid >>> 24, 0, 0, 0, 0]),
  fc.integer({ min: 0, max: 45 }).map((fam) => [...le16(fam), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]),
).map((bytes) => ({ type: 1306, fields: [{ name: 'saddr', value: new Uint8Array(bytes) }] }));

const capset = fc.array(fc.bigInt({ min: 0n, max: 2n ** 41n - 1n }), { minLength: 4, maxLength: 4 }).map((c) => ({
  type: 1322,
  fields: [{ name: 'pid', value: 1 }, ...['cap_pi', 'cap_pp', 'cap_pe', 'cap_pa'].map((n, i) => ({ name: n, value: c[i]!.toString(16).padStart(16, '0') }))],
}));

const configChange = fc.record({ list: fc.integer({ min: 0, max: 9 }), res: fc.integer({ min: 0, max: 2 }), key: fc.option(text, { nil: null }) }).map((x) => ({
  type: 1305,
  fields: [{ name: 'auid', value: 4294967295 }, { name: 'ses', value: 4294967295 }, { name: 'op', value: 'add_rule' }, { name: 'key', value: x.key }, { name: 'list', value: x.list }, { name: 'res', value: x.res }],
}));

const userMessage = fc.record({ type: fc.constantFrom(1112, 1123, 1105, 1101, 1116), acct: text, cmd: text, res: fc.constantFrom('success', 'failed'), id }).map((x) => ({
  type: x.type,
  fields: [
    { name: 'pid', value: 10 }, { name: 'uid', value: 0 }, { name: 'auid', value: 4294967295 }, { name: 'ses', value: 4294967295 },
    { name: 'op', value: 'PAM:session_open', inMsg: true }, { name: 'acct', value: x.acct, inMsg: true }, { name: 'id', value: x.id, inMsg: true },
    { name: 'cmd', value: x.cmd, inMsg: true }, { name: 'exe', value: '/usr/bin/su', inMsg: true }, { name: 'hostname', value: '?', inMsg: true },
    { name: 'addr', value: '?', inMsg: true }, { name: 'terminal', value: 'pts/1', inMsg: true }, { name: 'res', value: x.res, inMsg: true },
  ],
}));

const proctitle = fc.array(text, { minLength: 1, maxLength: 4 }).map((argv) => ({ type: 1327, fields: [{ name: 'proctitle', value: argv.join('\0') }] }));
const execve = fc.array(path, { minLength: 1, maxLength: 5 }).map((argv) => ({
  type: 1309,
  fields: [{ name: 'argc', value: argv.length }, ...argv.map((a, i) => ({ name: `a${i}`, value: a }))],
}));
/** TTY data: random bytes, or keys (control characters, 7-bit and 8-bit escape sequences) between text. */
const ttyKey = fc.constantFrom(...TTY_NAMED_KEYS.map(([seq]) => Uint8Array.from(seq, (c) => c.charCodeAt(0))));
const ttyBytes = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 16 }),
  fc.array(fc.oneof(ttyKey, fc.uint8Array({ minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 5 }).map((parts) => Uint8Array.from(parts.flatMap((p) => [...p]))),
);
const tty = ttyBytes.map((b) => ({ type: 1124, fields: [{ name: 'pid', value: 1 }, { name: 'uid', value: 0 }, { name: 'data', value: b }] }));
const misc = fc
  .record({ sig: fc.integer({ min: 0, max: 40 }), code: fc.constantFrom('0x0', '0x7ffc0000', '0x7fff0000', '0x50001', '0x80000000', '0x30000'), fam: fc.integer({ min: 0, max: 13 }), prom: fc.integer({ min: 0, max: 300 }), flags: fc.integer({ min: 0, max: 0x1fffff }), perm: fc.integer({ min: 0, max: 15 }), proto: fc.constantFrom(1, 6, 17, 58, 132, 255) })
  .chain((x) =>
    fc.constantFrom(
      { type: 1326, fields: [{ name: 'sig', value: x.sig }, { name: 'arch', value: 'c000003e' }, { name: 'code', value: x.code }] },
      { type: 1325, fields: [{ name: 'table', value: 'filter' }, { name: 'family', value: x.fam }, { name: 'entries', value: 1 }] },
      { type: 1700, fields: [{ name: 'dev', value: 'eth0' }, { name: 'prom', value: x.prom }, { name: 'old_prom', value: 0 }] },
      { type: 1323, fields: [{ name: 'fd', value: 3 }, { name: 'flags', value: `0x${hex(x.flags)}` }] },
      { type: 1324, fields: [{ name: 'mark', value: '0x0' }, { name: 'saddr', value: '127.0.0.1' }, { name: 'proto', value: x.proto }] },
      { type: 1305, fields: [{ name: 'op', value: 'add_rule' }, { name: 'perm', value: x.perm }, { name: 'res', value: 1 }] },
    ),
  );

/**
 * Syscalls whose arguments auparse names from tables that depend on the syscall and, for some,
 * on a0/a1 (prctl options and their argument, mount/umount2 flags, ioctl requests, sockopt levels
 * and names per level, shmget flags, socketcall, scheduler policies, bpf commands, fcntl's third
 * argument, access modes), on the machines whose numbers differ.
 */
const small = (max: number): fc.Arbitrary<number> => fc.integer({ min: 0, max });
const bits32 = fc.oneof(u32, fc.integer({ min: 0, max: 31 }).map((b) => 2 ** b));
const TARGETED: readonly (readonly [string, number, fc.Arbitrary<readonly [number, number, number, number]>])[] = [
  ['prctl', 0, fc.tuple(fc.oneof(small(60), fc.constantFrom(1, 23, 24)), small(45), small(9), small(9))],
  ['mount', 3, fc.tuple(small(9), small(9), small(9), bits32)],
  ['umount2', 1, fc.tuple(small(9), fc.oneof(small(31), fc.constant(0x80000000), u32), small(9), small(9))],
  ['ioctl', 1, fc.tuple(small(9), fc.oneof(fc.constantFrom(...IOCTL_REQUESTS.keys()), small(0x9000), u32), small(9), small(9))],
  ['setsockopt', 2, fc.tuple(small(9), fc.oneof(fc.constantFrom(0, 1, 6, 17, 41, 263, 255, 270, 300), small(290)), small(130), small(9))],
  ['getsockopt', 2, fc.tuple(small(9), fc.constantFrom(0, 1, 6, 17, 41, 263, 262, 999), fc.oneof(small(130), u32), small(9))],
  ['shmget', 2, fc.tuple(small(9), small(9), fc.oneof(small(0o37777), u32), small(9))],
  ['socketcall', 0, fc.tuple(small(25), small(9), small(9), small(9))],
  ['sched_setscheduler', 1, fc.tuple(small(9), fc.oneof(small(16), small(16).map((v) => v | 0x40000000)), small(9), small(9))],
  ['bpf', 0, fc.tuple(small(40), small(9), small(9), small(9))],
  ['fcntl', 2, fc.tuple(small(9), fc.constantFrom(1, 2, 8, 12, 17, 36, 1029, 1030), small(3), small(9))],
  ['access', 1, fc.tuple(small(9), small(0x4f), small(9), small(9))],
  ['personality', 0, fc.tuple(fc.oneof(small(0x1ff), fc.constantFrom(0x40000, 0x800000, 0x4100001, 0x8000008)), small(9), small(9), small(9))],
];
const targetedSyscall = fc
  .record({ t: fc.constantFrom(...TARGETED), machine: fc.constantFrom(...LIBAUDIT_MACHINES.filter(([, m]) => ['x86_64', 'i386', 'aarch64', 'ppc64', 's390x'].includes(m))) })
  .chain(({ t, machine }) => t[2].map((a) => ({ name: t[0], machine, a })))
  .filter(({ name, machine }) => LIBAUDIT_SYSCALLS[machine[1]]!.some((e) => e[1] === name))
  .map(({ name, machine, a }): { type: number; fields: FieldInput[] } => ({
    type: 1300,
    fields: [
      { name: 'arch', value: hex(machine[2]) }, { name: 'syscall', value: LIBAUDIT_SYSCALLS[machine[1]]!.find((e) => e[1] === name)![0] },
      { name: 'success', value: 'yes' }, { name: 'exit', value: 0 }, ...a.map((v, i) => ({ name: `a${i}`, value: hex(v) })),
      { name: 'items', value: 0 }, { name: 'pid', value: 2 }, { name: 'auid', value: 4294967295 },
    ],
  }));

/** Fields auparse types beyond syscalls: ICMP types, netfilter hooks and verdicts, ioctl commands, PATH flags. */
const netfilter = fc
  .record({ icmp: fc.oneof(small(40), fc.constant(4294967295)), hook: small(8), action: small(4), family: fc.constantFrom(2, 3, 7, 10) })
  .chain((x) =>
    fc.constantFrom(
      { type: 1325, fields: [{ name: 'table', value: 'filter' }, { name: 'family', value: x.family }, { name: 'entries', value: 3 }, { name: 'op', value: 'nft_register_chain' }, { name: 'hook', value: x.hook }, { name: 'action', value: x.action }] },
      { type: 1324, fields: [{ name: 'mark', value: '0x0' }, { name: 'saddr', value: '10.0.0.1' }, { name: 'daddr', value: '10.0.0.2' }, { name: 'proto', value: 1 }, { name: 'icmptype', value: x.icmp }] },
    ),
  );
const ioctlAvc = fc.oneof(fc.constantFrom(...IOCTL_REQUESTS.keys()), small(0xffff)).map((cmd) => ({
  line: `avc:  denied  { ioctl } for  pid=1 comm="x" path="/dev/tty1" dev="devtmpfs" ino=20 ioctlcmd=0x${hex(cmd)} scontext=a:b:c:s0 tcontext=d:e:f:s0 tclass=chr_file permissive=0`,
}));
const pathFlags = fc.oneof(bits32, small(0x7ff)).map((f) => ({ type: 1302, fields: [{ name: 'item', value: 0 }, { name: 'name', value: '/tmp' }, { name: 'flags', value: hex(f) }] }));
/** Namespace inode fields (auparse leaves them raw; the library names the initial ones). */
const nsInodes = fc
  .record({ kind: fc.constantFrom('uts', 'ipc', 'user', 'pid', 'net', 'mnt', 'cgroup', 'time'), inode: fc.oneof(fc.constantFrom(...INITIAL_NS_INODES.map(([i]) => i)), fc.integer({ min: 4026531840, max: 4026533000 })), old: fc.constantFrom(...INITIAL_NS_INODES.map(([i]) => i)) })
  .map((x) => ({ type: 1340, fields: [{ name: 'pid', value: 5 }, { name: 'dev', value: '00:04' }, { name: `old_${x.kind}ns`, value: x.old }, { name: `${x.kind}ns`, value: x.inode }, { name: 'res', value: 1 }] }));

const avc = fc.subarray(['read', 'write', 'open', 'getattr', 'execute'], { minLength: 1 }).map((perms) => ({
  line: `avc:  denied  { ${perms.join(' ')} } for  pid=1 comm="x" scontext=a:b:c:s0 tcontext=d:e:f:s0 tclass=file permissive=0`,
}));

/** Log lines, each its own event (distinct serials). */
export const arbGeneratedLog: fc.Arbitrary<string[]> = fc
  .array(
    fc.oneof(syscallRecord, pathRecord, sockaddr, capset, configChange, userMessage, proctitle, execve, tty, misc, avc, targetedSyscall, targetedSyscall, netfilter, ioctlAvc, pathFlags, nsInodes),
    { minLength: 150, maxLength: 150 },
  )
  .map((recs) =>
    recs.map((r, i) => {
      const time = { sec: 1700000000 + i, msec: i % 1000 };
      if ('line' in r) return `type=AVC msg=audit(${time.sec}.${String(time.msec).padStart(3, '0')}:${i + 1}): ${r.line}`;
      // Every third SYSCALL record is written ENRICHED, its ids named as auditd would name them.
      const enriched = r.type === 1300 && i % 3 === 0 ? enrich(r.fields) : undefined;
      return formatLogLine(buildRecord({ type: r.type, time, serial: i + 1, fields: r.fields, ...(enriched === undefined ? {} : { enriched }) }));
    }),
  );

function enrich(fields: readonly FieldInput[]): { name: string; raw: string }[] {
  return fields
    .filter((f) => ['auid', 'uid', 'gid', 'euid'].includes(f.name))
    .map((f) => ({ name: f.name.toUpperCase(), raw: f.value === 4294967295 ? '"unset"' : `"user${String(f.value)}"` }));
}
