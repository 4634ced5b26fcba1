import fc from 'fast-check';
import { buildContidRule, buildRecordFrame, buildSignalInfo2Reply } from '../audit/dialects/index.js';
import type { PayloadCodec } from '../audit/codec.js';
import { featuresCodec } from '../audit/messages/features.js';
import { makeEquivCodec } from '../audit/messages/make-equiv.js';
import { replaceCodec } from '../audit/messages/replace.js';
import { sigInfoCodec } from '../audit/messages/sig-info.js';
import { ttyStatusCodec } from '../audit/messages/tty-status.js';
import { NLM_F } from '../netlink/flags.js';
import { normalizeAsKernel, ruleToBytes } from '../rules/messages.js';
import { buildFrame, concatBytes, encodeBody } from './frame.js';
import {
  ack, ctxArbitrary, dg, EMPTY, errno, eventDatagrams, getExchange, recordFraming, reply, request, setExchange, type Maker,
} from './kit.js';
import { idArbitrary, littleEndianArbitrary, pidArbitrary, recordTimeArbitrary, serialArbitrary, sessionArbitrary, subjArbitrary } from './primitives.js';
import { configChangeArbitrary, syscallEventRecordsArbitrary, USER_MESSAGE_TYPES, userMessageTextArbitrary, userRecordBody, type EventSpec } from './records.js';
import { ruleArbitrary } from './rules.js';
import { auditFeaturesArbitrary, auditReplaceArbitrary, auditSigInfoArbitrary, auditStatusArbitrary, auditTtyStatusArbitrary, makeEquivArbitrary, ZERO_FEATURES } from './structs.js';
import type { FamilyName, GeneratedDatagram, GeneratedExchange, ResolvedOptions } from './types.js';
import { containerFamily, namespaceFamily } from './proposals.js';

/** The families of mainline exchanges (and the dialect variants of rule and sig-info). */

const utf8 = new TextEncoder();

function statusCodecOf(o: ResolvedOptions): PayloadCodec<unknown> {
  return o.dialect.registry.codecForKind('status')!;
}

const status: Maker = (o) =>
  fc.tuple(ctxArbitrary(o), auditStatusArbitrary({ dialect: o.dialect })).map(([c, s]) => getExchange(o, 'status', c, 1000, EMPTY, 1000, encodeBody(statusCodecOf(o), s, c.le)));

const setStatus: Maker = (o) =>
  fc
    .tuple(ctxArbitrary(o), auditStatusArbitrary({ dialect: o.dialect, size: 'full' }), fc.constantFrom(0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x40), fc.integer({ min: 0, max: 5000 }))
    .map(([c, s, bit, lost]) => {
      // auditctl zeroes the struct and sets one mask bit; --reset-lost gets the old counter back as a positive "error".
      const zero: Record<string, number | Uint8Array> = {};
      for (const k of Object.keys(s)) zero[k] = k === 'trailing' ? EMPTY : 0;
      const name = o.dialect.statusFields.find((f) => f.maskBit === bit)?.name;
      zero['mask'] = bit;
      if (name !== undefined && name !== 'lost') zero[name] = s[name] as number;
      return setExchange(o, 'set-status', c, 1001, encodeBody(statusCodecOf(o), zero, c.le), bit === 0x40 ? lost : 0);
    });

const features: Maker = (o) =>
  fc.tuple(ctxArbitrary(o), auditFeaturesArbitrary(), fc.boolean()).map(([c, f, get]) =>
    get
      ? getExchange(o, 'features', c, 1019, encodeBody(featuresCodec, ZERO_FEATURES, c.le), 1019, encodeBody(featuresCodec, f, c.le))
      : setExchange(o, 'features', c, 1018, encodeBody(featuresCodec, f, c.le)),
  );

/** ghak90's AUDIT_CONTID rule (8 raw host-order bytes in buf), when the dialect has the field. */
function contidRuleBytes(o: ResolvedOptions): fc.Arbitrary<((le: boolean) => Uint8Array) | null> {
  if (o.dialect.ruleFields.get(27)?.value !== 'u64-bytes') return fc.constant(null);
  const rule = fc.record({
    list: fc.constantFrom('exit' as const, 'exclude' as const, 'user' as const),
    action: fc.constantFrom('never' as const, 'always' as const),
    op: fc.constantFrom('=' as const, '!=' as const),
    contid: fc.bigInt({ min: 0n, max: 0xffff_ffff_ffff_fffen }),
    key: fc.option(fc.stringMatching(/^[a-z0-9_-]{1,12}$/), { nil: undefined }),
  });
  return fc.option(
    rule.map(({ key, ...r }) => (le: boolean) => ruleToBytes(buildContidRule({ dialect: o.dialect, ...r, ...(key === undefined ? {} : { key }), littleEndian: le }), le)),
    { nil: null, freq: 3 },
  );
}

const ruleFamily: Maker = (o) =>
  fc
    .tuple(ctxArbitrary(o), ruleArbitrary(), contidRuleBytes(o), fc.constantFrom(1011, 1011, 1012), fc.constantFrom('', '', '', 'EEXIST', 'ENOENT', 'EINVAL', 'EPERM'))
    .map(([c, r, contid, type, err]) => {
      const e = err === '' ? 0 : type === 1011 && err === 'ENOENT' ? errno('EEXIST') : errno(err);
      return setExchange(o, 'rule', c, type, contid === null ? ruleToBytes(r.rule, c.le) : contid(c.le), e);
    });

const listRules: Maker = (o) =>
  fc.tuple(ctxArbitrary(o), fc.array(ruleArbitrary(), { maxLength: o.maxRules }), o.batchReplies ? fc.boolean() : fc.constant(false)).map(([c, rules, batched]) => {
    const req = request(c, 1013, EMPTY);
    // audit_list_rules_send: one AUDIT_LIST_RULES reply per rule, NLM_F_MULTI, then NLMSG_DONE (no payload).
    const parts = rules.map((r) => reply(c, 1013, ruleToBytes(normalizeAsKernel(r.rule), c.le), NLM_F.MULTI));
    const done = reply(c, 3, EMPTY, NLM_F.MULTI);
    const out: GeneratedDatagram[] = [dg(o, 'list-rules', c, 'request', req, 'to-kernel'), ack(o, 'list-rules', c, req)];
    if (batched) out.push(dg(o, 'list-rules', c, 'replies+done', concatBytes([...parts, done]), 'from-kernel'));
    else {
      for (const p of parts) out.push(dg(o, 'list-rules', c, 'reply', p, 'from-kernel'));
      out.push(dg(o, 'list-rules', c, 'done', done, 'from-kernel'));
    }
    return out;
  });

/**
 * AUDIT_SIGNAL_INFO, or on ghak90 dialects sometimes the AUDIT_SIGNAL_INFO2 reply alone (its
 * request has no payload, which the dialect's codec for type 1021 does not take).
 */
const sigInfo: Maker = (o) => {
  const plain = fc.tuple(ctxArbitrary(o), auditSigInfoArbitrary()).map(([c, s]) => getExchange(o, 'sig-info', c, 1010, EMPTY, 1010, encodeBody(sigInfoCodec, s, c.le)));
  if (!o.dialect.typeNumbers.has('SIGNAL_INFO2')) return plain;
  const v11 = o.dialect.name.startsWith('ghak90-v11');
  const two = fc.tuple(ctxArbitrary(o), auditSigInfoArbitrary(), fc.bigInt({ min: 0n, max: 0xffff_ffff_ffff_ffffn })).map(([c, s, id]): GeneratedExchange => {
    // v11 prints the contid as decimal text after the struct; V7/V8 carry it as a u64.
    const body = v11 ? { uid: s.uid, pid: s.pid, cid_len: id.toString().length, contid: id, ctx: s.ctx } : { uid: s.uid, pid: s.pid, cid: id, ctx: s.ctx };
    return [dg(o, 'sig-info', c, 'reply', buildSignalInfo2Reply(o.dialect, body, { littleEndian: c.le, seq: c.seq }), 'from-kernel')];
  });
  return fc.oneof(plain, two);
};

const ttyStatus: Maker = (o) =>
  fc.tuple(ctxArbitrary(o), auditTtyStatusArbitrary(), fc.boolean()).map(([c, t, get]) =>
    get
      ? getExchange(o, 'tty-status', c, 1016, EMPTY, 1016, encodeBody(ttyStatusCodec, t.log_passwd === undefined ? { ...t, log_passwd: 0 } : t, c.le))
      : setExchange(o, 'tty-status', c, 1017, encodeBody(ttyStatusCodec, t, c.le)),
  );

const makeEquiv: Maker = (o) =>
  fc.tuple(ctxArbitrary(o), makeEquivArbitrary(o.maxStringLength), fc.constantFrom(0, 0, errno('ENOENT'))).map(([c, m, e]) => setExchange(o, 'make-equiv', c, 1015, encodeBody(makeEquivCodec, m, c.le), e));

const trim: Maker = (o) => ctxArbitrary(o).map((c) => setExchange(o, 'trim', c, 1014, EMPTY));

const replace: Maker = (o) =>
  fc.tuple(ctxArbitrary(o), auditReplaceArbitrary()).map(([c, r]) => [
    // kernel/audit.c auditd_test_task → audit_make_reply(0, AUDIT_REPLACE, 0, 0, &pvnr, sizeof(pvnr)).
    dg(o, 'replace', c, 'probe', buildFrame({ type: 1329, flags: 0, seq: 0, pid: 0, payload: encodeBody(replaceCodec, r, c.le), style: 'kernel' }, c.le), 'from-kernel'),
  ]);


const userMessage: Maker = (o) =>
  fc
    .tuple(
      ctxArbitrary(o),
      fc.constantFrom(...USER_MESSAGE_TYPES),
      userMessageTextArbitrary(o),
      fc.record({ pid: pidArbitrary, uid: idArbitrary, auid: idArbitrary, ses: sessionArbitrary, subj: fc.option(subjArbitrary, { nil: undefined }) }),
      recordTimeArbitrary,
      serialArbitrary,
      recordFraming(o),
    )
    .map(([c, type, text, who, time, serial, framing]) => {
      // audit_log_user_message: the text and its NUL, NLMSG_SPACE length; the kernel ACKs and logs it.
      const req = request(c, type, utf8.encode(`${text}\0`));
      const rec = buildRecordFrame(type, { time, serial }, userRecordBody({ ...who, text }), { littleEndian: c.le, framing });
      return [dg(o, 'user-message', c, 'request', req, 'to-kernel'), ack(o, 'user-message', c, req), dg(o, 'user-message', c, 'record', rec, 'from-kernel')];
    });

/** Merge event record lists in the order `picks` says, each event's own order kept. */
export function interleave<T>(lists: readonly (readonly T[])[], picks: readonly number[]): T[] {
  const at = lists.map(() => 0);
  const out: T[] = [];
  let p = 0;
  for (;;) {
    const open = lists.map((_l, i) => i).filter((i) => at[i]! < lists[i]!.length);
    if (open.length === 0) return out;
    const i = open[(picks[p++ % Math.max(1, picks.length)] ?? 0) % open.length]!;
    out.push(lists[i]![at[i]!]!);
    at[i]!++;
  }
}

const event: Maker = (o) =>
  fc
    .tuple(littleEndianArbitrary(o.byteOrder), recordFraming(o), recordTimeArbitrary, serialArbitrary, fc.integer({ min: 1, max: Math.max(1, o.maxEvents) }), fc.array(fc.nat(7), { minLength: 1, maxLength: 16 }))
    .chain(([le, framing, time, serial, n, picks]) =>
      fc
        .tuple(...Array.from({ length: n }, () => fc.oneof({ weight: 4, arbitrary: syscallEventRecordsArbitrary(le, o) }, { weight: 1, arbitrary: configChangeArbitrary().map((r) => [r]) })))
        .map((lists) => {
          // Serials increase; records of one event share the stamp; events interleave on the wire.
          const events: EventSpec[] = lists.map((records, i) => ({ time: { sec: time.sec + Math.floor((time.msec + i) / 1000), msec: (time.msec + i) % 1000 }, serial: ((serial - 1 + i) % 0xffffffff) + 1, records }));
          return interleave(events.map((e) => eventDatagrams(o, 'event', le, framing, e)), picks);
        }),
    );

const record: Maker = (o) =>
  fc.tuple(littleEndianArbitrary(o.byteOrder), recordFraming(o), recordTimeArbitrary, serialArbitrary, configChangeArbitrary()).map(([le, framing, time, serial, r]) =>
    eventDatagrams(o, 'record', le, framing, { time, serial, records: [r] }),
  );

/** One arbitrary per family (options resolved). */
export const FAMILIES: Readonly<Record<FamilyName, Maker>> = {
  status,
  'set-status': setStatus,
  features,
  rule: ruleFamily,
  'list-rules': listRules,
  'sig-info': sigInfo,
  'tty-status': ttyStatus,
  'make-equiv': makeEquiv,
  trim,
  replace,
  'user-message': userMessage,
  event,
  record,
  namespace: namespaceFamily,
  container: containerFamily,
};
