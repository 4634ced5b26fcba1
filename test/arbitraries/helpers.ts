import { getDialect } from '../../src/audit/dialects/catalog.js';
import { decodeDatagram, encodeDatagram, type DecodedDatagram } from '../../src/audit/index.js';
import { toHex } from '../../src/bytes/hex.js';
import type { GeneratedDatagram } from '../../src/arbitraries/index.js';

/** Decode strictly with the datagram's own dialect and byte order; throws what the decoder throws. */
export function decodeGenerated(d: GeneratedDatagram): DecodedDatagram {
  return decodeDatagram(d.bytes, { littleEndian: d.littleEndian, dialect: getDialect(d.dialect), validation: 'strict' });
}

/** Why a generated datagram is not valid by construction, or undefined when it is. */
export function invalidity(d: GeneratedDatagram): string | undefined {
  const registry = getDialect(d.dialect).registry;
  let decoded: DecodedDatagram;
  try {
    decoded = decodeGenerated(d);
  } catch (e) {
    return `${d.family}/${d.role}: decode threw ${(e as Error).message}\n  ${toHex(d.bytes)}`;
  }
  if (decoded.messages.length === 0) return `${d.family}/${d.role}: no message`;
  if (decoded.warnings.length > 0) return `${d.family}/${d.role}: warnings ${JSON.stringify(decoded.warnings)}`;
  if (decoded.trailing.length > 0) return `${d.family}/${d.role}: trailing bytes`;
  const raw = decoded.messages.find((m) => m.kind === 'raw');
  if (raw !== undefined) return `${d.family}/${d.role}: ${raw.name} decoded as raw`;
  const wrongDirection = decoded.messages.find((m) => m.direction !== d.direction);
  if (wrongDirection !== undefined) return `${d.family}/${d.role}: ${wrongDirection.name} is ${wrongDirection.direction}, expected ${d.direction}`;
  const again = encodeDatagram(decoded, { registry });
  if (toHex(again) !== toHex(d.bytes)) return `${d.family}/${d.role}: re-encoded differently\n  in  ${toHex(d.bytes)}\n  out ${toHex(again)}`;
  return undefined;
}
