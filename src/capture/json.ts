import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import { fromHex, toHex } from '../bytes/hex.js';
import type { CapturedDatagram, Direction } from './types.js';

/**
 * Where a datagram came from, as JSON Lines carry it so that `encode` can write the capture back
 * (pcap time, pseudo-header, interface): u64 as decimal strings, bytes as hex, C-like snake case.
 */
export interface DatagramMetaJson {
  readonly timestamp_ns?: string;
  readonly direction?: Direction;
  readonly link_type?: number;
  readonly link_header?: string;
  readonly family?: number;
  readonly interface_id?: number;
  readonly original_length?: number;
}

/**
 * The capture metadata of a datagram (only what it has).
 *
 * @example datagramMetaToJson(d) // → { timestamp_ns: '1700000000000000000', link_type: 253, link_header: '00040338…0009', family: 9 }
 */
export function datagramMetaToJson(d: CapturedDatagram): DatagramMetaJson {
  return {
    ...(d.timestampNs === undefined ? {} : { timestamp_ns: d.timestampNs.toString() }),
    ...(d.direction === undefined ? {} : { direction: d.direction }),
    ...(d.linkType === undefined ? {} : { link_type: d.linkType }),
    ...(d.linkHeader === undefined ? {} : { link_header: toHex(d.linkHeader) }),
    ...(d.family === undefined ? {} : { family: d.family }),
    ...(d.interfaceId === undefined ? {} : { interface_id: d.interfaceId }),
    ...(d.originalLength === undefined ? {} : { original_length: d.originalLength }),
  };
}

function bad(path: string, what: string): AuditError {
  return new AuditError(AuditErrorCode.BAD_JSON, `${path}: ${what}`, { path });
}

function u32(o: Record<string, unknown>, key: string, path: string): number | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffffff) throw bad(`${path}.${key}`, 'expected an integer in [0, 4294967295]');
  return v;
}

/**
 * A datagram from its bytes and the metadata of a JSON line (checked: `AUDIT_ERR_BAD_JSON`).
 *
 * @example datagramFromJson(bytes, { timestamp_ns: '1700000000000000000', link_type: 253 }, 0)
 */
export function datagramFromJson(bytes: Uint8Array, meta: unknown, index: number, path = 'datagram'): CapturedDatagram {
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) throw bad(path, 'expected an object');
  const o = meta as Record<string, unknown>;
  const ts = o.timestamp_ns;
  if (ts !== undefined && (typeof ts !== 'string' || !/^\d{1,20}$/.test(ts))) throw bad(`${path}.timestamp_ns`, 'expected a decimal string');
  const dir = o.direction;
  if (dir !== undefined && dir !== 'to-kernel' && dir !== 'from-kernel') throw bad(`${path}.direction`, 'expected "to-kernel" or "from-kernel"');
  const lh = o.link_header;
  if (lh !== undefined && (typeof lh !== 'string' || (lh !== '' && !/^([0-9a-f]{2})+$/i.test(lh)))) throw bad(`${path}.link_header`, 'expected a hex string');
  const linkType = u32(o, 'link_type', path);
  const family = u32(o, 'family', path);
  const interfaceId = u32(o, 'interface_id', path);
  const originalLength = u32(o, 'original_length', path);
  return {
    bytes,
    index,
    offset: 0,
    ...(ts === undefined ? {} : { timestampNs: BigInt(ts as string) }),
    ...(dir === undefined ? {} : { direction: dir as Direction }),
    ...(linkType === undefined ? {} : { linkType }),
    ...(lh === undefined ? {} : { linkHeader: fromHex(lh as string) }),
    ...(family === undefined ? {} : { family }),
    ...(interfaceId === undefined ? {} : { interfaceId }),
    ...(originalLength === undefined ? {} : { originalLength }),
  };
}
