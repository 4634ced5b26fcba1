import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_CID_UNSET,
  buildRecordFrame,
  containerIdSchema,
  containerOpSchema,
  initialNamespaceName,
  namespaceSchema,
  NS_2015_KINDS,
  rfcContainerSchema,
  setCapcontidSchema,
  type ContidList,
  type NamespaceValues,
  type RfcContainerValues,
  type TypedRecordSchema,
} from '../../src/audit/dialects/index.js';
import { view } from './helpers.js';

/** Field order of each typed record, written out by hand from the documented representations. */
const ORDER = {
  namespace: (k: string) => ['pid', 'uid', 'auid', 'ses', 'subj', 'comm', 'exe', 'dev', `old_${k}ns`, `${k}ns`, 'res'],
  containerOp: ['op', 'opid', 'contid', 'old-contid'],
  containerId: ['record', 'contid'],
  setCapcontid: ['opid', 'capcontid', 'old-capcontid'],
  rfc: ['op', 'contid', 'pid', 'dev', 'mntns', 'utsns', 'ipcns', 'userns', 'pidns', 'netns', 'cgroupns', 'res'],
};

const u32 = fc.nat({ max: 0xffffffff });
const i32 = fc.integer({ min: -0x80000000, max: 0x7fffffff });
const dev = fc.record({ major: fc.nat({ max: 0xfff }), minor: fc.nat({ max: 0xfffff }) });
const word = fc.stringMatching(/^[a-z_:0-9.-]{1,20}$/);
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constant(null));
const contid = fc.oneof(fc.bigInt({ min: 0n, max: AUDIT_CID_UNSET }), fc.constant(-1n));
const contidList: fc.Arbitrary<ContidList> = fc
  .array(fc.record({ id: contid, ancestors: fc.array(contid, { maxLength: 3 }) }), { minLength: 1, maxLength: 3 })
  .map((chains) => ({ chains }));

function nsValues(): fc.Arbitrary<NamespaceValues> {
  return fc.record(
    { pid: i32, uid: u32, auid: u32, ses: u32, subj: word, comm: text, exe: text, dev, oldInode: u32, inode: u32, res: fc.nat({ max: 1 }) },
    { requiredKeys: ['dev', 'inode'] },
  );
}

/** build → format → parse gives the values back; fields come in the hand-written order. */
function checkSchema<V extends object>(schema: TypedRecordSchema<V>, values: V, order: readonly string[]): void {
  const built = schema.build(values);
  const names = built.fields.map((f) => f.name);
  expect(names).toEqual(order.filter((n) => names.includes(n)));
  const body = schema.format(built);
  const parsed = schema.parseBody(body);
  expect(parsed.values).toEqual(values);
  expect(parsed.extra).toEqual([]);
  expect(schema.format(parsed)).toBe(body);
}

describe('typed records round-trip with their documented field order', () => {
  test.prop([fc.constantFrom('init', 'del') as fc.Arbitrary<'init' | 'del'>, fc.constantFrom(...NS_2015_KINDS), nsValues()], { numRuns: 300 })(
    'namespace records (ns-2015)',
    (op, kind, values) => checkSchema(namespaceSchema(op, kind), values, ORDER.namespace(kind)),
  );

  test.prop([fc.record({ op: fc.constantFrom('set', 'drop'), opid: i32, contid: contidList, oldContid: contidList })], { numRuns: 200 })(
    'CONTAINER_OP',
    (v) => checkSchema(containerOpSchema, v, ORDER.containerOp),
  );

  test.prop([fc.record({ record: u32, contid: contidList }, { requiredKeys: ['contid'] })], { numRuns: 200 })('CONTAINER_ID (with and without record=)', (v) =>
    checkSchema(containerIdSchema, v, ORDER.containerId),
  );

  test.prop([fc.record({ opid: i32, capcontid: u32, oldCapcontid: u32 })], { numRuns: 200 })('SET_CAPCONTID', (v) =>
    checkSchema(setCapcontidSchema, v, ORDER.setCapcontid),
  );

  const rfc: fc.Arbitrary<RfcContainerValues> = fc.record(
    {
      op: word,
      contid: fc.oneof(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), fc.constant(-1n)),
      pid: i32,
      dev,
      mntns: u32, utsns: u32, ipcns: u32, userns: u32, pidns: u32, netns: u32, cgroupns: u32,
      res: fc.nat({ max: 1 }),
    },
    { requiredKeys: ['contid', 'pid', 'dev'] },
  );
  test.prop([rfc], { numRuns: 200 })('the 2017 RFC container record (128-bit contid)', (v) => checkSchema(rfcContainerSchema, v, ORDER.rfc));

  test.prop([fc.constantFrom(...NS_2015_KINDS), nsValues(), fc.array(fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), word), { maxLength: 3 }), fc.nat()], { numRuns: 200 })(
    'unexpected fields are kept, in place, and format back',
    (kind, values, extra, at) => {
      const schema = namespaceSchema('init', kind);
      const fields = [...schema.build(values).fields];
      const known = new Set(ORDER.namespace(kind));
      const unexpected = extra.filter(([n]) => !known.has(n)).map(([name, value]) => ({ name, value }));
      fields.splice(at % (fields.length + 1), 0, ...unexpected);
      const body = fields.map((f) => `${f.name}=${f.value}`).join(' ');
      const parsed = schema.parseBody(body);
      expect(parsed.values).toEqual(values);
      expect(parsed.extra).toEqual(unexpected);
      expect(schema.format(parsed)).toBe(body);
    },
  );
});

describe('namespace record representation', () => {
  it('reads the documented creation and deletion examples', () => {
    const init = namespaceSchema('init', 'net').parseBody('dev=00:04 old_netns=4026531840 netns=4026532008 res=1');
    expect(init.values).toEqual({ dev: { major: 0, minor: 4 }, oldInode: 4026531840, inode: 4026532008, res: 1 });
    const del = namespaceSchema('del', 'net').parseBody('dev=00:04 netns=4026532008 res=1');
    expect(del.values).toEqual({ dev: { major: 0, minor: 4 }, inode: 4026532008, res: 1 });
  });

  it('names the initial namespaces by their fixed inodes (proc_ns.h)', () => {
    expect([0xefffffff, 0xeffffffe, 0xeffffffd, 0xeffffffc, 0xeffffffb, 0xeffffffa].map(initialNamespaceName)).toEqual([
      'init_ipc', 'init_uts', 'init_user', 'init_pid', 'init_cgroup', 'init_time',
    ]);
    expect(initialNamespaceName(4026531840)).toBeUndefined();
  });

  it.each([
    ['dev=0:4 netns=1', 'AUDIT_ERR_BAD_VALUE', 4],
    ['dev=00:04 netns=-1', 'AUDIT_ERR_BAD_VALUE', 16],
    ['dev=00:04 netns=4294967296', 'AUDIT_ERR_BAD_VALUE', 16],
    ['dev=00:04', 'AUDIT_ERR_BAD_RECORD', 0],
    ['dev=00:04  netns=1', 'AUDIT_ERR_BAD_RECORD', 10],
  ])('%j is refused with %s at offset %i', (body, code, offset) => {
    expect(() => namespaceSchema('del', 'net').parseBody(body)).toThrowError(expect.objectContaining({ code, offset }));
  });
});

describe('record frames', () => {
  test.prop([fc.integer({ min: 1300, max: 1399 }), fc.string({ maxLength: 40 }), fc.boolean(), fc.boolean()], { numRuns: 200 })(
    'header @0..15 (len, type, flags 0, seq 0, pid 0), then the text with no NUL and no padding',
    (type, body, le, unicast) => {
      const f = buildRecordFrame(type, { time: { sec: 1606404267, msec: 51 }, serial: 174524 }, body, { littleEndian: le, framing: unicast ? 'unicast' : 'multicast' });
      const expected = new TextEncoder().encode(`audit(1606404267.051:174524): ${body}`);
      expect(f.length).toBe(16 + expected.length);
      expect(view(f).getUint32(0, le)).toBe(unicast ? expected.length : 16 + expected.length);
      expect([view(f).getUint16(4, le), view(f).getUint16(6, le), view(f).getUint32(8, le), view(f).getUint32(12, le)]).toEqual([type, 0, 0, 0]);
      expect(f.subarray(16)).toEqual(expected);
    },
  );
});

describe('the 2017 RFC container record under its dialect', () => {
  it('decodes at the default number and at a chosen one, with the pid and namespace list', async () => {
    const { decodeDatagram } = await import('../../src/audit/datagram.js');
    const { getDialect, makeContidRfc2017Dialect, readDialectRecord, rfcNamespaces } = await import('../../src/audit/dialects/index.js');
    const body = 'op=start contid=0123456789abcdef0123456789abcdef pid=4242 dev=00:04 mntns=4026532500 utsns=4026531838 netns=4026532506 res=1';
    for (const d of [getDialect('contid-rfc-2017'), makeContidRfc2017Dialect({ containerType: 1390 })]) {
      const type = d.typeNumbers.get('CONTAINER')!;
      const frame = buildRecordFrame(type, { time: { sec: 1512000000, msec: 0 }, serial: 1 }, body, { littleEndian: true });
      const r = readDialectRecord(d, decodeDatagram(frame, { littleEndian: true, registry: d.registry }).messages[0]!)!;
      expect(r.name).toBe('CONTAINER');
      const values = (r.typed as { values: RfcContainerValues }).values;
      expect(values.contid).toBe(0x0123456789abcdef0123456789abcdefn);
      expect(values.pid).toBe(4242);
      expect(rfcNamespaces(values).map((n) => [n.kind, n.inode, initialNamespaceName(n.inode) ?? null])).toEqual([
        ['mnt', 4026532500, null],
        ['uts', 4026531838, 'init_uts'],
        ['net', 4026532506, null],
      ]);
    }
  });

  it('a bad value in a dialect record points at its character in the payload', async () => {
    const { parseRecordPayload } = await import('../../src/records/parse.js');
    const { getDialect, readDialectRecord, typedRecordOf } = await import('../../src/audit/dialects/index.js');
    const payload = 'audit(1.000:2): record=1 contid=4,^x';
    expect(() => typedRecordOf(getDialect('ghak90-v11'), parseRecordPayload(payload, 1336))).toThrowError(
      expect.objectContaining({ code: 'AUDIT_ERR_BAD_VALUE', offset: payload.indexOf('^x') + 1 }),
    );
    void readDialectRecord;
  });
});

describe('typed records through datagrams, per dialect', () => {
  const stamp = { time: { sec: 1606404280, msec: 226 }, serial: 174542 };

  async function viaDatagram(dialectName: string, typeName: string, body: string, le: boolean): Promise<unknown> {
    const { decodeDatagram, encodeDatagram } = await import('../../src/audit/datagram.js');
    const { getDialect, readDialectRecord, typeNumber } = await import('../../src/audit/dialects/index.js');
    const d = getDialect(dialectName);
    const frame = buildRecordFrame(typeNumber(d, typeName), stamp, body, { littleEndian: le });
    const dec = decodeDatagram(frame, { littleEndian: le, registry: d.registry });
    expect(encodeDatagram(dec, { registry: d.registry })).toEqual(frame);
    const r = readDialectRecord(d, dec.messages[0]!)!;
    expect(r.error).toBeUndefined();
    expect(r.name).toBe(typeName);
    return (r.typed as { values: unknown }).values;
  }

  test.prop([fc.constantFrom('ghak90-v7', 'ghak90-v8', 'ghak90-v11'), fc.record({ record: u32, contid: contidList }, { requiredKeys: ['contid'] }), fc.boolean()], { numRuns: 200 })(
    'CONTAINER_ID at 1334 / 1335 / 1336',
    async (n, v, le) => {
      expect(await viaDatagram(n, 'CONTAINER_ID', containerIdSchema.format(containerIdSchema.build(v)), le)).toEqual(v);
    },
  );

  test.prop([fc.constantFrom('ghak90-v7', 'ghak90-v8', 'ghak90-v11'), fc.record({ op: fc.constantFrom('set', 'drop'), opid: i32, contid: contidList, oldContid: contidList }), fc.boolean()], { numRuns: 200 })(
    'CONTAINER_OP at 1020',
    async (n, v, le) => {
      expect(await viaDatagram(n, 'CONTAINER_OP', containerOpSchema.format(containerOpSchema.build(v)), le)).toEqual(v);
    },
  );

  test.prop([fc.constantFrom('init', 'del') as fc.Arbitrary<'init' | 'del'>, fc.constantFrom('mnt', 'uts', 'ipc', 'user', 'pid', 'net') as fc.Arbitrary<'mnt'>, nsValues(), fc.boolean()], { numRuns: 200 })(
    'NS_INIT_* / NS_DEL_* at 1330–1341 under ns-2015',
    async (op, kind, v, le) => {
      const s = namespaceSchema(op, kind);
      expect(await viaDatagram('ns-2015', `NS_${op.toUpperCase()}_${kind.toUpperCase()}`, s.format(s.build(v)), le)).toEqual(v);
    },
  );

  test.prop([fc.record({ opid: i32, capcontid: u32, oldCapcontid: u32 }), fc.constantFrom('ghak90-v8', 'ghak90-v11'), fc.boolean()], { numRuns: 200 })(
    'SET_CAPCONTID record at 1022 (V8 on)',
    async (v, n, le) => {
      expect(await viaDatagram(n, 'SET_CAPCONTID', setCapcontidSchema.format(setCapcontidSchema.build(v)), le)).toEqual(v);
    },
  );
});
