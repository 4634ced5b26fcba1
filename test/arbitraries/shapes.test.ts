/** The generated exchanges have the shapes the kernel gives them (what the issue asks for, checked). */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { argvArbitrary, execveBodies, familyArbitrary, interleave, sampleDatagrams, type GeneratedExchange } from '../../src/arbitraries/index.js';
import type { AuditMessage } from '../../src/audit/index.js';
import { formatRecordPayload, joinExecveArgs, parseRecordPayload } from '../../src/records/index.js';
import { decodeGenerated } from './helpers.js';

const RUNS = 200;
const msgs = (ex: GeneratedExchange): AuditMessage[][] => ex.map((d) => [...decodeGenerated(d).messages]);

describe('control exchanges', () => {
  test('request → ACK (seq echoed, CAPPED or old-style header only) → reply with the same seq', () => {
    fc.assert(
      fc.property(familyArbitrary('status'), (ex) => {
        const [[req], [ack], [reply]] = msgs(ex) as [[AuditMessage], [AuditMessage], [AuditMessage]];
        expect(req.kind).toBe('empty');
        expect(ack.kind).toBe('error');
        expect(reply.kind).toBe('status');
        if (ack.kind !== 'error') return;
        expect(ack.body.error).toBe(0);
        expect(ack.body.msg.nlmsg_seq).toBe(req.header.nlmsg_seq);
        expect(ack.header.nlmsg_seq).toBe(req.header.nlmsg_seq);
        expect(reply.header.nlmsg_seq).toBe(req.header.nlmsg_seq);
        expect([0x100, 0]).toContain(ack.header.nlmsg_flags);
      }),
      { numRuns: RUNS },
    );
  });

  test('audit_status comes in 32, 40, 44 and longer sizes', () => {
    const sizes = new Set<number>();
    for (const ex of fc.sample(familyArbitrary('status'), { numRuns: RUNS, seed: 1 })) sizes.add(ex[2]!.bytes.length - 16);
    expect([...sizes].filter((n) => n <= 44).sort()).toEqual([32, 40, 44]);
    expect([...sizes].some((n) => n > 44)).toBe(true);
  });

  test('errors and positive values echo the whole request', () => {
    const seen = { negative: 0, positive: 0 };
    for (const ex of fc.sample(fc.oneof(familyArbitrary('rule'), familyArbitrary('set-status')), { numRuns: RUNS, seed: 2 })) {
      const [[req], [ack]] = msgs(ex) as [[AuditMessage], [AuditMessage]];
      if (ack.kind !== 'error' || ack.body.error === 0) continue;
      seen[ack.body.error < 0 ? 'negative' : 'positive']++;
      expect(ack.body.request?.kind).toBe(req.kind);
      expect(ack.body.errno === null).toBe(ack.body.error > 0);
    }
    expect(seen.negative).toBeGreaterThan(0);
    expect(seen.positive).toBeGreaterThan(0);
  });

  test('LIST_RULES: request, ACK, one NLM_F_MULTI reply per rule, NLMSG_DONE last (also batched in one datagram)', () => {
    fc.assert(
      fc.property(familyArbitrary('list-rules', { batchReplies: true }), (ex) => {
        const all = msgs(ex).flat();
        const seq = all[0]!.header.nlmsg_seq;
        expect(all[0]!.kind).toBe('empty');
        expect(all[1]!.kind).toBe('error');
        const rest = all.slice(2);
        expect(rest.at(-1)!.kind).toBe('done');
        expect(rest.slice(0, -1).every((m) => m.kind === 'rule')).toBe(true);
        expect(rest.every((m) => m.header.nlmsg_flags === 2 && m.header.nlmsg_seq === seq)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('records and events', () => {
  test('events: records of one serial share the stamp, syscall events start with SYSCALL and end in EOE, and they interleave', () => {
    let interleaved = 0;
    fc.assert(
      fc.property(familyArbitrary('event'), (ex) => {
        const records = ex.map((d) => {
          const m = decodeGenerated(d).messages[0]!;
          expect(m.kind).toBe('text');
          const text = m.kind === 'text' ? m.body.text : '';
          const r = parseRecordPayload(text, m.header.nlmsg_type);
          expect(formatRecordPayload(r)).toBe(text);
          return r;
        });
        const bySerial = new Map<number, typeof records>();
        for (const r of records) bySerial.set(r.serial, [...(bySerial.get(r.serial) ?? []), r]);
        for (const group of bySerial.values()) {
          expect(new Set(group.map((r) => `${r.time.sec}.${r.time.msec}`)).size).toBe(1);
          if (group[0]!.type === 1300) expect(group.at(-1)!.type).toBe(1320);
          else expect(group.map((r) => r.type)).toEqual([1305]);
        }
        const serials = records.map((r) => r.serial);
        if (serials.some((s, i) => i > 0 && s !== serials[i - 1] && serials.slice(0, i - 1).includes(s))) interleaved++;
      }),
      { numRuns: RUNS },
    );
    expect(interleaved).toBeGreaterThan(0);
  });

  test('the unicast length quirk: nlmsg_len counts the payload only, and decodes as unicast', () => {
    fc.assert(
      fc.property(familyArbitrary('event', { recordFraming: 'unicast' }), (ex) => {
        for (const d of ex) {
          const len = new DataView(d.bytes.buffer).getUint32(0, d.littleEndian);
          expect(len).toBe(d.bytes.length - 16);
          expect(decodeGenerated(d).messages[0]!.framing).toBe('unicast');
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('EXECVE: split arguments (aN_len, aN[k]) over several records join back to the command line', () => {
    fc.assert(
      fc.property(argvArbitrary({ maxStringLength: 24 }), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 2, max: 6 }), (argv, chunk, perRecord) => {
        const records = execveBodies(argv, chunk, perRecord).map((body) => parseRecordPayload(`audit(1.000:1): ${body}`, 1309));
        const joined = joinExecveArgs(records);
        expect(joined.complete).toBe(true);
        expect(joined.args).toEqual(argv);
      }),
      { numRuns: RUNS },
    );
  });

  test('user messages: the kernel record carries the text in msg=\'...\' and parses', () => {
    fc.assert(
      fc.property(familyArbitrary('user-message'), (ex) => {
        const [req, , rec] = ex.map((d) => decodeGenerated(d).messages[0]!);
        expect(req!.direction).toBe('to-kernel');
        if (rec!.kind !== 'text' || req!.kind !== 'text') throw new Error('not text');
        const r = parseRecordPayload(rec!.body.text, rec!.header.nlmsg_type);
        expect(r.fields.some((f) => f.inMsg)).toBe(true);
        expect(rec!.body.text.endsWith(`msg='${req!.body.text}'`)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  test('hex-encoded values, split arguments and every record type appear in a sample', () => {
    const forms = new Set<string>();
    const types = new Set<number>();
    let split = 0;
    for (const d of sampleDatagrams({ count: 600, seed: 99, types: ['event', 'user-message', 'record'] })) {
      const m = decodeGenerated({ ...d, family: 'event', role: '' }).messages[0]!;
      if (m.kind !== 'text' || d.direction !== 'from-kernel') continue;
      const r = parseRecordPayload(m.body.text, m.header.nlmsg_type);
      types.add(r.type);
      for (const f of r.fields) forms.add(f.form);
      if (r.fields.some((f) => /^a\d+\[\d+\]$/.test(f.name))) split++;
    }
    expect(forms).toContain('hex');
    expect(forms).toContain('quoted');
    expect(forms).toContain('null');
    expect(split).toBeGreaterThan(0);
    for (const t of [1300, 1302, 1305, 1306, 1307, 1309, 1320, 1327]) expect(types).toContain(t);
    expect([...types].some((t) => t >= 1100 && t < 1200)).toBe(true);
  });

  test('interleave keeps each list in order', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(), { maxLength: 5 }), { maxLength: 4 }), fc.array(fc.nat(9), { maxLength: 8 }), (lists, picks) => {
        const tagged = lists.map((l, i) => l.map((v, j) => [i, j, v] as const));
        const out = interleave(tagged, picks);
        expect(out.length).toBe(lists.flat().length);
        tagged.forEach((l, i) => expect(out.filter(([k]) => k === i)).toEqual(l));
      }),
      { numRuns: RUNS },
    );
  });
});
