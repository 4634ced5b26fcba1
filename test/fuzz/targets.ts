/**
 * Every decoder entry point the fuzzer drives, with its valid seeds and how to mutate them, and
 * the contract check shared by the CI slice, the fixture replay and the long-campaign runner.
 *
 * The contract (docs/robustness.md):
 *  1. only `AuditError` escapes (anything else is a finding), with an integer offset in
 *     [-1, input length];
 *  2. the work done is bounded by the input: a reader that yields more items than the input has
 *     bytes (plus a few) is not advancing;
 *  3. what decodes is not a lie: a datagram decoded (strict or lenient) re-encodes to the same
 *     bytes, and the stream reader fed in random chunks yields the same items as one call;
 *  4. a valid input still decodes after the bad ones (no state leaks between calls).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeDatagram, encodeDatagram } from '../../src/audit/datagram.js';
import { getDialect, makeContidStatusCodec, capcontidStatusCodec, loginuidStatusCodec, sigInfo2V7Codec, sigInfo2V11Codec, makeStatusCodec } from '../../src/audit/dialects/index.js';
import type { CodecContext, PayloadCodec } from '../../src/audit/codec.js';
import { doneCodec } from '../../src/audit/messages/done.js';
import { emptyCodec } from '../../src/audit/messages/empty.js';
import { featuresCodec } from '../../src/audit/messages/features.js';
import { makeEquivCodec } from '../../src/audit/messages/make-equiv.js';
import { rawCodec } from '../../src/audit/messages/raw.js';
import { replaceCodec } from '../../src/audit/messages/replace.js';
import { ruleDataCodec } from '../../src/audit/messages/rule-data.js';
import { sigInfoCodec } from '../../src/audit/messages/sig-info.js';
import { statusCodec } from '../../src/audit/messages/status.js';
import { textCodec } from '../../src/audit/messages/text.js';
import { ttyStatusCodec } from '../../src/audit/messages/tty-status.js';
import { AuditError } from '../../src/bytes/errors.js';
import { fromHex, toHex } from '../../src/bytes/hex.js';
import { CaptureStreamReader, readCapture, readCaptureItems, type CaptureFormat, type CaptureItem } from '../../src/capture/index.js';
import { assembleEvents } from '../../src/events/assembler.js';
import { parseFilter, matchEvent } from '../../src/events/filter.js';
import type { Framing } from '../../src/netlink/framing.js';
import type { Validation } from '../../src/netlink/issues.js';
import { joinExecveArgs, parseLogLine, parseRecordPayload, proctitleArgv, recordFromJson, recordToJson, type AuditRecord } from '../../src/records/index.js';
import { compileRule, explainRule } from '../../src/rules/index.js';
import { interpretRecord } from '../../src/interpret/index.js';
import { parseRuleBytes } from '../../src/rules/messages.js';
import { bytesToLatin1, mutateBinary, mutateText, Rng, type Mutated, type Structure, EMPTY_STRUCTURE } from './mutate.js';
import { netlinkStructure, payloadStructure, pcapngStructure, pcapStructure, rawStructure } from './structure.js';

export interface Target {
  readonly name: string;
  /** Valid inputs to mutate. */
  readonly seeds: readonly Uint8Array[];
  /** Cases the CI slice runs (tuned so the whole slice stays well under a minute on 2 cores). */
  readonly ciCases: number;
  mutate(rng: Rng, seed: Uint8Array): Mutated;
  /** Decode; may throw AuditError. Returns a violation message for contract items 2 and 3. */
  run(input: Uint8Array): string | undefined;
}

export interface Violation {
  readonly target: string;
  /** escape | offset | no-progress | lie | stream | recovery */
  readonly kind: string;
  readonly message: string;
  readonly stack?: string;
}

/** Run one input through a target and check the contract. `undefined` = the contract held. */
export function checkContract(t: Target, input: Uint8Array): Violation | undefined {
  let msg: string | undefined;
  try {
    msg = t.run(input);
  } catch (e) {
    if (e instanceof AuditError) {
      const ok = Number.isInteger(e.offset) && e.offset >= -1 && e.offset <= input.length;
      if (!ok) return { target: t.name, kind: 'offset', message: `AuditError ${e.code} offset ${e.offset} outside [-1, ${input.length}]: ${e.message}` };
      return undefined;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    return { target: t.name, kind: 'escape', message: `${err.name}: ${err.message}`, ...(err.stack === undefined ? {} : { stack: err.stack.split('\n').slice(0, 6).join('\n') }) };
  }
  if (msg !== undefined) return { target: t.name, kind: msg.split(':')[0]!, message: msg };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Seeds

export interface Corpus {
  readonly root: string;
  readonly datagrams: readonly Uint8Array[];
  readonly payloads: ReadonlyMap<string, readonly Uint8Array[]>;
  readonly recordPayloads: readonly { type: number; text: Uint8Array }[];
  readonly logLines: readonly Uint8Array[];
  readonly logs: readonly Uint8Array[];
  readonly rules: readonly Uint8Array[];
  readonly captures: ReadonlyMap<CaptureFormat, readonly Uint8Array[]>;
}

const te = new TextEncoder();

function file(root: string, rel: string): Uint8Array {
  return new Uint8Array(readFileSync(join(root, rel)));
}

function hexLines(text: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const line of text.split('\n')) {
    const m = /^(?:(?:sendto|recvfrom)(?: \(peek\))? )?([0-9a-fA-F]{32,})\s*$/.exec(line.trim());
    if (m !== null) out.push(fromHex(m[1]!));
  }
  return out;
}

function rawFile(datagrams: readonly Uint8Array[], le: boolean): Uint8Array {
  const parts: number[] = [0x41, 0x55, 0x44, 0x49, 0x54, 0x4e, 0x4c, 0x01, le ? 1 : 0, 0, 0, 0];
  for (const d of datagrams) {
    const n = d.length;
    parts.push((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255, 2, 0, 0, 0, ...d);
  }
  return Uint8Array.from(parts);
}

function bareFile(datagrams: readonly Uint8Array[]): Uint8Array {
  const parts: number[] = [];
  for (const d of datagrams) {
    parts.push(...d);
    while (parts.length % 4 !== 0) parts.push(0);
  }
  return Uint8Array.from(parts);
}

/** Load the valid inputs under test/fixtures (read-only). */
export function loadCorpus(root: string): Corpus {
  const V = 'test/fixtures/vectors/';
  const C = 'test/fixtures/captures/';
  const txt = readdirSync(join(root, V)).filter((f) => f.endsWith('.txt'));
  const datagrams: Uint8Array[] = [];
  for (const f of txt) datagrams.push(...hexLines(new TextDecoder().decode(file(root, V + f))));
  const payloads = new Map<string, Uint8Array[]>();
  const recordPayloads: { type: number; text: Uint8Array }[] = [];
  const add = (k: string, b: Uint8Array): void => {
    const l = payloads.get(k) ?? [];
    if (l.length < 40 && !l.some((x) => toHex(x) === toHex(b))) l.push(b);
    payloads.set(k, l);
  };
  for (const d of datagrams) {
    let dec;
    try {
      dec = decodeDatagram(d, { littleEndian: true, validation: 'lenient' });
    } catch {
      continue;
    }
    for (const m of dec.messages) {
      const len = m.framing === 'unicast' ? m.header.nlmsg_len + 16 : Math.min(m.header.nlmsg_len, d.length - m.offset);
      const payload = d.slice(m.offset + 16, m.offset + len);
      add(m.kind, payload);
      if (m.kind === 'text' && recordPayloads.length < 200) recordPayloads.push({ type: m.header.nlmsg_type, text: payload });
    }
  }
  // Payloads no vector has: built as the kernel would send them.
  add('make-equiv', fromHex('02000000010000002f612f'));
  add('make-equiv', fromHex('0400000004000000' + toHex(te.encode('/old/new'))));
  add('replace', fromHex('2a000000'));
  add('tty-status', fromHex('0100000001000000'));
  add('sig-info', fromHex('e8030000c7540000' + toHex(te.encode('system_u:system_r:init_t\0'))));
  add('sig-info2-v7', fromHex('e8030000c75400000500000000000000' + toHex(te.encode('unconfined\0'))));
  add('sig-info2-v11', fromHex('e8030000c754000002000000' + toHex(te.encode('42unconfined\0'))));
  add('contid-status', fromHex('01000000000000000500000000000000'));
  add('capcontid-status', fromHex('0100000001000000'));
  add('loginuid-status', fromHex('e8030000'));
  add('features', fromHex('01000000030000000300000000000000'));
  const logs = [file(root, V + 'records.log')];
  for (const f of readdirSync(join(root, 'test/fixtures/auparse/go-libaudit')).filter((x) => x.endsWith('.log')).slice(0, 3)) {
    logs.push(file(root, 'test/fixtures/auparse/go-libaudit/' + f).slice(0, 16384));
  }
  const logLines: Uint8Array[] = [];
  for (const l of logs) for (const line of new TextDecoder().decode(l).split('\n')) if (line.startsWith('type=') || line.startsWith('node=')) logLines.push(te.encode(line));
  const rules: Uint8Array[] = [];
  for (const f of ['edge-cases.ref.tsv', 'debian-examples.ref.tsv', 'generated.ref.tsv']) {
    for (const line of new TextDecoder().decode(file(root, 'test/fixtures/rules/' + f)).split('\n')) {
      if (line.startsWith('#') || line.trim() === '') continue;
      const rule = line.split('\t')[0]!;
      if (rule.startsWith('-') && rules.length < 400) rules.push(te.encode(rule));
    }
  }
  const pcaps = readdirSync(join(root, V)).filter((f) => f.endsWith('.pcap')).map((f) => file(root, V + f));
  pcaps.push(file(root, C + 'events.multicast.nsec.pcap'));
  const pcapngs = [file(root, V + 'status.netlink.pcapng'), ...readdirSync(join(root, C)).filter((f) => f.endsWith('.pcapng')).map((f) => file(root, C + f))];
  const straces = readdirSync(join(root, C)).filter((f) => f.startsWith('strace-')).map((f) => file(root, C + f));
  const hexes = txt.map((f) => file(root, V + f));
  const control = datagrams.filter((d) => d.length < 2000).slice(0, 40);
  const raws = [rawFile(control, true), rawFile(datagrams.slice(40, 80), true), bareFile(control.filter((d) => d.length >= 16 && (d[0]! | (d[1]! << 8)) === d.length))];
  const captures = new Map<CaptureFormat, Uint8Array[]>([
    ['pcap', pcaps],
    ['pcapng', pcapngs],
    ['strace', straces],
    ['hex', hexes],
    ['raw', raws],
    ['log', logs],
  ]);
  return { root, datagrams, payloads, recordPayloads, logLines, logs, rules, captures };
}

// ---------------------------------------------------------------------------------------------
// Targets

const CTX = (littleEndian: boolean, validation: Validation): CodecContext => ({
  littleEndian,
  base: 0,
  path: '',
  validation,
  header: { nlmsg_len: 0, nlmsg_type: 0, nlmsg_flags: 0, nlmsg_seq: 0, nlmsg_pid: 0 },
});

function binaryMutator(structure: (b: Uint8Array) => Structure) {
  return (rng: Rng, seed: Uint8Array): Mutated => {
    let s: Structure = EMPTY_STRUCTURE;
    try {
      s = structure(seed);
    } catch {
      // a seed the finder does not understand: unstructured mutations only
    }
    let m = mutateBinary(rng, seed, s);
    // Stack a second mutation now and then: single mutations rarely reach the second check.
    if (rng.bool(0.25)) m = { kind: m.kind, bytes: mutateBinary(rng, m.bytes, EMPTY_STRUCTURE).bytes };
    return m;
  };
}

function textMutator(rng: Rng, seed: Uint8Array): Mutated {
  let m = mutateText(rng, seed);
  if (rng.bool(0.2)) m = { kind: m.kind, bytes: mutateText(rng, m.bytes).bytes };
  return m;
}

const eq = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function datagramTarget(corpus: Corpus, framing: Framing, validation: Validation, dialect: string | undefined, ciCases: number): Target {
  const d = dialect === undefined ? undefined : getDialect(dialect);
  return {
    name: `datagram.${framing}.${validation}${dialect === undefined ? '' : `.${dialect}`}`,
    seeds: corpus.datagrams,
    ciCases,
    mutate: binaryMutator((b) => netlinkStructure(b, true)),
    run(input) {
      const le = input.length === 0 || input[0] !== 0 || input[3] === 0;
      const opts = { littleEndian: le, framing, validation, ...(d === undefined ? {} : { dialect: d }) };
      let dec;
      try {
        dec = decodeDatagram(input, opts);
      } catch (e) {
        // docs/errors.md: under lenient validation problems become warnings instead of exceptions.
        if (e instanceof AuditError && validation === 'lenient') return `lenient-throw: lenient decodeDatagram threw ${e.code} at ${e.offset}: ${e.message}`;
        throw e;
      }
      const again = encodeDatagram(dec, d === undefined ? {} : { dialect: d });
      if (!eq(again, input)) return `lie: decode then encode gave ${again.length} bytes, not the ${input.length} input bytes (first difference at ${firstDiff(again, input)})`;
      return undefined;
    },
  };
}

function firstDiff(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

function codecTarget(corpus: Corpus, name: string, seedsOf: string, codec: PayloadCodec<unknown>, validation: Validation, ciCases: number, extraSeeds: Uint8Array[] = []): Target {
  const seeds = [...(corpus.payloads.get(seedsOf) ?? []), ...extraSeeds];
  return {
    name: `codec.${name}.${validation}`,
    seeds: seeds.length > 0 ? seeds : [new Uint8Array(0)],
    ciCases,
    mutate: binaryMutator((b) => payloadStructure(b, name, true)),
    run(input) {
      const body = codec.decode(input, CTX(true, validation));
      const size = codec.size(body);
      if (size !== input.length) return `lie: size(decode(payload)) is ${size}, payload is ${input.length}`;
      return undefined;
    },
  };
}

/**
 * The largest argument index an EXECVE record names (argc, aN, aN[M] chunk numbers). joinExecveArgs
 * loops up to it, so a tiny record claiming argc=4294967295 would run (and allocate) for minutes:
 * the fuzzer reports that instead of running it (finding F1 in test/fixtures/fuzz/FINDINGS.md).
 */
export function execveClaim(records: readonly AuditRecord[]): number {
  let claim = 0;
  for (const r of records) {
    if (r.type !== 1309) continue;
    for (const f of r.fields) {
      if (f.name === 'argc' && /^[0-9]+$/.test(f.raw)) claim = Math.max(claim, Number(f.raw));
      const m = /^a([0-9]+)(?:\[([0-9]+)\])?/.exec(f.name);
      if (m !== null) claim = Math.max(claim, Number(m[1]) + 1, m[2] === undefined ? 0 : Number(m[2]) + 1);
    }
  }
  return claim;
}

/** Bound for execveClaim: more than this many argument slots from this many fields is unbounded work. */
export function execveBound(records: readonly AuditRecord[]): number {
  let n = 0;
  for (const r of records) n += r.fields.length;
  return 4 * n + 4096;
}

/** Longest field value interpretRecord is given in the fuzz targets (finding F5, fixed: leadingNumber saturates). */
export const INTERPRET_MAX_VALUE = 1 << 20;

function useRecords(rs: readonly AuditRecord[]): string | undefined {
  for (const r of rs) {
    JSON.parse(JSON.stringify(recordToJson(r)));
    proctitleArgv(r);
    if (r.fields.every((f) => f.raw.length <= INTERPRET_MAX_VALUE)) interpretRecord(r);
  }
  const claim = execveClaim(rs);
  const bound = execveBound(rs);
  if (claim <= bound) {
    joinExecveArgs(rs);
    return undefined;
  }
  // Running it as is could take minutes (argc=4294967295): probe with the claim cut to just over
  // the bound instead. A joinExecveArgs that sizes its output from the claim returns bound+1
  // arguments; one bounded by what the records hold returns few.
  const probe = rs.map((r) => ({ ...r, fields: r.fields.map((f) => (f.name === 'argc' && /^[0-9]+$/.test(f.raw) ? { ...f, raw: String(bound + 1), value: String(bound + 1) } : f)) }));
  const hasArgc = probe.some((r) => r.type === 1309 && r.fields.some((f) => f.name === 'argc' && f.raw === String(bound + 1)));
  if (!hasArgc) return `unbounded: joinExecveArgs would loop ${claim} times for ${rs.length} record(s) (aN index from the wire)`;
  const n = joinExecveArgs(probe).argBytes.length;
  if (n > bound) return `unbounded: joinExecveArgs sizes its output from argc=${claim} (probe argc=${bound + 1} gave ${n} arguments from ${rs.length} record(s))`;
  return undefined;
}

function captureTarget(corpus: Corpus, format: CaptureFormat, structure: ((b: Uint8Array) => Structure) | 'text', ciCases: number): Target {
  return {
    name: `capture.${format}`,
    seeds: corpus.captures.get(format) ?? [],
    ciCases,
    mutate: structure === 'text' ? textMutator : binaryMutator(structure),
    run(input) {
      let items: CaptureItem[] | string;
      try {
        items = collect(readCaptureItems(input, { format }), input.length);
      } catch (e) {
        // With the format given, every problem is an error item: reading goes on after it.
        if (e instanceof AuditError) return `reader-throw: readCaptureItems (${format}) threw ${e.code} at ${e.offset} instead of yielding an error item: ${e.message}`;
        throw e;
      }
      if (typeof items === 'string') return items;
      for (const it of items) {
        if (it.kind === 'error') {
          if (!(it.error instanceof AuditError)) return `escape: error item is not an AuditError`;
          if (it.error.offset < -1 || it.error.offset > input.length) return `offset: error item ${it.error.code} offset ${it.error.offset} outside the input`;
        }
      }
      return undefined;
    },
  };
}

/** Items of a reader, or a message when it yields more than the input could hold. */
function collect(it: Iterable<CaptureItem>, inputLength: number): CaptureItem[] | string {
  const out: CaptureItem[] = [];
  const cap = inputLength + 64;
  for (const x of it) {
    out.push(x);
    if (out.length > cap) return `no-progress: more than ${cap} items from ${inputLength} bytes`;
  }
  return out;
}

function itemKey(it: CaptureItem): string {
  switch (it.kind) {
    case 'datagram':
      return `d@${it.datagram.offset}:${toHex(it.datagram.bytes)}`;
    case 'line':
      return `l@${it.line.offset}:${it.line.text.length}`;
    case 'notice':
      return `n@${it.notice.offset}:${it.notice.code}`;
    case 'error':
      return `e@${it.error.offset}:${it.error.code}`;
  }
}

/** The stream reader in random chunk sizes must give what one whole-buffer read gives. */
function streamTarget(corpus: Corpus, ciCases: number): Target {
  const seeds = [...corpus.captures.values()].flat();
  return {
    name: 'stream.chunked',
    seeds,
    ciCases,
    mutate: (rng, seed) => (rng.bool(0.5) ? binaryMutator((b) => (b[0] === 0xd4 || b[0] === 0xa1 ? pcapStructure(b) : b[0] === 0x0a ? pcapngStructure(b) : EMPTY_STRUCTURE))(rng, seed) : textMutator(rng, seed)),
    run(input) {
      let whole: CaptureItem[] | string;
      try {
        whole = collect(readCaptureItems(input), input.length);
      } catch (e) {
        if (e instanceof AuditError) whole = `threw ${e.code}`;
        else throw e;
      }
      if (typeof whole === 'string' && whole.startsWith('no-progress')) return whole;
      let h = 0x811c9dc5;
      for (let i = 0; i < Math.min(64, input.length); i++) h = Math.imul(h ^ input[i]!, 16777619);
      const rng = new Rng(h ^ input.length);
      const r = new CaptureStreamReader();
      const got: CaptureItem[] = [];
      let threw: string | undefined;
      try {
        for (let at = 0; at < input.length; ) {
          const n = 1 + rng.int(rng.bool(0.3) ? 8 : 700);
          r.append(input.subarray(at, at + n));
          at += n;
          for (let x = r.next(); x !== undefined; x = r.next()) {
            got.push(x);
            if (got.length > input.length + 64) return `no-progress: stream reader yields more than ${input.length + 64} items`;
          }
        }
        r.end();
        for (let x = r.next(); x !== undefined; x = r.next()) {
          got.push(x);
          if (got.length > input.length + 64) return `no-progress: stream reader yields more than ${input.length + 64} items`;
        }
      } catch (e) {
        if (e instanceof AuditError) threw = `threw ${e.code}`;
        else throw e;
      }
      if (typeof whole === 'string' || threw !== undefined) {
        if (whole !== (threw ?? '')) return `stream: whole read ${typeof whole === 'string' ? whole : `gave ${whole.length} items`}, chunked ${threw ?? `gave ${got.length} items`}`;
        if (threw !== undefined) throw new AuditError('AUDIT_ERR_UNKNOWN_FORMAT', threw, { offset: 0 });
        return undefined;
      }
      const a = whole.map(itemKey);
      const b = got.map(itemKey);
      const n = Math.max(a.length, b.length);
      for (let i = 0; i < n; i++) {
        if (a[i] !== b[i]) return `stream: item ${i} differs: whole ${a[i] ?? 'none'} vs chunked ${b[i] ?? 'none'} (${a.length} vs ${b.length} items)`;
      }
      return undefined;
    },
  };
}

/** The CLI's decode road: detect, read, frame, decode (lenient), parse records, group events, filter. */
function pipelineTarget(corpus: Corpus, ciCases: number): Target {
  const seeds = [...corpus.captures.values()].flat();
  const filter = parseFilter(['type=SYSCALL', 'success=yes']);
  return {
    name: 'pipeline.auto',
    seeds,
    ciCases,
    mutate: (rng, seed) => (rng.bool(0.5) ? binaryMutator(() => EMPTY_STRUCTURE)(rng, seed) : textMutator(rng, seed)),
    run(input) {
      const read = readCapture(input);
      const records: AuditRecord[] = [];
      let n = 0;
      for (const d of read.datagrams) {
        if (++n > input.length + 64) return `no-progress: more than ${input.length + 64} datagrams`;
        let dec;
        try {
          dec = decodeDatagram(d.bytes, { littleEndian: d.littleEndian ?? true, validation: 'lenient', base: d.offset });
        } catch (e) {
          if (e instanceof AuditError) continue;
          throw e;
        }
        for (const m of dec.messages) {
          if (m.kind !== 'text') continue;
          try {
            const r = parseRecordPayload(m.body.bytes, m.header.nlmsg_type);
            records.push(r);
          } catch (e) {
            if (!(e instanceof AuditError)) throw e;
          }
        }
      }
      for (const out of assembleEvents(records, { maxInFlight: 16 })) if (out.kind === 'event') matchEvent(filter, out.event);
      return undefined;
    },
  };
}

/** Every entry point. `root` is the repository (fixtures are read from it). */
export function allTargets(root: string): Target[] {
  const c = loadCorpus(root);
  const t: Target[] = [];
  for (const framing of ['strict', 'unicast', 'auto'] as const) {
    for (const validation of ['strict', 'lenient'] as const) t.push(datagramTarget(c, framing, validation, undefined, 2500));
  }
  t.push(datagramTarget(c, 'auto', 'lenient', 'ghak90-v11', 1500));
  t.push(datagramTarget(c, 'auto', 'strict', 'ghak90-v7', 1500));
  const codecs: [string, string, PayloadCodec<unknown>][] = [
    ['status', 'status', statusCodec as PayloadCodec<unknown>],
    ['features', 'features', featuresCodec as PayloadCodec<unknown>],
    ['rule', 'rule', ruleDataCodec as PayloadCodec<unknown>],
    ['sig-info', 'sig-info', sigInfoCodec as PayloadCodec<unknown>],
    ['tty-status', 'tty-status', ttyStatusCodec as PayloadCodec<unknown>],
    ['make-equiv', 'make-equiv', makeEquivCodec as PayloadCodec<unknown>],
    ['replace', 'replace', replaceCodec as PayloadCodec<unknown>],
    ['empty', 'empty', emptyCodec as PayloadCodec<unknown>],
    ['text', 'text', textCodec as PayloadCodec<unknown>],
    ['raw', 'raw', rawCodec as PayloadCodec<unknown>],
    ['done', 'done', doneCodec as PayloadCodec<unknown>],
    ['sig-info2-v7', 'sig-info2-v7', sigInfo2V7Codec as PayloadCodec<unknown>],
    ['sig-info2-v11', 'sig-info2-v11', sigInfo2V11Codec as PayloadCodec<unknown>],
    ['contid-status-x86_64', 'contid-status', makeContidStatusCodec('x86_64') as PayloadCodec<unknown>],
    ['contid-status-i386', 'contid-status', makeContidStatusCodec('i386') as PayloadCodec<unknown>],
    ['capcontid-status', 'capcontid-status', capcontidStatusCodec as PayloadCodec<unknown>],
    ['loginuid-status', 'loginuid-status', loginuidStatusCodec as PayloadCodec<unknown>],
    ['status-ghak90-v8', 'status', makeStatusCodec(getDialect('ghak90-v8').statusFields) as PayloadCodec<unknown>],
  ];
  for (const [name, seeds, codec] of codecs) {
    for (const v of ['strict', 'lenient'] as const) t.push(codecTarget(c, name, seeds, codec, v, name === 'rule' ? 800 : 400));
  }
  t.push({
    name: 'records.payload',
    seeds: c.recordPayloads.map((r) => r.text),
    ciCases: 1200,
    mutate: textMutator,
    run(input) {
      return useRecords([parseRecordPayload(input, c.recordPayloads[input.length % c.recordPayloads.length]!.type)]);
    },
  });
  t.push({
    name: 'records.logline',
    seeds: c.logLines,
    ciCases: 1000,
    mutate: textMutator,
    run(input) {
      const r = parseLogLine(bytesToLatin1(input));
      const u = useRecords([r]);
      if (u !== undefined) return u;
      const back = recordFromJson(JSON.parse(JSON.stringify(recordToJson(r))));
      if (back.fields.length !== r.fields.length) return `lie: JSON round trip changed the field count ${r.fields.length} → ${back.fields.length}`;
      return undefined;
    },
  });
  t.push({
    name: 'records.events',
    seeds: c.logs,
    ciCases: 400,
    mutate: textMutator,
    run(input) {
      const recs: AuditRecord[] = [];
      for (const line of bytesToLatin1(input).split('\n')) {
        try {
          recs.push(parseLogLine(line));
        } catch (e) {
          if (!(e instanceof AuditError)) throw e;
        }
      }
      let n = 0;
      for (const out of assembleEvents(recs, { maxInFlight: 8, maxRecords: 50 })) {
        if (out.kind === 'event') {
          const u = useRecords(out.event.records);
          if (u !== undefined) return u;
        }
        if (++n > 2 * recs.length + 8) return `no-progress: more events than records`;
      }
      return undefined;
    },
  });
  t.push({
    name: 'rules.compile',
    seeds: c.rules,
    ciCases: 1200,
    mutate: textMutator,
    run(input) {
      const compiled = compileRule(bytesToLatin1(input));
      explainRule(compiled.rule);
      return undefined;
    },
  });
  t.push({
    name: 'rules.explain',
    seeds: c.payloads.get('rule') ?? [],
    ciCases: 800,
    mutate: binaryMutator((b) => payloadStructure(b, 'rule', true)),
    run(input) {
      const parsed = parseRuleBytes(input, true);
      explainRule(parsed.rule);
      return undefined;
    },
  });
  t.push(captureTarget(c, 'pcap', pcapStructure, 600));
  t.push(captureTarget(c, 'pcapng', pcapngStructure, 600));
  t.push(captureTarget(c, 'raw', rawStructure, 600));
  t.push(captureTarget(c, 'strace', 'text', 600));
  t.push(captureTarget(c, 'hex', 'text', 600));
  t.push(captureTarget(c, 'log', 'text', 500));
  t.push(streamTarget(c, 600));
  t.push(pipelineTarget(c, 400));
  return t;
}

/** Deterministic case `i` of a target under `seed`: which valid input, which mutation. */
export function caseInput(t: Target, seed: number, i: number): Mutated {
  const rng = new Rng((seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
  const base = t.seeds.length === 0 ? new Uint8Array(0) : rng.pick(t.seeds);
  return t.mutate(rng, base);
}

export function targetByName(targets: readonly Target[], name: string): Target | undefined {
  return targets.find((t) => t.name === name);
}
