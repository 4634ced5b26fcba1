/**
 * The bench's corpus generators: deterministic by seed, and shaped like the real thing
 * (reference §1.9, §4, §7). No timing here: the bench itself is `npm run bench`.
 */
import { describe, expect, it } from 'vitest';
import { auditLogText } from '../../bench/corpus/auditlog.js';
import { execveRecords, generateEvents, needsHex, T } from '../../bench/corpus/events.js';
import { NETLINK_PSEUDO_HEADER, pcapBytes } from '../../bench/corpus/pcap.js';
import { Rng } from '../../bench/corpus/rng.js';
import { ruleLines } from '../../bench/corpus/rules.js';
import { STATUS_DATAGRAM_SIZE, statusPayloads, statusReplies } from '../../bench/corpus/status.js';

const SIZE = 256 * 1024;
const LINE = /^type=([A-Z_]+) msg=audit\((\d+)\.(\d{3}):(\d+)\): (.*)$/;

function stamps(text: string): { ms: number; serial: number; type: string; body: string }[] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const m = LINE.exec(l);
      if (m === null) throw new Error(`not an audit.log line: ${l.slice(0, 120)}`);
      return { type: m[1]!, ms: Number(m[2]) * 1000 + Number(m[3]), serial: Number(m[4]), body: m[5]! };
    });
}

/** First record time of each event (by serial), in order of appearance. */
function eventTimes(lines: ReturnType<typeof stamps>): number[] {
  const seen = new Map<number, number>();
  for (const l of lines) if (!seen.has(l.serial)) seen.set(l.serial, l.ms);
  return [...seen.values()];
}

describe('Rng', () => {
  it('is a pure function of the seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 8 }, () => a.u32());
    expect(Array.from({ length: 8 }, () => b.u32())).toEqual(xs);
    expect(Array.from({ length: 8 }, () => c.u32())).not.toEqual(xs);
  });
});

describe('audit.log corpus', () => {
  it('is deterministic by seed and differs between seeds', () => {
    const a = auditLogText({ seed: 7, shape: 'dense', sizeBytes: SIZE });
    expect(auditLogText({ seed: 7, shape: 'dense', sizeBytes: SIZE })).toBe(a);
    expect(auditLogText({ seed: 8, shape: 'dense', sizeBytes: SIZE })).not.toBe(a);
  });

  it('reaches the size and stops at an event boundary', () => {
    const text = auditLogText({ seed: 1, shape: 'sparse', sizeBytes: SIZE });
    expect(text.length).toBeGreaterThanOrEqual(SIZE);
    expect(text.length).toBeLessThan(SIZE + 64 * 1024);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('holds every line in auditd RAW format, with the realistic mix', () => {
    const lines = stamps(auditLogText({ seed: 1, shape: 'dense', sizeBytes: SIZE }));
    const types = new Set(lines.map((l) => l.type));
    for (const t of ['SYSCALL', 'PATH', 'CWD', 'PROCTITLE', 'EXECVE', 'SOCKADDR', 'USER_ACCT', 'USER_START', 'CRED_ACQ', 'SERVICE_START', 'AVC']) expect(types).toContain(t);
    expect(types).not.toContain('EOE'); // auditd never writes EOE
    const bodies = lines.map((l) => l.body);
    expect(bodies.some((b) => / a\d+_len=\d+ a\d+\[0\]=/.test(b))).toBe(true); // split long arguments
    expect(bodies.some((b) => /^a\d+\[\d+\]=/.test(b))).toBe(true); // continued in a following EXECVE record
    expect(bodies.some((b) => /msg='op=PAM:[^']*res=(success|failed)'$/.test(b))).toBe(true);
    expect(bodies.some((b) => /proctitle=[0-9A-F]+$/.test(b))).toBe(true); // hex-encoded values
    expect(bodies.some((b) => /comm=[0-9A-F]{4,} /.test(b))).toBe(true);
    for (const l of lines) if (l.type === 'EXECVE') expect(l.body.length).toBeLessThanOrEqual(7500);
  });

  it('is plain ASCII (every byte the kernel would not print raw is hex-encoded)', () => {
    expect(auditLogText({ seed: 4, shape: 'dense', sizeBytes: SIZE })).toMatch(/^[\x20-\x7e\n]*$/);
    expect(auditLogText({ seed: 4, shape: 'dense', sizeBytes: SIZE, enriched: true })).toMatch(/^[\x1d\x20-\x7e\n]*$/);
  });

  it('writes quoted values only when the kernel would not hex-encode them', () => {
    for (const l of stamps(auditLogText({ seed: 3, shape: 'dense', sizeBytes: SIZE }))) {
      if (l.type === 'AVC' || l.body.includes("msg='")) continue;
      for (const m of l.body.matchAll(/ (?:comm|exe|name|cwd|a\d+|a\d+\[\d+\])="([^"]*)"/g)) expect(needsHex(m[1]!)).toBe(false);
    }
  });

  it('dense: events 0-3 ms apart; sparse: seconds apart', () => {
    const dense = eventTimes(stamps(auditLogText({ seed: 1, shape: 'dense', sizeBytes: SIZE })));
    const sparse = eventTimes(stamps(auditLogText({ seed: 1, shape: 'sparse', sizeBytes: SIZE })));
    const gaps = (ts: number[]) => ts.slice(1).map((t, i) => t - ts[i]!);
    // Interleaved records can put a later event first, so look at sorted times for dense.
    const d = gaps([...dense].sort((a, b) => a - b));
    expect(Math.max(...d)).toBeLessThanOrEqual(3);
    expect(Math.min(...gaps(sparse))).toBeGreaterThanOrEqual(1000);
  });

  it('dense logs interleave some records of different events, sparse ones do not', () => {
    const interleaved = (text: string) => {
      const lines = stamps(text);
      let n = 0;
      for (let i = 2; i < lines.length; i++) if (lines[i]!.serial === lines[i - 2]!.serial && lines[i - 1]!.serial !== lines[i]!.serial) n++;
      return n;
    };
    expect(interleaved(auditLogText({ seed: 1, shape: 'dense', sizeBytes: SIZE }))).toBeGreaterThan(0);
    expect(interleaved(auditLogText({ seed: 1, shape: 'sparse', sizeBytes: SIZE }))).toBe(0);
  });

  it('adds the ENRICHED suffix after 0x1D when asked', () => {
    const text = auditLogText({ seed: 1, shape: 'dense', sizeBytes: 64 * 1024, enriched: true });
    const sys = text.split('\n').find((l) => l.startsWith('type=SYSCALL'))!;
    expect(sys).toMatch(/key=[^\x1d]*\x1dARCH=x86_64 SYSCALL=\w+ AUID="[^"]+" UID="[^"]+"/);
    expect(auditLogText({ seed: 1, shape: 'dense', sizeBytes: 64 * 1024 })).not.toContain('\x1d');
  });

  it('splits long EXECVE arguments as aN_len + aN[i] over several records', () => {
    const recs = execveRecords(['sh', '-c', 'x'.repeat(9000)]);
    expect(recs.length).toBeGreaterThan(1);
    expect(recs[0]!.body).toMatch(/^argc=3 a0="sh" a1="-c" a2_len=9000 a2\[0\]="x{2000}"/);
    expect(recs.every((r) => r.type === T.EXECVE && r.body.length <= 7500)).toBe(true);
    expect(recs.map((r) => r.body).join(' ').match(/a2\[\d+\]=/g)).toHaveLength(5);
  });
});

describe('pcap corpus', () => {
  const bytes = pcapBytes({ seed: 1, shape: 'dense', sizeBytes: SIZE });
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  it('is deterministic by seed', () => {
    expect(pcapBytes({ seed: 1, shape: 'dense', sizeBytes: SIZE })).toEqual(bytes);
    expect(pcapBytes({ seed: 2, shape: 'dense', sizeBytes: SIZE })).not.toEqual(bytes);
  });

  it('has a little-endian LINKTYPE_NETLINK global header', () => {
    expect([...bytes.subarray(0, 24)]).toEqual([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0xfd, 0, 0, 0]);
  });

  it('holds one kernel-shaped record per datagram, multicast lengths, EOE after syscall events', () => {
    let at = 24;
    let n = 0;
    const types = new Map<number, number>();
    let lastSerial = '';
    let sawSyscallSerial = '';
    let eoeAfterSyscall = 0;
    while (at < bytes.length) {
      const incl = v.getUint32(at + 8, true);
      expect(v.getUint32(at + 12, true)).toBe(incl);
      const pkt = bytes.subarray(at + 16, at + 16 + incl);
      expect([...pkt.subarray(0, 16)]).toEqual([...NETLINK_PSEUDO_HEADER]);
      const nl = new DataView(pkt.buffer, pkt.byteOffset + 16);
      const nlLen = nl.getUint32(0, true);
      expect(nlLen).toBe(incl - 16); // multicast: header + text, no NUL, no padding
      const type = nl.getUint16(4, true);
      expect([nl.getUint16(6, true), nl.getUint32(8, true), nl.getUint32(12, true)]).toEqual([0, 0, 0]);
      const text = new TextDecoder('latin1').decode(pkt.subarray(32));
      const m = /^audit\((\d+\.\d{3}:\d+)\): /.exec(text);
      expect(m).not.toBeNull();
      if (type === T.EOE) {
        expect(text).toBe(`audit(${m![1]}): `);
        if (m![1] === sawSyscallSerial) eoeAfterSyscall++;
      }
      if (type === T.SYSCALL) sawSyscallSerial = m![1]!;
      lastSerial = m![1]!;
      types.set(type, (types.get(type) ?? 0) + 1);
      at += 16 + incl;
      n++;
    }
    expect(at).toBe(bytes.length);
    expect(lastSerial).not.toBe('');
    expect(n).toBeGreaterThan(100);
    expect(eoeAfterSyscall).toBeGreaterThan(0);
    expect(types.get(T.EOE)).toBeGreaterThan(0);
    for (const t of [T.SYSCALL, T.PATH, T.CWD, T.PROCTITLE, T.EXECVE, T.USER_ACCT]) expect(types.get(t)).toBeGreaterThan(0);
  });
});

describe('event stream', () => {
  it('gives increasing serials', () => {
    const it = generateEvents({ seed: 5, shape: 'dense' });
    let prev = -1;
    for (let i = 0; i < 500; i++) {
      const ev = it.next().value!;
      expect(ev.serial).toBeGreaterThan(prev);
      prev = ev.serial;
    }
  });
});

describe('status workload', () => {
  it('is deterministic and made of 60-byte AUDIT_GET replies', () => {
    const a = statusReplies(1, 100);
    expect(statusReplies(1, 100)).toEqual(a);
    expect(statusReplies(2, 100)).not.toEqual(a);
    expect(a.length).toBe(100 * STATUS_DATAGRAM_SIZE);
    const v = new DataView(a.buffer);
    for (let i = 0; i < 100; i++) {
      expect(v.getUint32(i * 60, true)).toBe(60);
      expect(v.getUint16(i * 60 + 4, true)).toBe(1000);
      expect(v.getUint32(i * 60 + 16, true)).toBe(0); // mask 0 in GET replies
      expect(v.getUint32(i * 60 + 20, true)).toBeLessThanOrEqual(2); // enabled
    }
    expect(statusPayloads(a).map((p) => p.length)).toEqual(Array(100).fill(44));
  });
});

describe('rule workload', () => {
  it('is deterministic and made of auditctl lines', () => {
    const a = ruleLines(1, 300);
    expect(ruleLines(1, 300)).toEqual(a);
    expect(ruleLines(2, 300)).not.toEqual(a);
    for (const l of a) expect(l).toMatch(/^(-w \/\S+ -p [rwxa]+ -k \S+|-a \S+ -F arch=b(32|64)( -S \S+)+( -F \S+)* -k \S+)$/);
    expect(a.some((l) => l.startsWith('-w '))).toBe(true);
    expect(a.some((l) => l.includes('-F auid>=1000'))).toBe(true);
  });
});
