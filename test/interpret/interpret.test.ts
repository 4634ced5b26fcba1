import { describe, expect, test } from 'vitest';
import { parseLogLine } from '../../src/records/index.js';
import {
  fieldKind, fieldKindTable, interpretField, interpretRecord, printSockaddr, recordJsonWithInterpretation,
} from '../../src/interpret/index.js';
import { leadingNumber } from '../../src/interpret/values.js';
import { HOSTILE_NAMES } from '../records/arbitraries.js';

const interp = (line: string, opts = {}): string[] => interpretRecord(parseLogLine(line), opts).map((f) => f.interp);

describe('interpretation, expectations from libauparse 3.0.9 (test/fixtures/auparse)', () => {
  test('SYSCALL of records.log: arch, syscall, clone flags of unshare, ids through the resolver', () => {
    const line = 'type=SYSCALL msg=audit(1700000000.123:4242): arch=c000003e syscall=272 success=yes exit=0 a0=10000000 a1=0 a2=0 a3=0 items=0 ppid=1000 pid=1234 auid=1000 uid=1000 gid=1000 euid=1000 suid=1000 fsuid=1000 egid=1000 sgid=1000 fsgid=1000 tty=pts0 ses=3 comm="unshare" exe="/usr/bin/unshare" subj=unconfined key="container-config"';
    const users = new Map([[1000, 'cloudsdk']]);
    const got = interp(line, { resolveUser: (id: number) => users.get(id), resolveGroup: (id: number) => users.get(id) });
    expect(got).toEqual(['x86_64', 'unshare', 'yes', '0', 'CLONE_NEWUSER', '0x0', '0x0', '0x0', '0', '1000', '1234', 'cloudsdk', 'cloudsdk', 'cloudsdk', 'cloudsdk', 'cloudsdk', 'cloudsdk', 'cloudsdk', 'cloudsdk', 'cloudsdk', 'pts0', '3', 'unshare', '/usr/bin/unshare', 'unconfined', 'container-config']);
  });

  test('without a resolver ids are unknown(N); (u32)-1 is unset everywhere', () => {
    expect(interp('type=LOGIN msg=audit(1.000:1): pid=1 uid=0 old-auid=4294967295 auid=42 ses=4294967295 res=1')).toEqual(['1', 'unknown(0)', 'unset', 'unknown(42)', 'unset', 'yes']);
    expect(interp('type=OBJ_PID msg=audit(1.000:1): opid=1 oauid=-1')).toEqual(['1', 'unset']);
  });

  test('exit errno names with strerror text', () => {
    expect(interp('type=SYSCALL msg=audit(1.000:1): arch=c000003e syscall=42 success=no exit=-115')).toEqual(['x86_64', 'connect', 'no', 'EINPROGRESS(Operation now in progress)']);
  });

  test('syscall names per machine', () => {
    expect(interp('type=SYSCALL msg=audit(1.000:1): arch=c00000b7 syscall=221')).toEqual(['aarch64', 'execve']);
    expect(interp('type=SYSCALL msg=audit(1.000:1): arch=deadbeef syscall=1')[0]).toBe('unknown-elf-type(deadbeef)');
  });

  test('mode, caps, proctitle, list, hex strings, TTY data', () => {
    expect(interp('type=PATH msg=audit(1.000:1): mode=042775 cap_fp=0 name=2F73686172652F67656E6572616C2F706174685F7265646163746564')).toEqual(['dir,sgid,775', 'none', '/share/general/path_redacted']);
    expect(interp('type=CAPSET msg=audit(1.000:1): cap_pi=0000000000000400')).toEqual(['net_bind_service']);
    expect(interp('type=PROCTITLE msg=audit(1.000:1): proctitle=636174002F6574632F706173737764')).toEqual(['cat /etc/passwd']);
    expect(interp('type=CONFIG_CHANGE msg=audit(1.000:1): list=4 res=1')).toEqual(['exit', 'yes']);
    expect(interp('type=USER_TTY msg=audit(1.000:1): data=6C73202D6C617F1B5B410D')).toEqual(['"ls -la",<backspace>,<up>,<ret>']);
  });

  test('saddr for each family libauparse prints', () => {
    expect(printSockaddr('02000050A9FEA9FE0000000000000000')).toBe('{ saddr_fam=inet laddr=169.254.169.254 lport=80 }');
    expect(printSockaddr('0A000016000000000000000000000000000000000000000000000000')).toBe('{ saddr_fam=inet6 laddr=:: lport=22 }');
    expect(printSockaddr('01002F7661722F72756E2F6E7363642F736F636B65740000603B7B47FC7F0000')).toBe('{ saddr_fam=local path=/var/run/nscd/socket }');
    expect(printSockaddr('100000000000000000000000')).toBe('{ saddr_fam=netlink nlnk-fam=16 nlnk-pid=0 }');
    expect(printSockaddr('00000000000000000000000000000000')).toBe('unknown-family(0)');
  });

  test('user-message fields inside msg=... are interpreted too', () => {
    const line = "type=USER_CMD msg=audit(1700000003.000:4245): pid=2100 uid=1000 auid=1000 ses=4 subj=unconfined msg='cwd=\"/home/alice\" cmd=6C73202D6C61202F726F6F74 exe=\"/usr/bin/sudo\" terminal=pts/1 res=failed'";
    expect(interp(line).slice(5)).toEqual(['/home/alice', 'ls -la /root', '/usr/bin/sudo', 'pts/1', 'failed']);
  });

  test('an ENRICHED suffix names the ids, as libauparse reads it', () => {
    const line = 'type=SYSCALL msg=audit(1.000:1): arch=c000003e syscall=59 auid=1000 uid=0 gid=0\x1dARCH=x86_64 SYSCALL=execve AUID="bob" UID=726F6F74';
    expect(interp(line)).toEqual(['x86_64', 'execve', 'bob', 'root', 'unknown(0)']);
  });

  test('a patched kernel adds field kinds', () => {
    const table = fieldKindTable([['tgt_uid', 'uid'], ['tgt_arch', 'arch']]);
    expect(fieldKind(1300, 'tgt_uid', '0', table)).toBe('uid');
    expect(interp('type=SYSCALL msg=audit(1.000:1): tgt_uid=4294967295 tgt_arch=c000003e', { fieldKinds: table })).toEqual(['unset', 'x86_64']);
  });

  test.each(HOSTILE_NAMES)('%s as a field name is interpreted as unclassified', (name) => {
    const r = parseLogLine(`type=SYSCALL msg=audit(1.000:1): ${name}=x`);
    expect(interpretField(r, r.fields[0]!)).toBe('x');
    expect(recordJsonWithInterpretation(r).fields[0]).toEqual({ name, raw: 'x', value: 'x', form: 'bare', interp: 'x' });
  });
});

describe('the printers added last, expectations from libauparse 3.0.9 (test/fixtures/auparse/interp-gaps.log)', () => {
  const sys = (arch: string, nr: number, a: readonly string[]): string[] =>
    interp(`type=SYSCALL msg=audit(1.000:1): arch=${arch} syscall=${nr} success=yes exit=0 a0=${a[0]} a1=${a[1]} a2=${a[2]} a3=${a[3]}`).slice(4, 8);

  test('prctl, mount, umount2, ioctl, shmget, sched, bpf', () => {
    expect(sys('c000003e', 157, ['26', '0', '0', '0'])[0]).toBe('PR_SET_NO_NEW_PRIVS');
    expect(sys('c000003e', 157, ['18', '12', '0', '0']).slice(0, 2)).toEqual(['PR_CAPBSET_DROP', 'sys_chroot']);
    expect(sys('c000003e', 165, ['0', '0', '0', '5000'])[3]).toBe('MS_BIND|MS_REC');
    expect(sys('c000003e', 165, ['0', '0', '0', '300'])[3]).toBe('0x300');
    expect(sys('c000003e', 166, ['0', '80000003', '0', '0'])[1]).toBe('MNT_FORCE|MNT_DETACH|UMOUNT_UNUSED');
    expect(sys('c000003e', 16, ['3', '5401', '0', '0'])[1]).toBe('TCGETS');
    expect(sys('c000003e', 29, ['0', '1000', 'fa4', '0'])[2]).toBe('IPC_CREAT|IPC_EXCL|SHM_HUGETLB|0644');
    expect(sys('c000003e', 144, ['1', '40000001', '0', '0'])[1]).toBe('SCHED_FIFO|SCHED_RESET_ON_FORK');
    expect(sys('c000003e', 321, ['5', '0', '70', '0'])[0]).toBe('BPF_PROG_LOAD');
    expect(sys('c000003e', 321, ['40', '0', '70', '0'])[0]).toBe('unknown-bpf-cmd(40)');
  });

  test('socket options by level, and PowerPC numbering', () => {
    expect(sys('c000003e', 54, ['3', '1', '2', '4']).slice(1, 3)).toEqual(['SOL_SOCKET', 'SO_REUSEADDR']);
    expect(sys('c000003e', 54, ['3', '6', '1', '4']).slice(1, 3)).toEqual(['tcp', 'TCP_NODELAY']);
    expect(sys('c000003e', 54, ['3', '107', '11', '4']).slice(1, 3)).toEqual(['SOL_PACKET', 'PACKET_TIMESTAMP']);
    expect(sys('c000003e', 54, ['3', 'ff', '1', '4']).slice(1, 3)).toEqual(['SOL_RAW', '0x1']);
    expect(sys('c000003e', 54, ['3', '1', '11', '4'])[2]).toBe('SO_PEERCRED');
    expect(sys('80000015', 339, ['3', '1', '11', '4'])[2]).toBe('SO_SNDLOWAT');
  });

  test('socketcall and ipc name their call', () => {
    expect(interp('type=SYSCALL msg=audit(1.000:1): arch=40000003 syscall=102 a0=3 a1=0').slice(1, 3)).toEqual(['socketcall(connect)', 'connect']);
    expect(interp('type=SYSCALL msg=audit(1.000:1): arch=40000003 syscall=117 a0=3 a1=0').slice(1, 3)).toEqual(['ipc(semctl)', '0x3']);
    expect(interp('type=SYSCALL msg=audit(1.000:1): arch=40000003 syscall=102 a0=30 a1=0').slice(1, 3)).toEqual(['socketcall', 'unknown-socketcall(30)']);
  });

  test('icmptype, hook, action, ioctlcmd, PATH flags', () => {
    expect(interp('type=NETFILTER_PKT msg=audit(1.000:1): proto=1 icmptype=3')).toEqual(['icmp', 'destination-unreachable']);
    expect(interp('type=NETFILTER_CFG msg=audit(1.000:1): family=2 hook=1 action=2')).toEqual(['ipv4', 'INPUT', 'REJECT']);
    expect(interp('type=NETFILTER_CFG msg=audit(1.000:1): hook=6 action=3')).toEqual(['unknown-hook(6)', 'unknown-action(3)']);
    expect(interp('type=AVC msg=audit(1.000:1): ioctlcmd=0x541b ioctlcmd=0x1234')).toEqual(['TIOCINQ', '0x1234']);
    expect(interp('type=PATH msg=audit(1.000:1): flags=3 flags=0 flags=8')).toEqual(['follow,directory', 'none', '0x8']);
    expect(interp('type=MMAP msg=audit(1.000:1): flags=3')).toEqual(['MAP_SHARED|MAP_PRIVATE']);
  });

  test('namespace inodes (extension): the initial namespaces are named, others stay raw', () => {
    expect(interp('type=UNKNOWN[1340] msg=audit(1.000:1): old_utsns=4026531838 utsns=4026532100 ipcns=4026531839 netns=4026531839 mntns=4026531840')).toEqual([
      'init_uts', '4026532100', 'init_ipc', '4026531839', '4026531840',
    ]);
    expect(fieldKind(1340, 'userns', '4026531837')).toBe('ns-inode');
  });

  test('a capability set is the same through the cache', () => {
    for (let i = 0; i < 2; i++) {
      expect(interp('type=PATH msg=audit(1.000:1): cap_fp=0 cap_fi=0000000000000000 cap_fe=0')).toEqual(['none', 'none', '0']);
      expect(interp('type=CAPSET msg=audit(1.000:1): cap_pe=000001ffffffffff')[0]!.split(',').length).toBe(41);
      expect(interp('type=CAPSET msg=audit(1.000:1): cap_pe=8000000000000001')).toEqual(['chown']);
    }
  });
});

describe('numbers from the wire', () => {
  test('leadingNumber saturates at 2^64-1 like strtoull (and so stays linear in the digits)', () => {
    expect(leadingNumber('18446744073709551615', 10)).toBe(0xffffffffffffffffn);
    expect(leadingNumber('18446744073709551616', 10)).toBe(0xffffffffffffffffn);
    expect(leadingNumber('9'.repeat(100_000), 10)).toBe(0xffffffffffffffffn);
    expect(leadingNumber('-1', 10)).toBe(-1n);
    expect(leadingNumber('7fz', 16)).toBe(0x7fn);
  });
});
