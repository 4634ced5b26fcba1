/**
 * Rule-text workload: auditctl rule lines of the kinds found in real rule sets (CIS/STIG-style
 * `audit.rules`): syscall rules with arch, several -S, -F comparisons, -k keys, and watches.
 * Machine-independent on purpose: numeric ids and `unset` only (no user names, which resolve
 * through the local passwd), `-F arch=` always given with `-S`.
 */
import { Rng } from './rng.js';

const SYSCALL_GROUPS: readonly (readonly string[])[] = [
  ['open', 'openat', 'creat', 'truncate', 'ftruncate'],
  ['unlink', 'unlinkat', 'rename', 'renameat'],
  ['chmod', 'fchmod', 'fchmodat'],
  ['chown', 'fchown', 'fchownat', 'lchown'],
  ['setxattr', 'lsetxattr', 'fsetxattr', 'removexattr', 'lremovexattr', 'fremovexattr'],
  ['execve'],
  ['mount', 'umount2'],
  ['init_module', 'finit_module', 'delete_module'],
  ['adjtimex', 'settimeofday', 'clock_settime'],
  ['sethostname', 'setdomainname'],
  ['connect'],
];
const KEYS = ['access', 'perm_mod', 'delete', 'modules', 'time-change', 'system-locale', 'mounts', 'exec', 'privileged', 'identity', 'network'];
const WATCHES = ['/etc/passwd', '/etc/shadow', '/etc/group', '/etc/gshadow', '/etc/security/opasswd', '/etc/sudoers', '/etc/ssh/sshd_config', '/var/log/lastlog', '/var/run/faillock', '/etc/localtime', '/etc/hosts', '/usr/bin/sudo', '/sbin/insmod'];

/** `count` auditctl lines (without the `auditctl` command name), deterministic from the seed. */
export function ruleLines(seed: number, count: number): string[] {
  const rng = new Rng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const k = rng.int(0, 9);
    if (k < 3) {
      out.push(`-w ${rng.pick(WATCHES)} -p ${rng.pick(['wa', 'war', 'x', 'rwxa'])} -k ${rng.pick(KEYS)}`);
      continue;
    }
    const arch = rng.pick(['b64', 'b64', 'b32']);
    const group = rng.pick(SYSCALL_GROUPS);
    const sys = group.slice(0, rng.int(1, group.length));
    const parts = [`-a ${rng.pick(['always,exit', 'always,exit', 'exit,always', 'never,exit'])}`, `-F arch=${arch}`];
    if (rng.chance(0.5)) for (const s of sys) parts.push(`-S ${s}`);
    else parts.push(`-S ${sys.join(',')}`);
    if (rng.chance(0.4)) parts.push(`-F exit=${rng.pick(['-EACCES', '-EPERM'])}`);
    if (rng.chance(0.6)) parts.push(`-F auid>=${rng.pick([500, 1000])}`, '-F auid!=unset');
    if (rng.chance(0.2)) parts.push(`-F uid=${rng.pick([0, 33, 1000])}`);
    if (rng.chance(0.2)) parts.push(`-F dir=${rng.pick(['/etc', '/var/lib/docker', '/home'])}`);
    if (rng.chance(0.15)) parts.push(`-F path=${rng.pick(WATCHES)}`, `-F perm=${rng.pick(['x', 'wa'])}`);
    if (rng.chance(0.1)) parts.push('-F success=0');
    parts.push(`-k ${rng.pick(KEYS)}`);
    out.push(parts.join(' '));
  }
  return out;
}
