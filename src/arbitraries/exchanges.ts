import fc from 'fast-check';
import {
  buildCloneEvent, buildContainerIdEvent, buildContainerOpEvent, buildRecordFrame, namespaceSchema, NS_2015_KINDS, rfcContainerSchema, singleContid, syscallBody,
  type ContidList, type NamespaceCreation,
} from '../audit/dialects/index.js';
import type { PayloadCodec } from '../audit/codec.js';
import { featuresCodec } from '../audit/messages/features.js';
import { makeEquivCodec } from '../audit/messages/make-equiv.js';
import { replaceCodec } from '../audit/messages/replace.js';
import { sigInfoCodec } from '../audit/messages/sig-info.js';
import { ttyStatusCodec } from '../audit/messages/tty-status.js';
import { NLM_F } from '../netlink/flags.js';
import { normalizeAsKernel, ruleToBytes } from '../rules/messages.js';
import { ERRNO_NUMBERS } from '../tables/errno.js';
import { ackFrame, buildFrame, concatBytes, encodeBody, type AckMode, type LengthStyle } from './frame.js';
import { littleEndianArbitrary, pidArbitrary, portidArbitrary, recordTimeArbitrary, seqArbitrary, serialArbitrary, idArbitrary, sessionArbitrary, subjArbitrary } from './primitives.js';
import {
  archArbitrary, configChangeArbitrary, syscallEventRecordsArbitrary, syscallValuesArbitrary, USER_MESSAGE_TYPES, userMessageTextArbitrary, userRecordBody,
  type EventSpec,
} from './records.js';
import { ruleArbitrary } from './rules.js';
import { auditFeaturesArbitrary, auditReplaceArbitrary, auditSigInfoArbitrary, auditStatusArbitrary, auditTtyStatusArbitrary, makeEquivArbitrary, ZERO_FEATURES } from './structs.js';
import type { FamilyName, GeneratedDatagram, GeneratedExchange, ResolvedOptions } from './types.js';

const REQ_ACK = NLM_F.REQUEST | NLM_F.ACK;
const EMPTY = new Uint8Array(0);

/** What every exchange starts from: byte order, the request's seq, the requester's port id. */
interface Ctx {
  readonly le: boolean;
  readonly seq: number;
  readonly portid: number;
  readonly ackMode: AckMode;
}

function ctxArbitrary(o: ResolvedOptions): fc.Arbitrary<Ctx> {
  return fc.record({
    le: littleEndianArbitrary(o.byteOrder),
    seq: seqArbitrary,
    portid: portidArbitrary,
    ackMode: fc.constantFrom<AckMode>('capped', 'capped', 'capped', 'header-only'),
  });
}

type Maker = (o: ResolvedOptions) => fc.Arbitrary<GeneratedExchange>;

function dg(o: ResolvedOptions, family: FamilyName, c: { le: boolean }, role: string, bytes: Uint8Array<ArrayBuffer>, direction: 'to-kernel' | 'from-kernel'): GeneratedDatagram {
  return { bytes, littleEndian: c.le, dialect: o.dialect.name, direction, family, role };
}

/** A request with NLM_F_REQUEST|NLM_F_ACK as libaudit sends it (NLMSG_SPACE length, pid 0). */
function request(c: Ctx, type: number, payload: Uint8Array): Uint8Array<ArrayBuffer> {
  return buildFrame({ type, flags: REQ_ACK, seq: c.seq, pid: 0, payload, style: 'libaudit' }, c.le);
}

/** A reply as `audit_send_reply` makes it (pid 0, the request's seq, nlmsg_put length). */
function reply(c: Ctx, type: number, payload: Uint8Array, flags = 0): Uint8Array<ArrayBuffer> {
  return buildFrame({ type, flags, seq: c.seq, pid: 0, payload, style: 'kernel' }, c.le);
}

function ack(o: ResolvedOptions, family: FamilyName, c: Ctx, req: Uint8Array, error = 0): GeneratedDatagram {
  const mode: AckMode = error === 0 ? c.ackMode : 'full';
  return dg(o, family, c, error === 0 ? 'ack' : 'error', ackFrame(req, error, mode, c.portid, c.le), 'from-kernel');
}

/** Request → ACK → reply, the order auditctl sees for a GET-style request. */
function getExchange(o: ResolvedOptions, family: FamilyName, c: Ctx, type: number, reqPayload: Uint8Array, replyType: number, replyPayload: Uint8Array): GeneratedExchange {
  const req = request(c, type, reqPayload);
  return [dg(o, family, c, 'request', req, 'to-kernel'), ack(o, family, c, req), dg(o, family, c, 'reply', reply(c, replyType, replyPayload), 'from-kernel')];
}

/** Request → ACK (or an error echoing the whole request). */
function setExchange(o: ResolvedOptions, family: FamilyName, c: Ctx, type: number, payload: Uint8Array, error = 0): GeneratedExchange {
  const req = request(c, type, payload);
  return [dg(o, family, c, 'request', req, 'to-kernel'), ack(o, family, c, req, error)];
}

const errno = (name: string): number => -(ERRNO_NUMBERS.get(name) ?? 22);

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

const ruleFamily: Maker = (o) =>
  fc.tuple(ctxArbitrary(o), ruleArbitrary(), fc.constantFrom(1011, 1011, 1012), fc.constantFrom('', '', '', 'EEXIST', 'ENOENT', 'EINVAL', 'EPERM')).map(([c, r, type, err]) => {
    const e = err === '' ? 0 : type === 1011 && err === 'ENOENT' ? errno('EEXIST') : errno(err);
    return setExchange(o, 'rule', c, type, ruleToBytes(r.rule, c.le), e);
  });

const listRules: Maker = (o) =>
  fc.tuple(ctxArbitrary(o), fc.array(ruleArbitrary(), { maxLength: o.maxRules }), fc.boolean()).map(([c, rules, batched]) => {
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

const sigInfo: Maker = (o) =>
  fc.tuple(ctxArbitrary(o), auditSigInfoArbitrary()).map(([c, s]) => getExchange(o, 'sig-info', c, 1010, EMPTY, 1010, encodeBody(sigInfoCodec, s, c.le)));

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

function recordFraming(o: ResolvedOptions): fc.Arbitrary<'unicast' | 'multicast'> {
  return o.recordFraming === 'any' ? fc.constantFrom('unicast', 'multicast') : fc.constant(o.recordFraming);
}

const utf8 = new TextEncoder();

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

function eventDatagrams(o: ResolvedOptions, family: FamilyName, le: boolean, framing: 'unicast' | 'multicast', e: EventSpec): GeneratedDatagram[] {
  return e.records.map((r) => dg(o, family, { le }, r.type === 1320 ? 'eoe' : 'record', buildRecordFrame(r.type, e, r.body, { littleEndian: le, framing }), 'from-kernel'));
}

/** Merge event record lists in the order `picks` says, each event's own order kept. */
export function interleave<T>(lists: readonly (readonly T[])[], picks: readonly number[]): T[] {
  const at = lists.map(() => 0);
  const out: T[] = [];
  let p = 0;
  for (;;) {
    const open = lists.map((l, i) => i).filter((i) => at[i]! < lists[i]!.length);
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
          const events: EventSpec[] = lists.map((records, i) => ({ time: { sec: time.sec + Math.floor((time.msec + i) / 1000), msec: (time.msec + i) % 1000 }, serial: (serial + i) % 0x100000000 || 1, records }));
          return interleave(events.map((e) => eventDatagrams(o, 'event', le, framing, e)), picks);
        }),
    );

const record: Maker = (o) =>
  fc.tuple(littleEndianArbitrary(o.byteOrder), recordFraming(o), recordTimeArbitrary, serialArbitrary, configChangeArbitrary()).map(([le, framing, time, serial, r]) =>
    eventDatagrams(o, 'record', le, framing, { time, serial, records: [r] }),
  );

const nsInode = fc.integer({ min: 0xf0000000, max: 0xf000ffff });

const namespace: Maker = (o) =>
  fc
    .tuple(
      littleEndianArbitrary(o.byteOrder),
      recordFraming(o),
      recordTimeArbitrary,
      serialArbitrary,
      archArbitrary,
      fc.uniqueArray(fc.constantFrom(...NS_2015_KINDS), { minLength: 1, maxLength: 6 }),
      fc.array(nsInode, { minLength: 6, maxLength: 6 }),
      fc.boolean(),
    )
    .chain(([le, framing, time, serial, a, kinds, inodes, del]) =>
      syscallValuesArbitrary(a.arch, a.clone, 0).map((sc) => {
        const opts = { littleEndian: le, framing };
        const dev = { major: 0, minor: 4 };
        if (del) {
          // NS_DEL_*: device and inode only, one record, no syscall context.
          const ns = kinds[0]!;
          const schema = namespaceSchema('del', ns);
          const type = o.dialect.typeNumbers.get(`NS_DEL_${ns.toUpperCase()}`)!;
          return [dg(o, 'namespace', { le }, 'record', buildRecordFrame(type, { time, serial }, schema.format(schema.build({ dev, inode: inodes[0]! })), opts), 'from-kernel')];
        }
        const namespaces: NamespaceCreation[] = kinds.map((ns, i) => ({ ns, dev, inode: inodes[i]! }));
        const frames = buildCloneEvent({ dialect: o.dialect, time, serial, syscall: sc, namespaces }, opts);
        return frames.map((bytes, i) => dg(o, 'namespace', { le }, i === frames.length - 1 ? 'eoe' : 'record', bytes, 'from-kernel'));
      }),
    );

const contidArbitrary = fc.oneof(fc.bigInt({ min: 0n, max: 0xffff_ffff_ffff_fffen }), fc.integer({ min: 1, max: 1000 }).map(BigInt));

const contidListArbitrary: fc.Arbitrary<ContidList> = fc.array(
  fc.record({ id: contidArbitrary, ancestors: fc.array(contidArbitrary, { maxLength: 2 }) }),
  { minLength: 1, maxLength: 3 },
).map((chains) => ({ chains }));

const container: Maker = (o) =>
  fc
    .tuple(littleEndianArbitrary(o.byteOrder), recordFraming(o), recordTimeArbitrary, serialArbitrary, archArbitrary, contidArbitrary, contidListArbitrary, fc.boolean(), pidArbitrary)
    .chain(([le, framing, time, serial, a, id, list, opEvent, opid]) =>
      syscallValuesArbitrary(a.arch, a.write, 0).map((sc) => {
        const opts = { littleEndian: le, framing };
        const wrap = (frames: Uint8Array<ArrayBuffer>[]): GeneratedExchange =>
          frames.map((bytes, i) => dg(o, 'container', { le }, i === frames.length - 1 ? 'eoe' : 'record', bytes, 'from-kernel'));
        const d = o.dialect;
        if (d.typeNumbers.has('CONTAINER') && !d.typeNumbers.has('CONTAINER_OP')) {
          // The 2017 RFC's one record: 128-bit ID, first pid, nsfs device and inodes.
          const body = rfcContainerSchema.format(rfcContainerSchema.build({ op: 'set', contid: (id << 64n) | id, pid: opid, dev: { major: 0, minor: 4 }, mntns: 0xf0000001, netns: 0xf0000002, res: 1 }));
          return wrap([buildRecordFrame(d.typeNumbers.get('CONTAINER')!, { time, serial }, body, opts)]);
        }
        if (opEvent || !d.typeNumbers.has('CONTAINER_ID')) {
          return wrap(buildContainerOpEvent({ dialect: d, time, serial, syscall: sc, op: { op: 'set', opid, contid: singleContid(id), oldContid: singleContid(-1n) } }, opts));
        }
        if (d.name === 'ghak90-v11') return wrap(buildContainerIdEvent({ dialect: d, time, serial, syscall: sc, contid: list }, opts));
        // V7/V8: CONTAINER_ID carries only `contid=%llu`, no record= link.
        const type = d.typeNumbers.get('CONTAINER_ID')!;
        return wrap([
          buildRecordFrame(d.typeNumbers.get('SYSCALL')!, { time, serial }, syscallBody(sc), opts),
          buildRecordFrame(type, { time, serial }, `contid=${id}`, opts),
          buildRecordFrame(d.typeNumbers.get('EOE')!, { time, serial }, '', opts),
        ]);
      }),
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
  namespace,
  container,
};

export type { LengthStyle };
