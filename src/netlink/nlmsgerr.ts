import { AuditErrorCode, isAuditError, truncated } from '../bytes/errors.js';
import { ByteReader } from '../bytes/reader.js';
import type { ByteWriter } from '../bytes/writer.js';
import { ERRNO_NAMES } from '../tables/errno.js';
import { parseAttrs, type NlAttr } from './attr.js';
import { NLM_F } from './flags.js';
import { NLMSG_HDRLEN, nlmsgAlign, readHeader, writeHeader, type NlMsgHeader } from './header.js';
import { allZero, type Issues } from './issues.js';

/** sizeof(struct nlmsgerr): i32 error + the echoed 16-byte header. */
export const NLMSGERR_SIZE = 20;

/**
 * `struct nlmsgerr` split into its parts (reference §1.4). The echoed request payload is kept as
 * bytes here; the audit layer decodes it as a message of its own.
 */
export interface NlMsgErrParts {
  /** 0 = ACK, negative = -errno, positive = success with a value (AUDIT_SET lost/actual resets). */
  readonly error: number;
  /** The echoed request header (`msg`). */
  readonly msg: NlMsgHeader;
  /** The echoed request payload, `msg.nlmsg_len - 16` bytes, or null when only the header came back. */
  readonly echoed: Uint8Array | null;
  /** Bytes between the echoed payload and NLMSG_ALIGN of it (the kernel zeroes them). */
  readonly echoPadding: Uint8Array;
  /** Extended-ACK TLVs (only with NLM_F_ACK_TLVS), kept raw; `attrs` is their parsed view. */
  readonly tlvs: Uint8Array;
  readonly attrs: readonly NlAttr[] | null;
  /** Anything else after the parts above. */
  readonly trailing: Uint8Array;
}

/**
 * The errno name of a negative `error` (`-22` → `EINVAL`); null for 0, positive values and
 * numbers the table does not know.
 *
 * @example
 * errnoName(-22) // 'EINVAL'
 */
export function errnoName(error: number): string | null {
  if (error >= 0) return null;
  return ERRNO_NAMES.get(-error) ?? null;
}

/**
 * Split an NLMSG_ERROR payload. `flags` are the outer header's: with NLM_F_CAPPED only the request
 * header was echoed; without it the whole request was, if the bytes are there (success ACKs of
 * old kernels echo only the header even without CAPPED). TLVs start at NLMSG_ALIGN of the echo.
 *
 * @example
 * splitNlmsgerr(payload, 0x100, true, 16, issues).error // 0
 */
export function splitNlmsgerr(payload: Uint8Array, flags: number, littleEndian: boolean, base: number, issues: Issues, path = 'nlmsgerr'): NlMsgErrParts {
  if (payload.length < NLMSGERR_SIZE) throw truncated('struct nlmsgerr', base, NLMSGERR_SIZE, payload.length, path);
  const r = new ByteReader(payload, littleEndian, base, path);
  const error = r.i32('error');
  const msg = readHeader(new ByteReader(payload.subarray(4, 20), littleEndian, base + 4, `${path}.msg`));
  const rest = payload.subarray(NLMSGERR_SIZE);
  const echoLen = msg.nlmsg_len - NLMSG_HDRLEN;
  let echoed: Uint8Array | null = null;
  let after = 0;
  if ((flags & NLM_F.CAPPED) === 0 && echoLen > 0 && rest.length >= echoLen) {
    echoed = rest.subarray(0, echoLen);
    after = Math.min(nlmsgAlign(echoLen), rest.length);
  }
  const echoPadding = rest.subarray(echoLen > 0 && echoed !== null ? echoLen : 0, after);
  if (!allZero(echoPadding)) issues.report(AuditErrorCode.BAD_PADDING, 'padding after the echoed request is not zero', base + 20 + echoLen, `${path}.padding`);
  let tlvs: Uint8Array = new Uint8Array(0);
  let attrs: NlAttr[] | null = null;
  let trailing = rest.subarray(after);
  if ((flags & NLM_F.ACK_TLVS) !== 0) {
    tlvs = trailing;
    trailing = new Uint8Array(0);
    try {
      attrs = parseAttrs(tlvs, littleEndian, base + 20 + after, `${path}.attrs`);
    } catch (e) {
      if (!isAuditError(e)) throw e;
      issues.absorb(e);
    }
  } else if (trailing.length > 0) {
    issues.report(AuditErrorCode.BAD_LENGTH, `${trailing.length} bytes after the echoed request without NLM_F_ACK_TLVS`, base + 20 + after, `${path}.trailing`);
  }
  return { error, msg, echoed, echoPadding, tlvs, attrs, trailing };
}

/** Write the fixed 20 bytes: error and the echoed header (the caller writes what follows). */
export function writeNlmsgerrHead(w: ByteWriter, error: number, msg: NlMsgHeader): void {
  w.i32(error, 'nlmsgerr.error');
  writeHeader(w, msg);
}
