import type { PayloadCodec } from '../codec.js';
import { rfcContainerSchema } from './container-records.js';
import { layerDialect } from './layer.js';
import { mainline } from './mainline.js';
import type { Dialect } from './model.js';
import { textCodec } from '../messages/text.js';

/**
 * Default type number of the RFC's container record. The RFC published none; 1020 is what its
 * renamed successor AUDIT_CONTAINER_OP got in every ghak90 posting (reference §6.1–6.2), and it
 * is unassigned upstream.
 */
export const CONTID_RFC_2017_DEFAULT_TYPE = 1020;

export interface ContidRfc2017Options {
  /** The type number your patched kernel gave the container record. */
  readonly containerType?: number;
  /** Dialect name; defaults to `contid-rfc-2017` (with `@N` appended for a non-default number). */
  readonly name?: string;
}

/**
 * The 2017 container-ID RFC (v2, 128-bit IDs, [LWN-740621]) as a dialect: one CONTAINER record
 * carrying the ID, the pid of the first process and the nsfs device and inode of each namespace.
 *
 * @example makeContidRfc2017Dialect({ containerType: 1099 }).types.get(1099)?.name // 'CONTAINER'
 */
export function makeContidRfc2017Dialect(options: ContidRfc2017Options = {}): Dialect {
  const type = options.containerType ?? CONTID_RFC_2017_DEFAULT_TYPE;
  const name = options.name ?? (type === CONTID_RFC_2017_DEFAULT_TYPE ? 'contid-rfc-2017' : `contid-rfc-2017@${type}`);
  return layerDialect(mainline, {
    name,
    description: `The 2017 audit container ID RFC (128-bit IDs); its CONTAINER record at type ${type} (no number was published).`,
    types: [
      {
        type,
        name: 'CONTAINER',
        class: 'kernel-record',
        codec: textCodec as PayloadCodec<unknown>,
        record: rfcContainerSchema,
        source: 'reference §6.1; RFC v2 (Oct 2017), [LWN-740621] "Container IDs for the audit subsystem"; number chosen by the user',
      },
    ],
  });
}

/** The RFC dialect with the default type number. */
export const contidRfc2017: Dialect = makeContidRfc2017Dialect();
