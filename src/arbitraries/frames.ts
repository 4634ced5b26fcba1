import fc from 'fast-check';
import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import { FAMILIES } from './exchanges.js';
import { familySupported, resolveOptions, type FamilyName, type FrameOptions, type GeneratedDatagram, type GeneratedExchange } from './types.js';

function checkedOptions(opts: FrameOptions) {
  const o = resolveOptions(opts);
  for (const f of opts.types ?? []) {
    if (!(f in FAMILIES)) throw new AuditError(AuditErrorCode.BAD_VALUE, `unknown family ${JSON.stringify(f)}; known: ${Object.keys(FAMILIES).join(', ')}`, { path: 'types' });
    if (!familySupported(f, o.dialect)) {
      throw new AuditError(AuditErrorCode.BAD_VALUE, `family ${f} needs a dialect with its record types (${f === 'namespace' ? 'ns-2015' : 'ghak90-*, contid-rfc-2017'}), not ${o.dialect.name}`, { path: 'types' });
    }
  }
  if (o.types.length === 0) throw new AuditError(AuditErrorCode.BAD_VALUE, 'no family to generate', { path: 'types' });
  return o;
}

/**
 * Whole exchanges of one family, as the kernel and libaudit produce them.
 *
 * @example fc.sample(familyArbitrary('list-rules'), 1)[0].at(-1)?.role // 'done' or 'replies+done'
 */
export function familyArbitrary(family: FamilyName, opts: FrameOptions = {}): fc.Arbitrary<GeneratedExchange> {
  const o = checkedOptions({ ...opts, types: [family] });
  return FAMILIES[family](o);
}

/**
 * Whole exchanges of any family the options allow: request, ACK and reply; LIST_RULES replies
 * ending in DONE; interleaved events ending in EOE; user messages with their ACK and record.
 *
 * @example
 * fc.assert(fc.property(exchangeArbitrary({ byteOrder: 'le' }), (ex) => ex.every((d) => d.bytes.length >= 16)))
 */
export function exchangeArbitrary(opts: FrameOptions = {}): fc.Arbitrary<GeneratedExchange> {
  const o = checkedOptions(opts);
  return fc.oneof(...o.types.map((f) => FAMILIES[f](o)));
}

/**
 * One datagram out of a generated exchange.
 *
 * @example fc.sample(datagramArbitrary({ types: ['status'] }), 1)[0].role // 'request', 'ack' or 'reply'
 */
export function datagramArbitrary(opts: FrameOptions = {}): fc.Arbitrary<GeneratedDatagram> {
  return exchangeArbitrary(opts).chain((ex) => fc.constantFrom(...ex));
}

/** A capture's worth of datagrams: several exchanges one after the other. */
export function captureArbitrary(opts: FrameOptions & { readonly maxExchanges?: number } = {}): fc.Arbitrary<GeneratedDatagram[]> {
  return fc.array(exchangeArbitrary(opts), { minLength: 1, maxLength: opts.maxExchanges ?? 6 }).map((xs) => xs.flat());
}
