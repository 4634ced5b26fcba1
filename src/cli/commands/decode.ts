import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { decodeDatagram, MAINLINE_REGISTRY, type AuditMessage, type AuditRegistry, type DecodedDatagram } from '../../audit/index.js';
import { decodeFeatureBitmap, decodeStatusMask, sigInfoContext } from '../../audit/index.js';
import { getDialect } from '../../audit/dialects/catalog.js';
import { AuditError, AuditErrorCode, isAuditError } from '../../bytes/errors.js';
import { toHex } from '../../bytes/hex.js';
import { readCapture, type CaptureFormat } from '../../capture/index.js';
import { formatNlmFlags } from '../../netlink/flags.js';
import type { Framing } from '../../netlink/framing.js';
import type { Validation } from '../../netlink/issues.js';
import type { CliIO, Command } from '../io.js';
import { datagramToJson, errorToJson } from '../json/index.js';

const USAGE = `usage: audit-netlink decode [options] FILE|-

Decode every datagram of a capture (pcap, pcapng, hex transcript, strace, audit.log; recognised
from its content) and print each message.

options:
  --format text|jsonl        readable text (default) or JSON Lines (docs/jsonl.md)
  --framing auto|strict|unicast
                             how message boundaries are found (default auto, docs/framing.md)
  --byte-order le|be         byte order of the netlink messages (default: the capture's, else le)
  --validation strict|lenient
                             refuse or warn about what no kernel sends (default strict)
  --dialect NAME             message registry (default mainline)
  --input-format FORMAT      skip detection: pcap, pcapng, hex, strace, raw, log
  -h, --help                 this text
`;

/** Reads a whole file, or standard input for `-`. */
export async function readInput(path: string, io: CliIO): Promise<Uint8Array> {
  if (path !== '-') return new Uint8Array(readFileSync(path));
  const chunks: Uint8Array[] = [];
  for await (const c of io.stdin) chunks.push(typeof c === 'string' ? new TextEncoder().encode(c) : (c as Uint8Array));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new AuditError(AuditErrorCode.BAD_VALUE, `--${option} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`, { path: option });
}

/** The registry of `--dialect NAME`. */
export function dialectRegistry(name: string | undefined): AuditRegistry | undefined {
  return name === undefined ? undefined : getDialect(name).registry;
}

export const decodeCommand: Command = {
  name: 'decode',
  summary: 'decode a capture and print its messages (text or JSON Lines)',
  usage: USAGE,
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        framing: { type: 'string' },
        'byte-order': { type: 'string' },
        validation: { type: 'string' },
        dialect: { type: 'string' },
        'input-format': { type: 'string' },
      },
    });
    if (positionals.length !== 1) {
      io.stderr.write(USAGE);
      return 2;
    }
    const format = oneOf(values.format, ['text', 'jsonl'] as const, 'format', 'text');
    const framing = oneOf<Framing>(values.framing, ['auto', 'strict', 'unicast'], 'framing', 'auto');
    const validation = oneOf<Validation>(values.validation, ['strict', 'lenient'], 'validation', 'strict');
    const order = values['byte-order'] === undefined ? undefined : oneOf(values['byte-order'], ['le', 'be'] as const, 'byte-order', 'le') === 'le';
    const inputFormat =
      values['input-format'] === undefined
        ? undefined
        : oneOf<CaptureFormat>(values['input-format'], ['pcap', 'pcapng', 'hex', 'strace', 'raw', 'log'], 'input-format', 'hex');
    const registry = dialectRegistry(values.dialect);
    const input = await readInput(positionals[0]!, io);
    const cap = readCapture(input, { ...(inputFormat === undefined ? {} : { format: inputFormat }), ...(order === undefined ? {} : { littleEndian: order }) });
    let failures = 0;
    let n = 0;
    for (const g of cap.datagrams) {
      const littleEndian = order ?? g.littleEndian ?? true;
      const src = {
        datagram: n,
        littleEndian,
        ...(g.timestampNs === undefined ? {} : { timestampNs: g.timestampNs }),
        ...(g.direction === undefined ? {} : { direction: g.direction }),
      };
      let d: DecodedDatagram;
      try {
        d = decodeDatagram(g.bytes, {
          littleEndian,
          framing,
          validation,
          base: g.offset,
          ...(registry === undefined ? {} : { registry }),
          ...(g.direction === undefined ? {} : { direction: g.direction }),
        });
      } catch (e) {
        if (!isAuditError(e)) throw e;
        failures++;
        if (format === 'jsonl') io.stdout.write(`${JSON.stringify(errorToJson(e, g.bytes, src))}\n`);
        else io.stdout.write(`#${n} ${e.code}: ${e.message}\n    raw ${toHex(g.bytes)}\n`);
        n++;
        continue;
      }
      if (format === 'jsonl') for (const line of datagramToJson(d, src)) io.stdout.write(`${JSON.stringify(line)}\n`);
      else io.stdout.write(formatDatagram(d, n, registry ?? MAINLINE_REGISTRY));
      n++;
    }
    for (const e of cap.errors) {
      failures++;
      io.stderr.write(`audit-netlink decode: ${e.code}: ${e.message}\n`);
    }
    return failures === 0 ? 0 : 1;
  },
};

function formatDatagram(d: DecodedDatagram, n: number, registry: AuditRegistry): string {
  let s = '';
  d.messages.forEach((m, i) => {
    const h = m.header;
    const where = d.messages.length > 1 ? `#${n}.${i}` : `#${n}`;
    const quirk = m.framing === 'unicast' ? ' (unicast)' : '';
    s += `${where} ${m.name} (${h.nlmsg_type}) len=${h.nlmsg_len}${quirk} flags=${formatNlmFlags(h.nlmsg_flags, h.nlmsg_type)} seq=${h.nlmsg_seq} pid=${h.nlmsg_pid} ${m.direction}\n`;
    s += `    ${describeBody(m, registry)}\n`;
    for (const w of m.warnings ?? []) s += `    warning ${w.code}: ${w.message}\n`;
  });
  if (d.messages.length === 0) s += `#${n} (no message)\n`;
  if (d.trailing.length > 0) s += `    trailing ${toHex(d.trailing)}\n`;
  return s;
}

function names(list: readonly string[], unknown: number): string {
  const parts = [...list, ...(unknown === 0 ? [] : [`0x${unknown.toString(16)}`])];
  return parts.length === 0 ? '0' : parts.join('|');
}

const fields = (o: object): string =>
  Object.entries(o)
    .filter(([, v]) => !(v instanceof Uint8Array && v.length === 0))
    .map(([k, v]) => `${k}=${v instanceof Uint8Array ? toHex(v) : String(v)}`)
    .join(' ');

function describeBody(m: AuditMessage, registry: AuditRegistry): string {
  switch (m.kind) {
    case 'status': {
      const { trailing, ...rest } = m.body;
      const mask = decodeStatusMask(m.body.mask);
      const bits = m.body.feature_bitmap === undefined ? '' : ` [${names(decodeFeatureBitmap(m.body.feature_bitmap).names, decodeFeatureBitmap(m.body.feature_bitmap).unknownBits)}]`;
      return `audit_status ${fields(rest)} (mask ${names(mask.names, mask.unknownBits)})${bits}${trailing.length > 0 ? ` tail=${toHex(trailing)}` : ''}`;
    }
    case 'features':
      return `audit_features ${fields(m.body)}`;
    case 'rule': {
      const b = m.body;
      const parts = b.fields.slice(0, b.field_count).map((f, i) => {
        const s = b.strings[i];
        return `${f}:0x${b.fieldflags[i]!.toString(16)}:${s === null || s === undefined ? b.values[i] : JSON.stringify(new TextDecoder().decode(s))}`;
      });
      return `audit_rule_data flags=${b.flags} action=${b.action} fields=[${parts.join(' ')}]`;
    }
    case 'sig-info':
      return `audit_sig_info uid=${m.body.uid} pid=${m.body.pid} ctx=${JSON.stringify(sigInfoContext(m.body))}`;
    case 'tty-status':
    case 'replace':
    case 'make-equiv':
    case 'done':
      return `${m.kind} ${fields(m.body)}`.trimEnd();
    case 'empty':
      return m.body.trailing.length === 0 ? '(empty)' : `(empty) extra=${toHex(m.body.trailing)}`;
    case 'raw':
      return `raw ${toHex(m.body.payload)}`;
    case 'text':
      return m.body.text;
    case 'error': {
      const b = m.body;
      const what = b.error === 0 ? 'ACK' : b.error < 0 ? `${b.errno ?? 'errno'} (${b.error})` : `success, value ${b.error}`;
      const req = b.request ?? { name: registry.nameOf(b.msg.nlmsg_type), header: b.msg };
      return `${what} for ${req.name} seq=${req.header.nlmsg_seq}${b.request === null ? ' (header only)' : ''}`;
    }
    default:
      return `${(m as { kind: string }).kind} ${fields((m as { body: object }).body)}`;
  }
}
