import type { PayloadCodec } from '../codec.js';
import { layerDialect } from './layer.js';
import { mainline } from './mainline.js';
import type { Dialect, MessageTypeDef } from './model.js';
import type { NsKind } from './ns-inodes.js';
import { namespaceSchema } from './ns-records.js';
import { textCodec } from '../messages/text.js';

const SOURCE = 'reference §5.1; [LA]/LKML "[PATCH V6 05/10] audit: log creation and deletion of namespace instances" (R. Guy Briggs, 2015-04-17)';

/** The six kinds in the order of the V6 changelog: INIT 1330–1335, DEL 1336–1341. */
export const NS_2015_KINDS: readonly NsKind[] = ['mnt', 'uts', 'ipc', 'user', 'pid', 'net'];

/** AUDIT_NS_INIT_* / AUDIT_NS_DEL_* type definitions (also usable in a dialect of your own). */
export const NS_2015_TYPES: readonly MessageTypeDef[] = (['init', 'del'] as const).flatMap((op, o) =>
  NS_2015_KINDS.map((kind, k) => ({
    type: 1330 + 6 * o + k,
    name: `NS_${op.toUpperCase()}_${kind.toUpperCase()}`,
    class: 'kernel-record' as const,
    codec: textCodec as PayloadCodec<unknown>,
    record: namespaceSchema(op, kind),
    source: SOURCE,
  })),
);

/**
 * The 2015 namespace-instance series: 1330–1341 are NS_INIT_* and NS_DEL_* instead of mainline's
 * KERN_MODULE … DM_EVENT.
 *
 * @example ns2015.types.get(1336)?.name // 'NS_DEL_MNT'
 */
export const ns2015: Dialect = layerDialect(mainline, {
  name: 'ns-2015',
  description: 'The never-merged 2015 namespace-instance records (V6 series, ghak32): NS_INIT_* 1330–1335, NS_DEL_* 1336–1341.',
  types: NS_2015_TYPES,
});
