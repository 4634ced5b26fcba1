import type { PayloadCodec } from '../codec.js';
import { containerIdSchema, containerOpSchema, setCapcontidSchema } from './container-records.js';
import { layerDialect } from './layer.js';
import { mainline } from './mainline.js';
import type { Dialect, FlagBitDef, MessageTypeDef, RuleFieldDef, StatusFieldDef } from './model.js';
import { textCodec } from '../messages/text.js';
import {
  capcontidStatusCodec,
  loginuidStatusCodec,
  makeContidStatusCodec,
  sigInfo2V11Codec,
  sigInfo2V7Codec,
  type ContidAbi,
} from './structs.js';

/** Numbers of the ghak90 series (reference §6.2, cross-checked against the [LA] subjects cited). */
const V7 = '[LA] "[PATCH ghak90 V7 nn/21] …" (Sep 2019)';
const V8 = '[LA] "[PATCH ghak90 V8 nn/16] …" (Jan 2020)';
const V11 = '[LA] "[PATCH ghak90 v11 nn/11] …" (Jan 2021)';

const text = textCodec as PayloadCodec<unknown>;
const codec = <T>(c: PayloadCodec<T>): PayloadCodec<unknown> => c as PayloadCodec<unknown>;

function record(type: number, name: string, schema: MessageTypeDef['record'], source: string): MessageTypeDef {
  return schema === undefined ? { type, name, class: 'kernel-record', codec: text, source } : { type, name, class: 'kernel-record', codec: text, record: schema, source };
}

function control(type: number, name: string, c: PayloadCodec<unknown>, source: string): MessageTypeDef {
  return { type, name, class: 'control', codec: c, source };
}

/** AUDIT_CONTID (27): 8 raw host-order bytes in buf, `values[i]` = 8, only = and != (v11 07/11). */
export const AUDIT_CONTID_FIELD: RuleFieldDef = {
  id: 27,
  name: 'contid',
  value: 'u64-bytes',
  operators: ['=', '!='],
  lists: ['exit', 'exclude', 'user'],
  source: `reference §6.2; ${V7}, ${V11} 07/11`,
};

/** AUDIT_FEATURE_BITMAP_CONTAINERID. */
export const CONTAINERID_FEATURE_BIT: FlagBitDef = { bit: 0x80, name: 'CONTAINERID', source: `reference §3.3, §6.2; V7–v11` };

/** V8 02/16's `audit_status` additions, which take mainline's @40 and mask bit 0x80. */
export const GHAK90_V8_STATUS_FIELDS: readonly StatusFieldDef[] = [
  { name: 'contid_depth_limit', offset: 40, maskBit: 0x0080, source: `reference §6.2; ${V8}` },
  { name: 'contid_netns_limit', offset: 44, maskBit: 0x0100, source: `reference §6.2; ${V8}` },
];

export interface Ghak90V7Options {
  /** ABI of `struct audit_contid_status` (x86_64: 16 bytes with 4 padding; i386: 12). */
  readonly abi?: ContidAbi;
  readonly name?: string;
}

/**
 * ghak90 V7 (Sep 2019): netlink GET/SET_CONTID, LOGINUID, SESSIONID and CAPCONTID requests at
 * 1022–1028, CONTAINER_ID at 1334, `audit_sig_info2` with a u64 cid.
 *
 * @example makeGhak90V7Dialect({ abi: 'i386' }).types.get(1022)?.codec.size({ pid: 1, id: 0n, trailing: new Uint8Array() }) // 12
 */
export function makeGhak90V7Dialect(options: Ghak90V7Options = {}): Dialect {
  const contidStatus = codec(makeContidStatusCodec(options.abi ?? 'x86_64'));
  return layerDialect(mainline, {
    name: options.name ?? (options.abi === 'i386' ? 'ghak90-v7-i386' : 'ghak90-v7'),
    description: `ghak90 V7 (Sep 2019, 21 patches), audit_contid_status for ${options.abi ?? 'x86_64'}.`,
    types: [
      record(1020, 'CONTAINER_OP', containerOpSchema, `reference §6.2; ${V7}`),
      control(1021, 'SIGNAL_INFO2', codec(sigInfo2V7Codec), `reference §6.2; ${V7} 08/21`),
      control(1022, 'GET_CONTID', contidStatus, `reference §6.2; ${V7} 16/21`),
      control(1023, 'SET_CONTID', contidStatus, `reference §6.2; ${V7} 16/21`),
      control(1024, 'GET_LOGINUID', codec(loginuidStatusCodec), `reference §6.2; ${V7} 17/21`),
      control(1025, 'SET_LOGINUID', codec(loginuidStatusCodec), `reference §6.2; ${V7} 17/21`),
      control(1026, 'GET_SESSIONID', codec(loginuidStatusCodec), `reference §6.2; ${V7} 17/21`),
      control(1027, 'GET_CAPCONTID', codec(capcontidStatusCodec), `reference §6.2; ${V7} 20/21`),
      control(1028, 'SET_CAPCONTID', codec(capcontidStatusCodec), `reference §6.2; ${V7} 20/21`),
      record(1334, 'CONTAINER_ID', containerIdSchema, `reference §6.2; ${V7} (1334 = mainline BPF)`),
    ],
    ruleFields: [AUDIT_CONTID_FIELD],
    featureBits: [CONTAINERID_FEATURE_BIT],
  });
}

/**
 * ghak90 V8 (Jan 2020): SET_CAPCONTID becomes a record at 1022, CONTAINER_ID moves to 1335, and
 * `audit_status` gains contid_depth_limit @40 (mask 0x80) and contid_netns_limit @44 (mask 0x100).
 * Its `audit_sig_info2` is taken to be V7's shape (the reference has V7's and v11's only).
 */
export const ghak90V8: Dialect = layerDialect(mainline, {
  name: 'ghak90-v8',
  description: 'ghak90 V8 (Jan 2020, 16 patches): CONTAINER_ID 1335, SET_CAPCONTID record 1022, contid limits in audit_status.',
  types: [
    record(1020, 'CONTAINER_OP', containerOpSchema, `reference §6.2; ${V8}`),
    control(1021, 'SIGNAL_INFO2', codec(sigInfo2V7Codec), `reference §6.2; ${V8} (struct shape taken from V7: UNCONFIRMED)`),
    record(1022, 'SET_CAPCONTID', setCapcontidSchema, `reference §6.2; ${V8}`),
    record(1335, 'CONTAINER_ID', containerIdSchema, `reference §6.2; ${V8} (1335 = mainline EVENT_LISTENER)`),
  ],
  ruleFields: [AUDIT_CONTID_FIELD],
  statusFields: GHAK90_V8_STATUS_FIELDS,
  featureBits: [CONTAINERID_FEATURE_BIT],
});

/**
 * ghak90 v11 (Jan 2021), the last posting: CONTAINER_ID at 1336 with `record=` and nesting
 * lists, `audit_sig_info2` with the contid as decimal text.
 */
export const ghak90V11: Dialect = layerDialect(mainline, {
  name: 'ghak90-v11',
  description: 'ghak90 v11 (Jan 2021, 11 patches): CONTAINER_ID 1336 with record= and nesting lists; sig_info2 with decimal contid.',
  types: [
    record(1020, 'CONTAINER_OP', containerOpSchema, `reference §6.3; ${V11} 02/11`),
    control(1021, 'SIGNAL_INFO2', codec(sigInfo2V11Codec), `reference §6.2; ${V11} 04/11`),
    record(1022, 'SET_CAPCONTID', setCapcontidSchema, `reference §6.3; ${V11} 11/11`),
    record(1336, 'CONTAINER_ID', containerIdSchema, `reference §6.2–6.3; ${V11} 03/11, 10/11 (1336 = mainline URINGOP)`),
  ],
  ruleFields: [AUDIT_CONTID_FIELD],
  featureBits: [CONTAINERID_FEATURE_BIT],
});

export const ghak90V7: Dialect = makeGhak90V7Dialect();
