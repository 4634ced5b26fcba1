import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDatagram, encodeDatagram, encodeMessage } from '../../src/audit/datagram.js';
import type { AuditMessage } from '../../src/audit/message.js';
import type { AuditRuleData } from '../../src/audit/messages/rule-data.js';
import {
  buildAddRuleRequest,
  buildCloneEvent,
  buildContainerIdEvent,
  buildContainerOpEvent,
  buildContidRule,
  buildSignalInfo2Reply,
  CLONE_NEW,
  contidOfRule,
  defineDialect,
  getDialect,
  NS_2015_TYPES,
  parseContidList,
  readDialectRecord,
  singleContid,
  type ContainerIdValues,
  type Dialect,
  type NamespaceValues,
  type SyscallValues,
  type TypedRecord,
} from '../../src/audit/dialects/index.js';
import { fromHex } from '../../src/bytes/hex.js';
import { compileRule } from '../../src/rules/compile.js';
import { view } from './helpers.js';

const RULE_CREATE = '-a always,exit -F arch=b64 -S clone -F a0&0x7C020000 -F key=container-create';
const RULE_CONFIG = '-a always,exit -F arch=b64 -S unshare,setns -F key=container-config';

function sentRule(file: string): Uint8Array {
  const line = readFileSync(`test/fixtures/vectors/${file}`, 'utf8').split('\n').find((l) => l.startsWith('sendto 3004'));
  return fromHex(line!.slice('sendto '.length));
}

/** ghak90 v11 with the 2015 NS_INIT records, which do not collide with its numbers (1330–1335). */
const CONTAINERS = defineDialect({ name: 'ghak90-v11+ns-init', base: 'ghak90-v11', types: NS_2015_TYPES.slice(0, 6) });

const X86_64 = 0xc000003e;
const SYSCALL: SyscallValues = {
  arch: X86_64, syscall: 56, exit: 4242n, args: [BigInt(CLONE_NEW.mnt | CLONE_NEW.pid | CLONE_NEW.net | 0x11), 0n, 0n, 0n], items: 0,
  ppid: 1000, pid: 1001, auid: 1000, uid: 0, gid: 0, euid: 0, suid: 0, fsuid: 0, egid: 0, sgid: 0, fsgid: 0,
  tty: 'pts0', ses: 3, comm: 'runc:[1:CHILD]', exe: '/usr/bin/runc', subj: 'unconfined', key: 'container-create',
};
const DEV = { major: 0, minor: 4 };

function decodeAll(frames: readonly Uint8Array[], d: Dialect): AuditMessage[] {
  return frames.map((f) => {
    const dec = decodeDatagram(f, { littleEndian: true, registry: d.registry });
    expect(encodeDatagram(dec, { registry: d.registry })).toEqual(f);
    expect(dec.messages).toHaveLength(1);
    return dec.messages[0]!;
  });
}

function ruleMatches(rule: AuditRuleData, ev: { arch: number; syscall: number; a0: bigint }): boolean {
  if ((rule.mask[ev.syscall >> 5]! & (1 << (ev.syscall & 31))) === 0) return false;
  for (let i = 0; i < rule.field_count; i++) {
    const [f, v, op] = [rule.fields[i]!, rule.values[i]!, rule.fieldflags[i]!];
    if (f === 11 && op === 0x40000000 && v !== ev.arch) return false;
    if (f === 200 && op === 0x08000000 && (ev.a0 & BigInt(v)) === 0n) return false;
  }
  return true;
}

function keyOf(rule: AuditRuleData): string {
  const i = rule.fields.findIndex((f) => f === 210);
  return new TextDecoder().decode(rule.strings[i]!);
}

describe('the container rules of the audit container discussion, end to end', () => {
  it('compile to the bytes auditctl sent, and decode under ghak90-v11 with their keys', () => {
    for (const [line, file, key] of [[RULE_CREATE, 'auditctl-add-rule-1.txt', 'container-create'], [RULE_CONFIG, 'auditctl-add-rule-2.txt', 'container-config']] as const) {
      const sent = sentRule(file);
      const compiled = compileRule(line).rule;
      expect(encodeMessage({ kind: 'rule', header: { nlmsg_type: 1011, nlmsg_flags: 5, nlmsg_seq: 2, nlmsg_pid: 0 }, body: compiled }, { littleEndian: true })).toEqual(sent);
      const dec = decodeDatagram(sent, { littleEndian: true, registry: getDialect('ghak90-v11').registry });
      const m = dec.messages[0]!;
      expect(m.kind).toBe('rule');
      if (m.kind !== 'rule') return;
      expect(keyOf(m.body)).toBe(key);
      expect(encodeDatagram(dec, { registry: getDialect('ghak90-v11').registry })).toEqual(sent);
    }
  });

  it('a clone with CLONE_NEWNS|CLONE_NEWPID|CLONE_NEWNET, its NS_INIT records and a CONTAINER_ID decode back', () => {
    const rule = compileRule(RULE_CREATE).rule;
    expect(ruleMatches(rule, { arch: X86_64, syscall: 56, a0: SYSCALL.args[0] })).toBe(true);
    const stamp = { time: { sec: 1606404280, msec: 226 }, serial: 174542 };
    const clone = buildCloneEvent(
      {
        dialect: CONTAINERS, ...stamp, syscall: SYSCALL,
        namespaces: [
          { ns: 'mnt', dev: DEV, inode: 4026532500, res: 1 },
          { ns: 'pid', dev: DEV, inode: 4026532503, res: 1 },
          { ns: 'net', dev: DEV, inode: 4026532506, res: 1 },
        ],
      },
      { littleEndian: true },
    );
    const contid = buildContainerIdEvent({ dialect: CONTAINERS, ...stamp, serial: 174543, syscall: SYSCALL, contid: parseContidList('4,^2,^1') }, { littleEndian: true });
    const messages = decodeAll([...clone, ...contid], CONTAINERS);
    expect(messages.map((m) => m.name)).toEqual(['SYSCALL', 'NS_INIT_MNT', 'NS_INIT_PID', 'NS_INIT_NET', 'EOE', 'SYSCALL', 'CONTAINER_ID', 'EOE']);
    const read = messages.map((m) => readDialectRecord(CONTAINERS, m)!);
    const sys = read[0]!.record;
    expect(sys.fields.find((f) => f.name === 'key')?.value).toBe('container-create');
    expect(BigInt(`0x${sys.fields.find((f) => f.name === 'a0')!.value}`) & 0x7c020000n).toBe(BigInt(CLONE_NEW.mnt | CLONE_NEW.pid | CLONE_NEW.net));
    expect(sys.fields.find((f) => f.name === 'comm')?.value).toBe('runc:[1:CHILD]');
    const ns = read.slice(1, 4).map((r) => (r.typed as TypedRecord<NamespaceValues>).values.inode);
    expect(ns).toEqual([4026532500, 4026532503, 4026532506]);
    expect(read[5]!.record.fields.find((f) => f.name === 'record')?.value).toBe('1');
    const cid = read[6]!.typed as TypedRecord<ContainerIdValues>;
    expect(cid.values).toEqual({ record: 1, contid: { chains: [{ id: 4n, ancestors: [2n, 1n] }] } });
    expect(read.every((r) => r.error === undefined)).toBe(true);
  });

  it('the same frames under the wrong dialect: mainline calls them KERN_MODULE, BPF, EVENT_LISTENER, URINGOP', () => {
    const stamp = { time: { sec: 1, msec: 0 }, serial: 9 };
    const clone = buildCloneEvent({ dialect: getDialect('ns-2015'), ...stamp, syscall: SYSCALL, namespaces: [{ ns: 'mnt', dev: DEV, inode: 1 }, { ns: 'pid', dev: DEV, inode: 2 }, { ns: 'net', dev: DEV, inode: 3 }], eoe: false }, { littleEndian: true });
    const ids = buildContainerIdEvent({ dialect: getDialect('ghak90-v11'), ...stamp, syscall: SYSCALL, contid: singleContid(5n), eoe: false }, { littleEndian: true });
    expect(decodeAll([...clone, ...ids], getDialect('mainline')).map((m) => m.name)).toEqual(['SYSCALL', 'KERN_MODULE', 'BPF', 'EVENT_LISTENER', 'SYSCALL', 'URINGOP']);
    expect(decodeAll(clone, getDialect('ns-2015')).map((m) => m.name)).toEqual(['SYSCALL', 'NS_INIT_MNT', 'NS_INIT_PID', 'NS_INIT_NET']);
  });

  it('an unshare under the container-config rule: old and new inode of the namespace it left', () => {
    const rule = compileRule(RULE_CONFIG).rule;
    const unshare = { ...SYSCALL, syscall: 272, exit: 0n, args: [BigInt(CLONE_NEW.net), 0n, 0n, 0n] as const, key: 'container-config' };
    expect(ruleMatches(rule, { arch: X86_64, syscall: 272, a0: unshare.args[0] })).toBe(true);
    expect(ruleMatches(rule, { arch: X86_64, syscall: 56, a0: 0n })).toBe(false);
    const frames = buildCloneEvent({ dialect: getDialect('ns-2015'), time: { sec: 2, msec: 5 }, serial: 10, syscall: unshare, namespaces: [{ ns: 'net', pid: 1001, auid: 1000, ses: 3, dev: DEV, oldInode: 4026531840, inode: 4026532999, res: 1 }] }, { littleEndian: false, framing: 'multicast' });
    const d = getDialect('ns-2015');
    const m = frames.map((f) => decodeDatagram(f, { littleEndian: false, registry: d.registry }).messages[0]!);
    const rec = readDialectRecord(d, m[1]!)!;
    expect(rec.record.fields.map((f) => `${f.name}=${f.raw}`).join(' ')).toBe('pid=1001 auid=1000 ses=3 dev=00:04 old_netns=4026531840 netns=4026532999 res=1');
    expect(readDialectRecord(d, m[0]!)!.record.fields.find((f) => f.name === 'key')?.value).toBe('container-config');
  });

  it('a CONTAINER_OP set event (v11 02/11 shape)', () => {
    const frames = buildContainerOpEvent(
      { dialect: getDialect('ghak90-v11'), time: { sec: 1606404267, msec: 551 }, serial: 174524, syscall: { ...SYSCALL, syscall: 1, key: null }, op: { op: 'set', opid: 8730, contid: singleContid(4515122123205246976n), oldContid: singleContid(-1n) } },
      { littleEndian: true },
    );
    const [sys, op] = decodeAll(frames, getDialect('ghak90-v11'));
    expect(op!.kind === 'text' && op!.body.text).toBe('audit(1606404267.551:174524): op=set opid=8730 contid=4515122123205246976 old-contid=-1');
    expect(sys!.kind === 'text' && sys!.body.text.endsWith('key=(null)')).toBe(true);
    expect(view(frames[1]!).getUint32(0, true)).toBe(frames[1]!.length - 16);
  });
});

describe('binary builders', () => {
  it('an AUDIT_CONTID rule: values=8, 8 raw host-order bytes in buf, decoded under ghak90 and kept raw under mainline', () => {
    for (const le of [true, false]) {
      const v11 = getDialect('ghak90-v11');
      const rule = buildContidRule({ dialect: v11, contid: 0x0102030405060708n, op: '!=', arch: X86_64, key: 'ctr', littleEndian: le });
      expect(rule.fields.slice(0, 3)).toEqual([11, 27, 210]);
      expect(rule.values.slice(0, 3)).toEqual([X86_64, 8, 3]);
      expect(rule.fieldflags[1]).toBe(0x30000000);
      expect(rule.strings[1]).toEqual(le ? Uint8Array.of(8, 7, 6, 5, 4, 3, 2, 1) : Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8));
      const frame = buildAddRuleRequest(v11, rule, { littleEndian: le, seq: 7 });
      expect(view(frame).getUint32(0, le)).toBe(frame.length);
      expect(frame.length % 4).toBe(0);
      const m = decodeDatagram(frame, { littleEndian: le, registry: v11.registry }).messages[0]!;
      if (m.kind !== 'rule') throw new Error(m.kind);
      expect(contidOfRule(m.body, 1, le)).toBe(0x0102030405060708n);
      const main = decodeDatagram(frame, { littleEndian: le, registry: getDialect('mainline').registry });
      const mb = main.messages[0]!;
      if (mb.kind !== 'rule') throw new Error(mb.kind);
      expect(mb.body.strings[1]).toBeNull();
      expect(() => contidOfRule(mb.body, 1, le)).toThrowError(expect.objectContaining({ code: 'AUDIT_ERR_BAD_LENGTH' }));
      expect(encodeDatagram(main, { registry: getDialect('mainline').registry })).toEqual(frame);
    }
  });

  it('refuses what the kernel refuses: other operators, other lists, dialects without field 27', () => {
    const v11 = getDialect('ghak90-v11');
    expect(() => buildContidRule({ dialect: v11, contid: 1n, op: '>' as '=', littleEndian: true })).toThrowError(expect.objectContaining({ code: 'AUDIT_ERR_BAD_RULE' }));
    expect(() => buildContidRule({ dialect: v11, contid: 1n, list: 'filesystem' as 'exit', littleEndian: true })).toThrowError(expect.objectContaining({ code: 'AUDIT_ERR_BAD_RULE' }));
    expect(() => buildContidRule({ dialect: getDialect('mainline'), contid: 1n, littleEndian: true })).toThrowError(expect.objectContaining({ code: 'AUDIT_ERR_BAD_RULE' }));
  });

  it('AUDIT_SIGNAL_INFO2 replies in the v11 and V7 shapes', () => {
    const v11 = getDialect('ghak90-v11');
    const ctx = new TextEncoder().encode('system_u:system_r:init_t:s0\0');
    const body = { uid: 1000, pid: 4242, cid_len: 3, contid: 123n, ctx };
    const f = buildSignalInfo2Reply(v11, body, { littleEndian: true, seq: 9 });
    expect([view(f).getUint32(0, true), view(f).getUint16(4, true), view(f).getUint16(6, true), view(f).getUint32(8, true), view(f).getUint32(12, true)]).toEqual([16 + 12 + 3 + ctx.length, 1021, 0, 9, 0]);
    expect(f.length).toBe((16 + 12 + 3 + ctx.length + 3) & ~3);
    const m = decodeDatagram(f, { littleEndian: true, registry: v11.registry }).messages[0]!;
    expect(m.name).toBe('SIGNAL_INFO2');
    expect(m.body).toEqual(body);
    const v7 = getDialect('ghak90-v7');
    const b7 = { uid: 0, pid: 1, cid: 0xffff_ffff_ffff_ffffn, ctx: new Uint8Array(0) };
    const f7 = buildSignalInfo2Reply(v7, b7, { littleEndian: false, seq: 1 });
    expect(f7.length).toBe(32);
    expect(decodeDatagram(f7, { littleEndian: false, registry: v7.registry }).messages[0]!.body).toEqual(b7);
    expect(decodeDatagram(f7, { littleEndian: false, registry: getDialect('mainline').registry }).messages[0]!.name).toBe('UNKNOWN[1021]');
  });
});
