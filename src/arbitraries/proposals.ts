import fc from 'fast-check';
import {
  buildCloneEvent, buildContainerIdEvent, buildContainerOpEvent, buildRecordFrame, namespaceSchema, NS_2015_KINDS, rfcContainerSchema, singleContid, syscallBody,
  type ContidList, type NamespaceCreation,
} from '../audit/dialects/index.js';
import { dg, recordFraming, type Maker } from './kit.js';
import { littleEndianArbitrary, pidArbitrary, recordTimeArbitrary, serialArbitrary } from './primitives.js';
import { archArbitrary, syscallValuesArbitrary } from './records.js';
import type { GeneratedExchange } from './types.js';

/** The families of the proposed, never-merged records: ns-2015 namespaces, ghak90 and 2017 RFC containers. */

const nsInode = fc.integer({ min: 0xf0000000, max: 0xf000ffff });

/** ns-2015: a clone's SYSCALL, NS_INIT_* per namespace created, EOE; or a lone NS_DEL_*. */
export const namespaceFamily: Maker = (o) =>
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

/** ghak90 CONTAINER_OP / CONTAINER_ID events, or the 2017 RFC's CONTAINER record. */
export const containerFamily: Maker = (o) =>
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
