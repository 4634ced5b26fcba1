/**
 * What each bench case does in its child process. Each case prepares its input once and returns a
 * `pass()` that does the whole work over the input one time and returns what it counted; the child
 * (child.ts) times passes. Every pass touches what the C peer touches: for text, every record,
 * grouped into events, and every field's name and raw value (with `interp`, every interpreted value
 * too); the touched characters are summed into `acc` so that no work can be optimised away.
 */
import { closeSync, createReadStream, openSync, readFileSync, readSync } from 'node:fs';
import { Missing, maybe, need, type Fn } from './lib.js';
import { STATUS_DATAGRAM_SIZE, statusPayloads } from './corpus/status.js';
import { pcapMessagesCase, pcapRecordsCase, pcapWalkCase, walkView } from './cases-pcap.js';

export interface Units {
  records: number;
  fields: number;
  events: number;
  datagrams: number;
  bytes: number;
  ops: number;
  acc: number;
}

export const zeroUnits = (): Units => ({ records: 0, fields: 0, events: 0, datagrams: 0, bytes: 0, ops: 0, acc: 0 });

export interface CaseSpec {
  readonly case: string;
  readonly file: string;
  /** Extra per-case options. */
  readonly interp?: boolean;
}

export interface Prepared {
  /** One full pass over the input. */
  pass(): Units | Promise<Units>;
  /** How events were grouped, or other notes for the table. */
  readonly note?: string;
  /** Run once (no warm-up, no repetition): the streamed RSS case. */
  readonly once?: boolean;
}

// ---------------------------------------------------------------------------------------------------
// Shapes of the library's values, as far as the bench relies on them.

interface Field {
  readonly name: string;
  readonly raw: string;
}
interface Rec {
  readonly type: number;
  readonly typeName?: string;
  readonly time: { readonly sec: number; readonly msec: number };
  readonly serial: number;
  readonly fields: readonly Field[];
}

const RECORDS = ['records/index', 'index'];
const INTERPRET = ['interpret/index', 'index'];
const AUDIT = ['audit/index', 'index'];
const CAPTURE = ['capture/index', 'index'];
const EVENTS = ['events/index', 'index'];
const RULES = ['rules/index', 'index', 'rules/compile'];
const BYTES = ['bytes/index', 'index'];

/** Sum of a record's field name and raw value lengths; counts the fields (+1 for `type`, as auparse does). */
function walkFields(r: Rec, u: Units): void {
  const fs = r.fields;
  u.fields += fs.length + 1;
  let acc = r.type;
  for (let i = 0; i < fs.length; i++) {
    const f = fs[i]!;
    acc += f.name.length + f.raw.length;
  }
  u.acc += acc;
  u.records++;
}

/** Touch an interpretation result, whatever its shape (array of fields/strings, or an object). */
function walkInterpreted(x: unknown, u: Units): void {
  if (typeof x === 'string') {
    u.acc += x.length;
    return;
  }
  if (Array.isArray(x)) {
    for (const e of x) walkInterpreted(e, u);
    return;
  }
  if (x !== null && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if ('interp' in o) return walkInterpreted(o.interp, u);
    if ('interpreted' in o) return walkInterpreted(o.interpreted, u);
    if ('fields' in o && Array.isArray(o.fields)) return walkInterpreted(o.fields, u);
    if ('value' in o) return walkInterpreted(o.value, u);
    for (const k in o) walkInterpreted(o[k], u);
  }
}

// ---------------------------------------------------------------------------------------------------
// Event grouping.

/**
 * auparse's end-of-event rule (`audit_is_last_record`, reference §4.8): PROCTITLE, EOE, 1006 <
 * type < 1300, USER (1005), type ≥ 2100, KERNEL (2000), 1406-1419.
 */
export function isLastRecord(type: number): boolean {
  return (
    type === 1327 || type === 1320 || type === 1005 || type === 2000 || (type > 1006 && type < 1300) || type >= 2100 || (type >= 1406 && type <= 1419)
  );
}

interface Grouper {
  push(r: Rec): void;
  /** End of input: close every open event. */
  end(): void;
  events: number;
}

/**
 * The bench's own grouping, used only while the library has no event assembler: records keyed by
 * (sec, msec, serial), an event closed by its last record, or when a record 2 s newer arrives
 * (auditd's EOE timeout), or at the end.
 */
class BenchGrouper implements Grouper {
  events = 0;
  private open = new Map<string, { last: number; recs: Rec[] }>();
  private newest = 0;
  push(r: Rec): void {
    const t = r.time.sec * 1000 + r.time.msec;
    const key = `${r.time.sec}.${r.time.msec}:${r.serial}`;
    let ev = this.open.get(key);
    if (ev === undefined) {
      ev = { last: t, recs: [] };
      this.open.set(key, ev);
    }
    ev.recs.push(r);
    if (isLastRecord(r.type)) {
      this.open.delete(key);
      this.events++;
    }
    if (t > this.newest) {
      this.newest = t;
      if (this.open.size > 0) {
        for (const [k, e] of this.open) {
          if (this.newest - e.last < 2000) break;
          this.open.delete(k);
          this.events++;
        }
      }
    }
  }
  end(): void {
    this.events += this.open.size;
    this.open.clear();
  }
}

/**
 * The library's event assembler when it has one. Tried shapes, in order:
 * `new EventAssembler(opts?)` with `push(record)` returning completed events and `flush()`/`end()`.
 */
async function makeGrouper(): Promise<{ make: () => Grouper; note: string }> {
  type Assembler = { push(r: unknown): unknown; flush?(): unknown; end?(): unknown };
  const Cls = (await maybe<new (o?: unknown) => Assembler>('EventAssembler', EVENTS)) ?? (await maybe<new (o?: unknown) => Assembler>('EventReassembler', EVENTS));
  if (Cls !== undefined) {
    // push/flush return the completed outputs: events, and serial gaps which are not events.
    const count = (x: unknown): number => {
      if (!Array.isArray(x)) return x === undefined || x === null ? 0 : 1;
      let n = 0;
      for (const o of x as { kind?: string }[]) if (o.kind === undefined || o.kind === 'event') n++;
      return n;
    };
    return {
      note: 'events: library',
      make: () => {
        const a = new Cls();
        const g: Grouper = {
          events: 0,
          push(r) {
            g.events += count(a.push(r));
          },
          end() {
            g.events += count(a.flush !== undefined ? a.flush() : a.end?.());
          },
        };
        return g;
      },
    };
  }
  return { note: 'events: bench-local grouping (no library assembler yet)', make: () => new BenchGrouper() };
}

// ---------------------------------------------------------------------------------------------------
// Reading a text file in chunks, whole lines at a time.

const CHUNK = 4 << 20;

/** Call `onLine` for every line of the file (no newline), reading 4 MiB at a time. */
export function forEachLine(file: string, buf: Buffer, onLine: (line: string) => void): number {
  const fd = openSync(file, 'r');
  let bytes = 0;
  try {
    let carry = 0;
    for (;;) {
      const n = readSync(fd, buf, carry, buf.length - carry, null);
      bytes += n;
      const end = carry + n;
      if (end === 0) break;
      let last = buf.lastIndexOf(10, end - 1);
      if (n === 0) last = end; // final line without a newline
      if (last < 0) {
        if (end === buf.length) throw new Error('line longer than the read buffer');
        carry = end; // no newline yet: read more (or hit the end and take it as the last line)
        continue;
      }
      const text = buf.toString('utf8', 0, last);
      let at = 0;
      for (;;) {
        const nl = text.indexOf('\n', at);
        if (nl < 0) {
          if (at < text.length) onLine(text.slice(at));
          break;
        }
        if (nl > at) onLine(text.slice(at, nl));
        at = nl + 1;
      }
      carry = end - (last + 1);
      if (carry > 0) buf.copyWithin(0, last + 1, end);
      if (n === 0) break;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------------
// Cases.

/** The library's fast reader (`LogViewReader` → `RecordView`s), as far as the bench relies on it. */
interface View {
  readonly type: number;
  readonly time: { readonly sec: number; readonly msec: number };
  readonly serial: number;
  readonly node?: string | undefined;
  readonly fieldCount: number;
  name(i: number): string;
  raw(i: number): string;
}
interface ViewReader {
  append(chunk: Uint8Array): void;
  end(): void;
  next(): View | { kind: 'error' } | undefined;
}

async function textCase(spec: CaseSpec, interp: boolean): Promise<Prepared> {
  const Reader = interp ? undefined : await maybe<new (o?: object) => ViewReader>('LogViewReader', CAPTURE, 'function');
  if (Reader !== undefined) return textViewCase(spec, Reader);
  const parseLogLine = await need<(line: string) => Rec>('parseLogLine', RECORDS);
  const interpretRecord = interp ? await need<(r: Rec) => unknown>('interpretRecord', INTERPRET) : undefined;
  const { make, note } = await makeGrouper();
  const buf = Buffer.allocUnsafe(CHUNK + (1 << 20));
  return {
    note,
    pass() {
      const u = zeroUnits();
      const g = make();
      u.bytes = forEachLine(spec.file, buf, (line) => {
        const r = parseLogLine(line);
        walkFields(r, u);
        if (interpretRecord !== undefined) walkInterpreted(interpretRecord(r), u);
        g.push(r);
      });
      g.end();
      u.events = g.events;
      return u;
    },
  };
}

/**
 * The text case through `LogViewReader`: the file in 4 MiB chunks, every record a `RecordView`,
 * every field's `name(i)` and `raw(i)` made, and the views grouped by the library's assembler.
 */
async function textViewCase(spec: CaseSpec, Reader: new (o?: object) => ViewReader): Promise<Prepared> {
  const { make, note } = await makeGrouper();
  // What `stats` uses in Node: a SIMD ASCII check and a byte copy instead of TextDecoder.
  const decodeText = await maybe<(b: Uint8Array) => string>('decodeUtf8', ['node/index']);
  const buf = Buffer.allocUnsafe(CHUNK);
  return {
    note: `${note}; LogViewReader${decodeText === undefined ? '' : ' (decodeUtf8)'} + RecordView name(i)/raw(i)`,
    pass() {
      const u = zeroUnits();
      const g = make();
      const r = new Reader(decodeText === undefined ? {} : { decodeText });
      const drain = (): void => {
        for (let v = r.next(); v !== undefined; v = r.next()) {
          if ('kind' in v) continue;
          walkView(v, u);
          g.push(v as unknown as Rec);
        }
      };
      const fd = openSync(spec.file, 'r');
      try {
        for (;;) {
          const n = readSync(fd, buf, 0, buf.length, null);
          if (n === 0) break;
          u.bytes += n;
          r.append(buf.subarray(0, n));
          drain();
        }
      } finally {
        closeSync(fd);
      }
      r.end();
      drain();
      g.end();
      u.events = g.events;
      return u;
    },
  };
}

interface Datagram {
  readonly bytes: Uint8Array;
  readonly littleEndian?: boolean;
}
interface Message {
  readonly kind?: string;
  readonly header: { readonly nlmsg_type: number };
  readonly body?: unknown;
}

/** The pcap through `readCaptureItems` + `recordOfItem`: owned copies of every datagram, records built whole (no AuditMessage objects). */
async function pcapItemsCase(spec: CaseSpec): Promise<Prepared> {
  const readCaptureItems = await need<(b: Uint8Array) => Iterable<{ kind: string }>>('readCaptureItems', CAPTURE);
  const recordOfItem = await need<(item: unknown) => Rec | undefined>('recordOfItem', CAPTURE);
  return {
    note: 'readCaptureItems + recordOfItem',
    pass() {
      const u = zeroUnits();
      const bytes = readFileSync(spec.file);
      u.bytes = bytes.length;
      for (const item of readCaptureItems(bytes)) {
        if (item.kind !== 'datagram') continue;
        u.datagrams++;
        const r = recordOfItem(item);
        if (r !== undefined) walkFields(r, u);
      }
      return u;
    },
  };
}

const statusCtx = (le: boolean) => ({
  littleEndian: le,
  base: 0,
  path: '',
  header: { len: STATUS_DATAGRAM_SIZE, type: 1000, flags: 0, seq: 0, pid: 0 },
  validation: 'strict',
});

async function statusDecodeCase(spec: CaseSpec): Promise<Prepared> {
  const decodeStatus = await need<(p: Uint8Array, ctx: object) => Record<string, number>>('decodeStatus', AUDIT);
  const payloads = statusPayloads(new Uint8Array(readFileSync(spec.file)));
  const ctx = statusCtx(true);
  return {
    note: `decodeStatus on ${payloads.length} 44-byte payloads`,
    pass() {
      const u = zeroUnits();
      for (let i = 0; i < payloads.length; i++) {
        const s = decodeStatus(payloads[i]!, ctx);
        u.acc += s.backlog_limit! + s.pid!;
      }
      u.ops = payloads.length;
      return u;
    },
  };
}

async function statusEncodeCase(spec: CaseSpec): Promise<Prepared> {
  const decodeStatus = await need<(p: Uint8Array, ctx: object) => unknown>('decodeStatus', AUDIT);
  const encodeStatus = await need<(w: unknown, v: unknown) => void>('encodeStatus', AUDIT);
  const ByteWriter = await need<new (le: boolean, hint?: number) => { finish(): Uint8Array }>('ByteWriter', BYTES);
  const ctx = statusCtx(true);
  const values = statusPayloads(new Uint8Array(readFileSync(spec.file))).map((p) => decodeStatus(p, ctx));
  return {
    note: `new ByteWriter + encodeStatus + finish, ${values.length} values`,
    pass() {
      const u = zeroUnits();
      for (let i = 0; i < values.length; i++) {
        const w = new ByteWriter(true, 44);
        encodeStatus(w, values[i]);
        u.acc += w.finish().length;
      }
      u.ops = values.length;
      return u;
    },
  };
}

/** Names a rule compiler might have; the first found is used. */
const RULE_COMPILERS = ['compileRule', 'parseAuditctl', 'compileAuditctl', 'parseRule', 'ruleFromAuditctl'];

async function rulesCase(spec: CaseSpec): Promise<Prepared> {
  let compile: Fn | undefined;
  let name = '';
  for (const n of RULE_COMPILERS) {
    compile = await maybe(n, RULES);
    if (compile !== undefined) {
      name = n;
      break;
    }
  }
  if (compile === undefined) throw new Missing(`rules.${RULE_COMPILERS[0]!}`);
  const lines = readFileSync(spec.file, 'utf8').split('\n').filter((l) => l !== '');
  const c = compile as (line: string) => unknown;
  return {
    note: `rules.${name} on ${lines.length} auditctl lines`,
    pass() {
      const u = zeroUnits();
      for (let i = 0; i < lines.length; i++) {
        const r = c(lines[i]!);
        u.acc += r === undefined ? 0 : 1;
      }
      u.ops = lines.length;
      return u;
    },
  };
}

/** A whole capture streamed from disk in 1 MiB chunks through the stream reader, every record to fields. */
async function rssStreamCase(spec: CaseSpec): Promise<Prepared> {
  type Item = { kind: string; datagram?: Datagram };
  const Reader = await need<new (o?: object) => { append(b: Uint8Array): void; end(): void; next(): Item | undefined }>('CaptureStreamReader', CAPTURE);
  const decodeDatagram = await need<(b: Uint8Array, o: object) => { messages: readonly Message[] }>('decodeDatagram', AUDIT);
  const parseRecordPayload = await need<(t: string | Uint8Array, type: number) => Rec>('parseRecordPayload', RECORDS);
  return {
    once: true,
    note: 'CaptureStreamReader fed by fs.createReadStream (1 MiB chunks)',
    async pass() {
      const u = zeroUnits();
      const r = new Reader();
      const drain = (): void => {
        for (let it = r.next(); it !== undefined; it = r.next()) {
          if (it.kind !== 'datagram' || it.datagram === undefined) continue;
          u.datagrams++;
          const d = it.datagram;
          for (const m of decodeDatagram(d.bytes, { littleEndian: d.littleEndian ?? true, framing: 'auto', validation: 'lenient' }).messages) {
            const body = m.body as { text?: string } | undefined;
            if (body?.text !== undefined) walkFields(parseRecordPayload(body.text, m.header.nlmsg_type), u);
          }
        }
      };
      for await (const chunk of createReadStream(spec.file, { highWaterMark: 1 << 20 })) {
        const b = chunk as Buffer;
        u.bytes += b.length;
        r.append(b);
        drain();
      }
      r.end();
      drain();
      return u;
    },
  };
}

/** Type numbers of the names the corpora use, for the baseline tokenizer's end-of-event rule. */
const BASELINE_TYPES: ReadonlyMap<string, number> = new Map([
  ['LOGIN', 1006], ['USER_AUTH', 1100], ['USER_ACCT', 1101], ['CRED_ACQ', 1103], ['CRED_DISP', 1104], ['USER_START', 1105],
  ['USER_END', 1106], ['CRED_REFR', 1110], ['USER_LOGIN', 1112], ['USER_CMD', 1123], ['SERVICE_START', 1130],
  ['SERVICE_STOP', 1131], ['SYSCALL', 1300], ['PATH', 1302], ['CONFIG_CHANGE', 1305], ['SOCKADDR', 1306], ['CWD', 1307],
  ['EXECVE', 1309], ['EOE', 1320], ['PROCTITLE', 1327], ['AVC', 1400],
]);

/**
 * Not the library: the bench's own bare tokenizer, as a ceiling for this machine. The file in
 * 4 MiB chunks, each decoded once (`isAscii` + latin1, as `decodeUtf8`), lines found with indexOf
 * and never sliced; per line the type name and stamp by indexOf, fields as name/raw slices split
 * at spaces (`msg='...'` opened to its last quote), grouped by serial with auparse's
 * end-of-event rule. No validation, no value decoding, no record objects: what is left is the
 * cost of the strings every field's name and raw value must be.
 */
async function baselineCase(spec: CaseSpec): Promise<Prepared> {
  const buf = Buffer.allocUnsafe(CHUNK);
  const { isAscii } = await import('node:buffer');
  return {
    note: 'bench-local bare tokenizer (a ceiling, not the library)',
    pass() {
      const u = zeroUnits();
      const open = new Map<number, number>();
      const fd = openSync(spec.file, 'r');
      let carry = 0;
      try {
        for (;;) {
          const n = readSync(fd, buf, carry, buf.length - carry, null);
          u.bytes += n;
          const end = carry + n;
          if (end === 0) break;
          const last = n === 0 ? end - 1 : buf.lastIndexOf(10, end - 1);
          if (last < 0) throw new Error('line longer than the read buffer');
          const chunk = buf.subarray(0, last + 1);
          bareLines(isAscii(chunk) ? chunk.toString('latin1') : chunk.toString('utf8'), u, open);
          carry = end - (last + 1);
          if (carry > 0) buf.copyWithin(0, last + 1, end);
          if (n === 0) break;
        }
      } finally {
        closeSync(fd);
      }
      u.events += open.size;
      return u;
    },
  };
}

/**
 * The baseline's lines of one decoded chunk. The work per line is its own function: a loop over a
 * whole chunk runs 4 times a pass, so it is optimised only by on-stack replacement, and when V8
 * did not (at random, one process in two) the pass ran 80× slower.
 */
function bareLines(text: string, u: Units, open: Map<number, number>): void {
  for (let at = 0; at < text.length; ) at = bareLine(text, at, u, open);
}

let sepText = '';
let sepAt = -1;

/** One line from `at`; returns where the next starts. */
function bareLine(text: string, at: number, u: Units, open: Map<number, number>): number {
  let nl = text.indexOf('\n', at);
  if (nl < 0) nl = text.length;
  const sp = text.indexOf(' ', at + 5);
  const type = BASELINE_TYPES.get(text.slice(at + 5, sp)) ?? 0;
  const colon = text.indexOf(':', sp + 16);
  const close = text.indexOf(')', colon);
  const serial = Number(text.slice(colon + 1, close));
  // The next ENRICHED separator of the chunk, searched for again only once passed.
  if (text !== sepText || (sepAt >= 0 && sepAt < close)) {
    sepText = text;
    sepAt = text.indexOf('\x1d', close);
  }
  const end = sepAt >= 0 && sepAt < nl ? sepAt : nl;
  u.records++;
  u.fields++; // type
  bareFields(text, close + 3, end, u);
  if (isLastRecord(type)) {
    open.delete(serial);
    u.events++;
  } else open.set(serial, (open.get(serial) ?? 0) + 1);
  return nl + 1;
}

/** The baseline's fields of `text[from, to)`: name and raw value slices, `msg='...'` opened. */
function bareFields(text: string, from: number, to: number, u: Units): void {
  let i = from;
  let acc = 0;
  let fields = 0;
  while (i < to) {
    if (text.charCodeAt(i) === 0x20) {
      i++;
      continue;
    }
    let sp = text.indexOf(' ', i);
    if (sp < 0 || sp > to) sp = to;
    const eq = text.indexOf('=', i);
    if (eq > i && eq < sp) {
      const name = text.slice(i, eq);
      if (text.charCodeAt(eq + 1) === 0x27 && name === 'msg') {
        const close = text.lastIndexOf("'", to - 1);
        if (close > eq + 1) {
          bareFields(text, eq + 2, close, u);
          i = close + 1;
          continue;
        }
      }
      const raw = text.slice(eq + 1, sp);
      acc += name.length + raw.length;
      fields++;
    }
    i = sp + 1;
  }
  u.acc += acc;
  u.fields += fields;
}

export const CASES: Readonly<Record<string, (spec: CaseSpec) => Promise<Prepared>>> = {
  'text-fields': (s) => textCase(s, false),
  'text-interp': (s) => textCase(s, true),
  'baseline-tokenizer': baselineCase,
  'pcap-records': pcapRecordsCase,
  'pcap-walk': pcapWalkCase,
  'pcap-messages': pcapMessagesCase,
  'pcap-items': pcapItemsCase,
  'status-decode': statusDecodeCase,
  'status-encode': statusEncodeCase,
  'rules-compile': rulesCase,
  'rss-stream': rssStreamCase,
};
