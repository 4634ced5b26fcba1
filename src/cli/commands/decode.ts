import { parseArgs } from 'node:util';
import { decodeDatagram, MAINLINE_REGISTRY, type AuditRegistry, type DecodedDatagram } from '../../audit/index.js';
import { getDialect } from '../../audit/dialects/catalog.js';
import { AuditError, AuditErrorCode, isAuditError } from '../../bytes/errors.js';
import { toHex } from '../../bytes/hex.js';
import { datagramMatches } from '../../capture/filter.js';
import { datagramOfItem } from '../../capture/read.js';
import { recordOfItem } from '../../capture/records.js';
import type { CapturedDatagram, CaptureFormat, CaptureReadOptions, LogLine } from '../../capture/types.js';
import { hexLine } from '../../capture/write-text.js';
import { matchRecord, parseFilter, type Filter } from '../../events/filter.js';
import type { Framing } from '../../netlink/framing.js';
import type { Validation } from '../../netlink/issues.js';
import { inputSize } from '../../node/capture.js';
import { openInput } from '../../node/input.js';
import { INPUT_OPTIONS, inputChoice } from '../input-options.js';
import { progressReporter } from '../../node/progress.js';
import type { AuditRecord } from '../../records/types.js';
import { containerJson } from '../format/container.js';
import { logLineFor, type LogOrigin } from '../format/log.js';
import { Output } from '../format/out.js';
import { formatDatagram } from '../format/text.js';
import type { CliIO, Command } from '../io.js';
import { datagramToJson, errorToJson, sourceOf, type ContainerJson } from '../json/index.js';

const USAGE = `usage: audit-netlink decode [options] FILE|-

Decode every datagram of a capture (pcap, pcapng, strace, hex transcript, raw, audit.log;
recognised from its content) and print each message. FILE - reads standard input. The input is
streamed: memory stays flat however large it is.

options:
  --format text|jsonl|log|hex
                             text: readable, records with interpreted fields (default)
                             jsonl: JSON Lines (docs/jsonl.md), what 'encode' reads
                             log: audit.log lines as auditd writes them
                             hex: one hex transcript line per datagram (sendto/recvfrom when known)
  --input-format FORMAT      skip detection: pcap, pcapng, strace, hex, raw, log
  --filter EXPR              keep the datagrams and records EXPR matches (repeatable; all must
                             hold; docs/filters.md), e.g. 'key=container-create'
  --dialect NAME             message registry (default mainline; docs/dialects.md)
  --framing auto|strict|unicast
                             how message boundaries are found (default auto, docs/framing.md)
  --byte-order le|be         byte order of the netlink messages (default: the capture's, else le)
  --validation strict|lenient
                             refuse or warn about what no kernel sends (default strict)
  --notices                  print on standard error what the reader skipped on purpose
                             (MSG_PEEK reads, other netlink families, unknown pcapng blocks)
  -h, --help                 this text

Errors: a datagram that does not decode is printed as an error (jsonl: a line with the error's
code, offset and message and the raw hex) and decoding goes on; the exit code is then 1.
Progress goes to standard error when it is a terminal. Bad options exit with 2 before any input
is read.
`;

const OUTPUT_FORMATS = ['text', 'jsonl', 'log', 'hex'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new AuditError(AuditErrorCode.BAD_VALUE, `--${option} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`, { path: option });
}

/** The registry of `--dialect NAME` (checked: an unknown name is `AUDIT_ERR_BAD_VALUE`). */
export function dialectRegistry(name: string | undefined): AuditRegistry | undefined {
  return name === undefined ? undefined : getDialect(name).registry;
}

/** The audit.log type names of `--dialect NAME` (`CONTAINER_ID` → 1336 in ghak90-v11); mainline's without it. */
export function dialectTypeNumbers(name: string | undefined): ReadonlyMap<string, number> | undefined {
  return name === undefined ? undefined : getDialect(name).typeNumbers;
}

/** Everything `decode` was asked, checked before the first byte of input is read. */
export interface DecodeRequest {
  readonly path: string;
  readonly format: OutputFormat;
  readonly framing: Framing;
  readonly validation: Validation;
  readonly littleEndian: boolean | undefined;
  readonly inputFormat: CaptureFormat | undefined;
  readonly registry: AuditRegistry | undefined;
  /** audit.log type names of the dialect, for log input. */
  readonly typeNumbers: ReadonlyMap<string, number> | undefined;
  readonly filter: Filter;
  readonly notices: boolean;
}

/**
 * Parse and check `decode`'s arguments. Throws `AuditError` (bad value, bad filter, unknown
 * dialect or input format) or Node's `parseArgs` errors; reads nothing.
 *
 * @example decodeRequest(['--format', 'jsonl', '--filter', 'key=x', 'a.pcap']).filter.terms.length // → 1
 */
export function decodeRequest(argv: readonly string[]): DecodeRequest | undefined {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      ...INPUT_OPTIONS,
      format: { type: 'string' },
      framing: { type: 'string' },
      validation: { type: 'string' },
      dialect: { type: 'string' },
      filter: { type: 'string', multiple: true },
      notices: { type: 'boolean' },
    },
  });
  if (positionals.length !== 1) return undefined;
  const input = inputChoice(values);
  return {
    path: positionals[0]!,
    format: oneOf(values.format, OUTPUT_FORMATS, 'format', 'text'),
    framing: oneOf<Framing>(values.framing, ['auto', 'strict', 'unicast'], 'framing', 'auto'),
    validation: oneOf<Validation>(values.validation, ['strict', 'lenient'], 'validation', 'strict'),
    littleEndian: input.littleEndian,
    inputFormat: input.format,
    registry: dialectRegistry(values.dialect),
    typeNumbers: dialectTypeNumbers(values.dialect),
    filter: parseFilter(values.filter ?? []),
    notices: values.notices === true,
  };
}

/** The JSON `log` key of a line (and `newline: false` for a last line without one, so it is written back so). */
function logJsonOf(line: LogLine): LogOrigin {
  return {
    type_name: line.typeName,
    ...(line.node === undefined ? {} : { node: line.node }),
    ...(line.enrichment === undefined ? {} : { enrichment: line.enrichment }),
    ...(line.newline ? {} : { newline: false }),
  };
}

/** An error of `node:util` `parseArgs` (unknown option, missing value): a usage error. */
export function isArgsError(e: unknown): boolean {
  return e instanceof Error && String((e as NodeJS.ErrnoException).code ?? '').startsWith('ERR_PARSE_ARGS');
}

/** The message of a file-system error (ENOENT, EACCES, EISDIR ...), else `undefined`. */
export function errnoMessage(e: unknown): string | undefined {
  if (e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && (e as NodeJS.ErrnoException).syscall !== undefined) return e.message;
  return undefined;
}

export const decodeCommand: Command = {
  name: 'decode',
  usage: USAGE,
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    // Everything about the request is checked before the first byte is read.
    let req: DecodeRequest | undefined;
    try {
      req = decodeRequest(argv);
    } catch (e) {
      if (isArgsError(e)) {
        io.stderr.write(`audit-netlink decode: ${(e as Error).message}\n${USAGE}`);
        return 2;
      }
      if (!isAuditError(e)) throw e;
      io.stderr.write(`audit-netlink decode: ${e.code}: ${e.message}\n`);
      return 2;
    }
    if (req === undefined) {
      io.stderr.write(USAGE);
      return 2;
    }
    const { path, format, filter } = req;
    const registry = req.registry ?? MAINLINE_REGISTRY;
    let size: number | undefined;
    try {
      size = await inputSize(path);
    } catch (e) {
      const m = errnoMessage(e);
      if (m === undefined) throw e;
      io.stderr.write(`audit-netlink decode: cannot read ${path}: ${m}\n`);
      return 1;
    }
    const progress = progressReporter(io.stderr, size);
    const out = new Output(io.stdout);
    let bytesRead = 0;
    let messages = 0;
    let failures = 0;
    let container: ContainerJson | undefined;
    let firstLine = true;

    const readOpts: CaptureReadOptions = {
      ...(req.inputFormat === undefined ? {} : { format: req.inputFormat }),
      ...(req.littleEndian === undefined ? {} : { littleEndian: req.littleEndian }),
      ...(req.typeNumbers === undefined ? {} : { typeNumbers: req.typeNumbers }),
    };
    const items = openInput(path, io.stdin, {
      ...readOpts,
      onProgress: (n) => {
        bytesRead = n;
        progress.update(bytesRead, messages);
      },
    });

    const fail = (what: string, e: AuditError): void => {
      failures++;
      io.stderr.write(`audit-netlink decode: ${what}${e.code}: ${e.message}\n`);
    };

    const emit = async (d: CapturedDatagram, record: AuditRecord | undefined, log: LogOrigin | undefined): Promise<void> => {
      const n = d.index;
      if (format === 'hex') {
        messages++;
        await out.write(hexLine(d));
        return;
      }
      if (format === 'log') {
        messages++;
        await out.write(logLineFor(d, registry, log, req.typeNumbers) ?? '');
        return;
      }
      const littleEndian = req.littleEndian ?? d.littleEndian ?? true;
      if (firstLine) container ??= containerJson(items.format ?? 'raw', items.container);
      const src = sourceOf(d, n, littleEndian, { ...(log === undefined ? {} : { log }), ...(firstLine && container !== undefined ? { container } : {}) });
      let decoded: DecodedDatagram;
      try {
        decoded = decodeDatagram(d.bytes, {
          littleEndian,
          framing: req.framing,
          validation: req.validation,
          base: d.offset,
          registry,
          ...(d.payloadKind === undefined ? {} : { payloadKind: d.payloadKind }),
          ...(d.direction === undefined ? {} : { direction: d.direction }),
        });
      } catch (e) {
        if (!isAuditError(e)) throw e;
        fail(`datagram ${n}: `, e);
        firstLine = false;
        if (format === 'jsonl') await out.write(`${JSON.stringify(errorToJson(e, d.bytes, src))}\n`);
        else await out.write(`#${n} ERROR ${e.code}: ${e.message}\n    raw ${toHex(d.bytes)}\n`);
        return;
      }
      messages += decoded.messages.length;
      firstLine = false;
      if (format === 'jsonl') {
        let text = '';
        for (const line of datagramToJson(decoded, src, { registry, ...(record === undefined ? {} : { record }) })) text += `${JSON.stringify(line)}\n`;
        await out.write(text);
      } else {
        await out.write(formatDatagram(decoded, n, registry, record));
      }
    };

    try {
      for await (const item of items) {
        switch (item.kind) {
          case 'error':
            fail('', item.error);
            break;
          case 'notice':
            if (req.notices) io.stderr.write(`audit-netlink decode: notice ${item.notice.code} at offset ${item.notice.offset}: ${item.notice.message}\n`);
            break;
          case 'datagram':
            if (datagramMatches(filter, item.datagram)) await emit(item.datagram, undefined, undefined);
            break;
          case 'line': {
            let record: AuditRecord | undefined;
            try {
              record = recordOfItem(item, readOpts);
            } catch (e) {
              if (!isAuditError(e)) throw e;
              // The datagram still decodes; its record_error says why the text did not parse.
            }
            // A record that does not parse is kept, so that its error is still shown.
            if (filter.terms.length > 0 && record !== undefined && !matchRecord(filter, record)) break;
            let d: CapturedDatagram | undefined;
            try {
              d = datagramOfItem(item, readOpts);
            } catch (e) {
              if (!isAuditError(e)) throw e;
              fail(`line ${item.line.index}: `, e);
              break;
            }
            if (d !== undefined) await emit(d, record, logJsonOf(item.line));
            break;
          }
        }
      }
    } catch (e) {
      const m = errnoMessage(e);
      if (m === undefined) throw e;
      await out.flush();
      progress.done();
      io.stderr.write(`audit-netlink decode: cannot read ${path}: ${m}\n`);
      return 1;
    }
    await out.flush();
    progress.done();
    return failures === 0 ? 0 : 1;
  },
};
