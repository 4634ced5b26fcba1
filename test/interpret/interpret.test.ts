import { describe, expect, test } from 'vitest';
import { parseLogLine } from '../../src/records/index.js';
import {
  fieldKind, fieldKindTable, interpretField, interpretRecord, printSockaddr, recordJsonWithInterpretation,
} from '../../src/interpret/index.js';
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
