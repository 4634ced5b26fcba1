import { AuditError, AuditErrorCode } from '../../bytes/errors.js';
import { defineStruct, type StructCodec, type StructOf } from '../../bytes/struct.js';
import type { CodecContext, PayloadCodec } from '../codec.js';

/**
 * The binary structs of the ghak90 series (reference §6.2). None is in uapi: `pid_t` + `u64`
 * makes `audit_contid_status` ABI-dependent, hence the `abi` option.
 */

/** Where a u64 after a 4-byte member lands: 8-aligned on x86_64 (4 pad bytes), 4-aligned on i386. */
export type ContidAbi = 'x86_64' | 'i386';

/** V7 16/21 `struct audit_contid_status { pid_t pid; u64 id; }`, x86_64 layout (16 B). */
export const AUDIT_CONTID_STATUS_X86_64 = [
  { name: 'pid', type: 'i32', doc: 'target task, 0 = the sender' },
  { name: '__pad', type: 'u32', doc: 'alignment padding before the u64 (kept for byte-exactness)' },
  { name: 'id', type: 'u64', doc: 'container ID, AUDIT_CID_UNSET = (u64)-1' },
] as const;

/** The same struct on i386, where u64 alignment is 4 (12 B). */
export const AUDIT_CONTID_STATUS_I386 = [
  { name: 'pid', type: 'i32', doc: 'target task, 0 = the sender' },
  { name: 'id', type: 'u64', doc: 'container ID' },
] as const;

/** V7 20/21 `struct audit_capcontid_status { pid_t pid; u32 enable; }` (8 B). */
export const AUDIT_CAPCONTID_STATUS_LAYOUT = [
  { name: 'pid', type: 'i32' },
  { name: 'enable', type: 'u32', doc: 'may this task set contids of its descendants' },
] as const;

/** V7 17/21 `struct audit_loginuid_status { uid_t loginuid; }` (4 B); GET_SESSIONID replies with a u32 too. */
export const AUDIT_LOGINUID_STATUS_LAYOUT = [{ name: 'loginuid', type: 'u32' }] as const;

/** V7 08/21 `struct audit_sig_info2` header: `{ uid_t uid; pid_t pid; u64 cid; char ctx[]; }`, ctx @16. */
export const AUDIT_SIG_INFO2_V7_LAYOUT = [
  { name: 'uid', type: 'u32' },
  { name: 'pid', type: 'i32' },
  { name: 'cid', type: 'u64' },
] as const;

/** v11 04/11 `struct audit_sig_info2` header: `{ uid_t uid; pid_t pid; u32 cid_len; char data[]; }`, data @12. */
export const AUDIT_SIG_INFO2_V11_LAYOUT = [
  { name: 'uid', type: 'u32' },
  { name: 'pid', type: 'i32' },
  { name: 'cid_len', type: 'u32', doc: 'bytes of decimal contid at the start of data; uninitialised without a contid' },
] as const;

const CONTID_STATUS = {
  x86_64: defineStruct('audit_contid_status', AUDIT_CONTID_STATUS_X86_64),
  i386: defineStruct('audit_contid_status', AUDIT_CONTID_STATUS_I386),
};
const CAPCONTID_STATUS = defineStruct('audit_capcontid_status', AUDIT_CAPCONTID_STATUS_LAYOUT);
const LOGINUID_STATUS = defineStruct('audit_loginuid_status', AUDIT_LOGINUID_STATUS_LAYOUT);
const SIG_INFO2_V7 = defineStruct('audit_sig_info2', AUDIT_SIG_INFO2_V7_LAYOUT);
const SIG_INFO2_V11 = defineStruct('audit_sig_info2', AUDIT_SIG_INFO2_V11_LAYOUT);

/** `{ pid, id }` plus `__pad` on x86_64 (zero when built here, kept as read when decoded). */
export interface ContidStatus {
  readonly pid: number;
  readonly id: bigint;
  readonly __pad?: number;
  /** Payload bytes after the struct. */
  readonly trailing: Uint8Array;
}

function pathOf(ctx: CodecContext, cName: string): string {
  return ctx.path === '' ? cName : `${ctx.path}.${cName}`;
}

/** A payload codec over one fixed struct, keeping bytes after it in `trailing`. */
function fixedCodec<T extends object>(kind: string, cName: string, s: StructCodec<T>): PayloadCodec<T & { readonly trailing: Uint8Array }> {
  return {
    kind,
    decode(payload, ctx) {
      const fixed = s.read(payload, ctx.littleEndian, ctx.base, pathOf(ctx, cName));
      return { ...fixed, trailing: payload.slice(s.size) };
    },
    encode(w, body) {
      s.write(w, body);
      w.bytes(body.trailing);
    },
    size: (body) => s.size + body.trailing.length,
  };
}

/**
 * Codec for V7 AUDIT_GET_CONTID / AUDIT_SET_CONTID (1022/1023) payloads.
 *
 * @example makeContidStatusCodec('i386').size({ pid: 1, id: 5n, trailing: new Uint8Array() }) // 12
 */
export function makeContidStatusCodec(abi: ContidAbi = 'x86_64'): PayloadCodec<ContidStatus> {
  const inner = fixedCodec('contid-status', 'audit_contid_status', CONTID_STATUS[abi] as StructCodec<ContidStatus>);
  if (abi === 'i386') return inner;
  return { ...inner, encode: (w, body) => inner.encode(w, { ...body, __pad: body.__pad ?? 0 }) };
}

export type CapcontidStatus = StructOf<typeof AUDIT_CAPCONTID_STATUS_LAYOUT> & { readonly trailing: Uint8Array };
export type LoginuidStatus = StructOf<typeof AUDIT_LOGINUID_STATUS_LAYOUT> & { readonly trailing: Uint8Array };

/** Codec for V7 AUDIT_GET_CAPCONTID / AUDIT_SET_CAPCONTID (1027/1028) payloads. */
export const capcontidStatusCodec: PayloadCodec<CapcontidStatus> = fixedCodec('capcontid-status', 'audit_capcontid_status', CAPCONTID_STATUS);

/** Codec for V7 AUDIT_GET/SET_LOGINUID (1024/1025) and GET_SESSIONID (1026) u32 payloads. */
export const loginuidStatusCodec: PayloadCodec<LoginuidStatus> = fixedCodec('loginuid-status', 'audit_loginuid_status', LOGINUID_STATUS);

/** V7 `audit_sig_info2`: the sender's uid and pid, the contid as a u64, the LSM context. */
export interface SigInfo2V7 {
  readonly uid: number;
  readonly pid: number;
  readonly cid: bigint;
  readonly ctx: Uint8Array;
}

/**
 * Codec for V7 AUDIT_SIGNAL_INFO2 (1021) replies.
 *
 * @example sigInfo2V7Codec.size({ uid: 0, pid: 1, cid: 7n, ctx: new Uint8Array(3) }) // 19
 */
export const sigInfo2V7Codec: PayloadCodec<SigInfo2V7> = {
  kind: 'sig-info2',
  decode(payload, ctx) {
    const h = SIG_INFO2_V7.read(payload, ctx.littleEndian, ctx.base, pathOf(ctx, 'audit_sig_info2'));
    return { uid: h.uid, pid: h.pid, cid: h.cid, ctx: payload.slice(SIG_INFO2_V7.size) };
  },
  encode(w, body) {
    SIG_INFO2_V7.write(w, body);
    w.bytes(body.ctx);
  },
  size: (body) => SIG_INFO2_V7.size + body.ctx.length,
};

/**
 * v11 `audit_sig_info2`. `contid` is the decimal ASCII at the start of `data` when `cid_len` bytes
 * of canonical decimal are there, else null; `cid_len` is kept as sent, because v11 leaves it
 * uninitialised when there is no contid (reference §6.2).
 */
export interface SigInfo2V11 {
  readonly uid: number;
  readonly pid: number;
  readonly cid_len: number;
  readonly contid: bigint | null;
  /** The LSM context: `data` after the contid (all of `data` when there is none). */
  readonly ctx: Uint8Array;
}

function canonicalDecimal(bytes: Uint8Array): bigint | null {
  if (bytes.length === 0 || bytes.length > 20) return null;
  for (const b of bytes) if (b < 0x30 || b > 0x39) return null;
  if (bytes[0] === 0x30 && bytes.length > 1) return null;
  const v = BigInt(new TextDecoder().decode(bytes));
  return v <= 0xffff_ffff_ffff_ffffn ? v : null;
}

/**
 * Codec for v11 AUDIT_SIGNAL_INFO2 (1021) replies. A `cid_len` that runs past the payload or does
 * not cover a canonical decimal number means "no contid" under either validation, because that is
 * what a v11 kernel really sends when the sender has none.
 *
 * @example sigInfo2V11Codec.size({ uid: 0, pid: 1, cid_len: 2, contid: 42n, ctx: new Uint8Array() }) // 14
 */
export const sigInfo2V11Codec: PayloadCodec<SigInfo2V11> = {
  kind: 'sig-info2',
  decode(payload, ctx) {
    const path = pathOf(ctx, 'audit_sig_info2');
    const h = SIG_INFO2_V11.read(payload, ctx.littleEndian, ctx.base, path);
    const data = payload.subarray(SIG_INFO2_V11.size);
    // A v11 kernel without a contid sends whatever kmalloc left in cid_len: bound it by the payload.
    const contid = h.cid_len <= data.length ? canonicalDecimal(data.subarray(0, h.cid_len)) : null;
    return { ...h, contid, ctx: (contid === null ? data : data.subarray(h.cid_len)).slice() };
  },
  encode(w, body) {
    if (body.contid !== null) {
      const text = new TextEncoder().encode(body.contid.toString());
      if (text.length !== body.cid_len) {
        throw new AuditError(AuditErrorCode.ENCODE, `cid_len ${body.cid_len} is not the length ${text.length} of "${body.contid}"`, {
          path: 'audit_sig_info2.cid_len',
          expected: text.length,
          actual: body.cid_len,
        });
      }
      SIG_INFO2_V11.write(w, body);
      w.bytes(text);
    } else {
      SIG_INFO2_V11.write(w, body);
    }
    w.bytes(body.ctx);
  },
  size: (body) => SIG_INFO2_V11.size + (body.contid === null ? 0 : body.contid.toString().length) + body.ctx.length,
};

/** Sizes of the fixed parts, for docs and tests. */
export const GHAK90_STRUCT_SIZES = {
  audit_contid_status_x86_64: CONTID_STATUS.x86_64.size,
  audit_contid_status_i386: CONTID_STATUS.i386.size,
  audit_capcontid_status: CAPCONTID_STATUS.size,
  audit_loginuid_status: LOGINUID_STATUS.size,
  audit_sig_info2_v7: SIG_INFO2_V7.size,
  audit_sig_info2_v11: SIG_INFO2_V11.size,
} as const;
