import { getDialect } from '../../src/audit/dialects/catalog.js';
import { decodeDatagram, encodeDatagram, type DecodedDatagram } from '../../src/audit/index.js';
import { toHex } from '../../src/bytes/hex.js';
import type { GeneratedDatagram } from '../../src/arbitraries/index.js';
import { formatRecordPayload, parseRecordPayload } from '../../src/records/index.js';

/** Decode strictly with the datagram's own dialect and byte order; throws what the decoder throws. */
export function decodeGenerated(d: GeneratedDatagram): DecodedDatagram {
  return decodeDatagram(d.bytes, { littleEndian: d.littleEndian, dialect: getDialect(d.dialect), validation: 'strict' });
}

/**
 * Why a generated datagram is not valid by construction, or undefined when it is: it must decode
 * strictly with no warning and no raw fallback, in its stated direction, its kernel records must
 * parse and format back, and it must re-encode to the same bytes.
 */
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
  for (const m of decoded.messages) {
    if (m.kind !== 'text' || m.direction !== 'from-kernel') continue;
    try {
      const r = parseRecordPayload(m.body.text, m.header.nlmsg_type);
      if (formatRecordPayload(r) !== m.body.text) return `${d.family}/${d.role}: record text does not format back`;
    } catch (e) {
      return `${d.family}/${d.role}: record does not parse: ${(e as Error).message}: ${m.body.text}`;
    }
  }
  const again = encodeDatagram(decoded, { registry });
  if (toHex(again) !== toHex(d.bytes)) return `${d.family}/${d.role}: re-encoded differently\n  in  ${toHex(d.bytes)}\n  out ${toHex(again)}`;
  return undefined;
}
