/**
 * The pcap cases: a capture of event datagrams (one kernel record each) read through the borrowed
 * datagram path (`wholeCaptureReader` + `nextView`, no copy and no object per packet), with and
 * without its records, and through the full `AuditMessage` model for comparison. Like every case,
 * a pass reads the file (`readFileSync`) and does all the work on it.
 */
import { readFileSync } from 'node:fs';
import { need } from './lib.js';
import type { CaseSpec, Prepared, Units } from './cases.js';

const CAPTURE = ['capture/index', 'index'];
const AUDIT = ['audit/index', 'index'];
const RECORDS = ['records/index', 'index'];

// Shapes of the library's values, as far as these cases rely on them.

interface DatagramView {
  readonly kind: 'view';
  readonly buffer: Uint8Array;
  readonly start: number;
  readonly end: number;
  readonly offset: number;
  readonly littleEndian: boolean;
}
interface ViewReader {
  nextView(): DatagramView | { readonly kind: string } | undefined;
}
interface RecordView {
  readonly type: number;
  readonly fieldCount: number;
  name(i: number): string;
  raw(i: number): string;
}
interface Field {
  readonly name: string;
  readonly raw: string;
}
interface Rec {
  readonly type: number;
  readonly fields: readonly Field[];
}
interface Datagram {
  readonly bytes: Uint8Array;
  readonly littleEndian?: boolean;
}
interface Message {
  readonly header: { readonly nlmsg_type: number };
  readonly body?: unknown;
}

const zeroUnits = (): Units => ({ records: 0, fields: 0, events: 0, datagrams: 0, bytes: 0, ops: 0, acc: 0 });

function isView(x: DatagramView | { readonly kind: string }): x is DatagramView {
  return x.kind === 'view';
}

/** The view path alone: every datagram's nlmsg_len and nlmsg_type, read with a DataView. */
export async function pcapWalkCase(spec: CaseSpec): Promise<Prepared> {
  const wholeCaptureReader = await need<(b: Uint8Array) => ViewReader>('wholeCaptureReader', CAPTURE);
  return {
    note: 'wholeCaptureReader + nextView, nlmsg_len/type of each datagram',
    pass() {
      const u = zeroUnits();
      const bytes = readFileSync(spec.file);
      u.bytes = bytes.length;
      let acc = 0;
      let datagrams = 0;
      // Read in place, every view has the same `buffer`: one DataView serves them all.
      let buffer: Uint8Array | undefined;
      let dv: DataView | undefined;
      const r = wholeCaptureReader(bytes);
      for (let x = r.nextView(); x !== undefined; x = r.nextView()) {
        if (!isView(x)) continue;
        if (x.buffer !== buffer || dv === undefined) {
          buffer = x.buffer;
          dv = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
        }
        acc += dv.getUint32(x.start, x.littleEndian) + dv.getUint16(x.start + 4, x.littleEndian);
        datagrams++;
      }
      u.acc = acc;
      u.datagrams = datagrams;
      return u;
    },
  };
}

/**
 * Every field's name and raw value of one record view (counted as auparse counts: +1 for `type`).
 * Per-record work lives in functions, not in the pass's loop, which only on-stack replacement
 * would optimise (bench/cases.ts `bareLines` says what happens when it does not).
 */
export function walkView(rec: RecordView, u: Units): void {
  const n = rec.fieldCount;
  let acc = rec.type;
  for (let i = 0; i < n; i++) acc += rec.name(i).length + rec.raw(i).length;
  u.acc += acc;
  u.fields += n + 1;
  u.records++;
}

/** The view path with every record tokenized: `recordViewOfDatagram`, every field's `name(i)` and `raw(i)`. */
export async function pcapRecordsCase(spec: CaseSpec): Promise<Prepared> {
  const wholeCaptureReader = await need<(b: Uint8Array) => ViewReader>('wholeCaptureReader', CAPTURE);
  const recordViewOfDatagram = await need<(b: Uint8Array, start: number, end: number, le: boolean) => RecordView | undefined>('recordViewOfDatagram', CAPTURE);
  return {
    note: 'nextView + recordViewOfDatagram, name(i)/raw(i) of every field',
    pass() {
      const u = zeroUnits();
      const bytes = readFileSync(spec.file);
      u.bytes = bytes.length;
      const r = wholeCaptureReader(bytes);
      for (let x = r.nextView(); x !== undefined; x = r.nextView()) {
        if (!isView(x)) continue;
        u.datagrams++;
        const rec = recordViewOfDatagram(x.buffer, x.start, x.end, x.littleEndian);
        if (rec !== undefined) walkView(rec, u);
      }
      return u;
    },
  };
}

/** The full model, for its cost: `readCapture` + `decodeDatagram` (AuditMessage objects) + `parseRecordPayload`. */
export async function pcapMessagesCase(spec: CaseSpec): Promise<Prepared> {
  const readCapture = await need<(b: Uint8Array) => { datagrams: Iterable<Datagram> }>('readCapture', CAPTURE);
  const decodeDatagram = await need<(b: Uint8Array, o: object) => { messages: readonly Message[] }>('decodeDatagram', AUDIT);
  const parseRecordPayload = await need<(t: string | Uint8Array, type: number) => Rec>('parseRecordPayload', RECORDS);
  return {
    note: 'readCapture + decodeDatagram + parseRecordPayload (AuditMessage model)',
    pass() {
      const u = zeroUnits();
      const bytes = readFileSync(spec.file);
      u.bytes = bytes.length;
      for (const d of readCapture(bytes).datagrams) {
        u.datagrams++;
        const dec = decodeDatagram(d.bytes, { littleEndian: d.littleEndian ?? true, framing: 'auto', validation: 'lenient' });
        for (const m of dec.messages) {
          const body = m.body as { text?: string } | undefined;
          if (body?.text === undefined) continue;
          const rec = parseRecordPayload(body.text, m.header.nlmsg_type);
          const fs = rec.fields;
          let acc = rec.type;
          for (let i = 0; i < fs.length; i++) acc += fs[i]!.name.length + fs[i]!.raw.length;
          u.acc += acc;
          u.fields += fs.length + 1;
          u.records++;
        }
      }
      return u;
    },
  };
}
