import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FAMILY_NAMES, type ByteOrderChoice, type FamilyName, type RecordFramingChoice } from '../../arbitraries/types.js';
import type { SampledDatagram } from '../../arbitraries/sample.js';
import { decodeDatagram } from '../../audit/index.js';
import { getDialect } from '../../audit/dialects/index.js';
import { AuditError, AuditErrorCode, isAuditError } from '../../bytes/errors.js';
import { hexLine, logLineOf, writePcap, writePcapng, type CapturedDatagram } from '../../capture/index.js';
import type { CliIO, Command } from '../io.js';
import { datagramToJson, errorToJson } from '../json/index.js';

const FORMATS = ['pcap', 'pcapng', 'hex', 'log', 'jsonl'] as const;
type GenFormat = (typeof FORMATS)[number];

const USAGE = `usage: audit-netlink gen --format FORMAT [options]

Write generated audit netlink datagrams (docs/arbitraries.md): whole exchanges as the kernel and
libaudit produce them. The same seed and options always give the same bytes.

options:
  --format pcap|pcapng|hex|log|jsonl
                             output format (pcap and pcapng: LINKTYPE_NETLINK; log: the
                             audit.log lines auditd would write for the kernel records)
  --count N                  number of datagrams (default 20)
  --seed S                   fast-check seed, an integer (default 0)
  --types A,B,...            families to draw from (default all the dialect supports):
                             ${FAMILY_NAMES.join(', ')}
  --dialect NAME             dialect (default mainline; namespace needs ns-2015, container
                             ghak90-v7/v8/v11 or contid-rfc-2017)
  --byte-order le|be|any     byte order of the datagrams (default le; any only with jsonl)
  --record-framing unicast|multicast|any
                             kernel records with the unicast length quirk, standard, or both (default any)
  --invalid                  make every 5th datagram a bad one (see --invalid-every); they are
                             marked: jsonl 'generated_invalid', hex a '# invalid' comment line,
                             pcap/pcapng a line on standard error; not with --format log
  --invalid-every N          with --invalid: every N-th datagram is bad (default 5)
  -o, --output FILE          write to FILE instead of standard output
  -h, --help                 this text
`;

/**
 * The generators, loaded when `gen` runs: they need fast-check (a peer dependency), and the other
 * commands should work without it.
 */
async function loadGenerators(): Promise<typeof import('../../arbitraries/sample.js')> {
  try {
    return await import('../../arbitraries/sample.js');
  } catch (e) {
    if (e instanceof Error && /fast-check/.test(e.message)) {
      throw new AuditError(AuditErrorCode.BAD_VALUE, 'gen needs the fast-check package (a peer dependency): npm install fast-check@4', { path: 'fast-check', cause: e });
    }
    throw e;
  }
}

function bad(message: string, path: string): AuditError {
  return new AuditError(AuditErrorCode.BAD_VALUE, message, { path });
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw bad(`--${option} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`, option);
}

function integer(value: string | undefined, option: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^-?[0-9]+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) throw bad(`--${option} must be an integer ≥ ${min}, not ${JSON.stringify(value)}`, option);
  return Number(value);
}

/** Base capture time of generated datagrams (2023-11-14T22:13:20Z); datagram i is 1 ms later per index. */
const BASE_NS = 1_700_000_000_000_000_000n;

function captured(d: SampledDatagram, i: number): CapturedDatagram {
  return { bytes: d.bytes, index: i, offset: 0, littleEndian: d.littleEndian, timestampNs: BASE_NS + BigInt(i) * 1_000_000n, direction: d.direction };
}

function isRecord(d: SampledDatagram): boolean {
  if (d.invalid !== null || d.bytes.length < 16) return false;
  const type = new DataView(d.bytes.buffer, d.bytes.byteOffset, d.bytes.byteLength).getUint16(4, d.littleEndian);
  return getDialect(d.dialect).registry.isRecordType(type);
}

/** What `gen` writes for these datagrams, as bytes, and the notes for standard error. */
export function renderGenerated(ds: readonly SampledDatagram[], format: GenFormat, header: string): { out: Uint8Array; notes: string[] } {
  const notes: string[] = [];
  const enc = new TextEncoder();
  const le = ds[0]?.littleEndian ?? true;
  ds.forEach((d, i) => {
    if (d.invalid !== null && (format === 'pcap' || format === 'pcapng')) notes.push(`invalid #${i} ${d.invalid.kind} ${d.invalid.code}`);
  });
  if (format === 'pcap') return { out: writePcap(ds.map(captured), { littleEndian: le }), notes };
  if (format === 'pcapng') return { out: writePcapng(ds.map(captured), { littleEndian: le }), notes };
  let text = '';
  if (format === 'hex') {
    text += `# ${header}\n`;
    ds.forEach((d, i) => {
      if (d.invalid !== null) text += `# invalid ${d.invalid.kind} ${d.invalid.code}\n`;
      text += hexLine(captured(d, i));
    });
  } else if (format === 'log') {
    ds.forEach((d, i) => {
      // auditd logs kernel records only (not replies such as AUDIT_REPLACE, nor the requests).
      if (d.direction === 'from-kernel' && isRecord(d)) text += logLineOf(captured(d, i)) ?? '';
    });
  } else {
    ds.forEach((d, i) => {
      const src = { datagram: i, littleEndian: d.littleEndian, timestampNs: BASE_NS + BigInt(i) * 1_000_000n, direction: d.direction };
      try {
        const decoded = decodeDatagram(d.bytes, { littleEndian: d.littleEndian, dialect: getDialect(d.dialect), direction: d.direction });
        for (const line of datagramToJson(decoded, src)) text += `${JSON.stringify({ ...line, generated: d.label })}\n`;
      } catch (e) {
        if (!isAuditError(e)) throw e;
        const mark = d.invalid === null ? {} : { generated_invalid: { kind: d.invalid.kind, expected_code: d.invalid.code } };
        text += `${JSON.stringify({ ...errorToJson(e, d.bytes, src), generated: d.label, ...mark })}\n`;
      }
    });
  }
  return { out: enc.encode(text), notes };
}

export const genCommand: Command = {
  name: 'gen',
  usage: USAGE,
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: false,
      options: {
        format: { type: 'string' },
        count: { type: 'string' },
        seed: { type: 'string' },
        types: { type: 'string' },
        dialect: { type: 'string' },
        'byte-order': { type: 'string' },
        'record-framing': { type: 'string' },
        invalid: { type: 'boolean' },
        'invalid-every': { type: 'string' },
        output: { type: 'string', short: 'o' },
      },
    });
    if (values.format === undefined || positionals.length > 0) {
      io.stderr.write(USAGE);
      return 2;
    }
    const format = oneOf(values.format, FORMATS, 'format', 'jsonl');
    const count = integer(values.count, 'count', 20, 0);
    const seed = integer(values.seed, 'seed', 0, -0x80000000);
    if (seed > 0x7fffffff) throw bad('--seed must fit in a 32-bit integer', 'seed');
    const byteOrder = oneOf<ByteOrderChoice>(values['byte-order'], ['le', 'be', 'any'], 'byte-order', 'le');
    if (byteOrder === 'any' && format !== 'jsonl') throw bad(`--byte-order any needs --format jsonl: a ${format} file has one byte order`, 'byte-order');
    const recordFraming = oneOf<RecordFramingChoice>(values['record-framing'], ['unicast', 'multicast', 'any'], 'record-framing', 'any');
    const types = values.types?.split(',').filter((t) => t !== '').map((t) => oneOf<FamilyName>(t, FAMILY_NAMES, 'types', 'status'));
    if (values.invalid === true && format === 'log') throw bad('--invalid cannot be written as audit.log lines; use pcap, pcapng, hex or jsonl', 'invalid');
    const every = values.invalid === true ? integer(values['invalid-every'], 'invalid-every', 5, 1) : undefined;
    const dialect = values.dialect ?? 'mainline';
    getDialect(dialect);
    const { sampleDatagrams } = await loadGenerators();
    const ds = sampleDatagrams({
      count, seed, byteOrder, recordFraming, dialect,
      ...(types === undefined ? {} : { types }),
      ...(every === undefined ? {} : { invalidEvery: every }),
    });
    const header = `audit-netlink gen --format ${format} --count ${count} --seed ${seed} --dialect ${dialect} --byte-order ${byteOrder}${types === undefined ? '' : ` --types ${types.join(',')}`}`;
    const { out, notes } = renderGenerated(ds, format, header);
    if (values.output !== undefined) writeFileSync(values.output, out);
    else io.stdout.write(out);
    for (const n of notes) io.stderr.write(`${n}\n`);
    return 0;
  },
};
