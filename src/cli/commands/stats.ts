import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { concatBytes } from '../../bytes/concat.js';
import { isAuditError } from '../../bytes/errors.js';
import { detectPrefix } from '../../capture/detect.js';
import { LogViewReader } from '../../capture/log-views.js';
import type { LogLineError } from '../../capture/log-views.js';
import { recordOfItem, recordViewOfDatagram } from '../../capture/records.js';
import type { DatagramView } from '../../capture/view.js';
import { peekU16, peekU32 } from '../../bytes/reader.js';
import { CaptureStreamReader } from '../../capture/stream.js';
import type { CaptureFormat, CaptureItem } from '../../capture/types.js';
import { EventAssembler } from '../../events/assembler.js';
import type { EventKey, EventOutput } from '../../events/types.js';
import { RecordView } from '../../records/view.js';
import { inputSize } from '../../node/capture.js';
import { progressReporter } from '../../node/progress.js';
import { decodeUtf8 } from '../../node/text.js';
import type { Progress } from '../../node/progress.js';
import { INPUT_OPTIONS, inputChoice } from '../input-options.js';
import type { CliIO, Command } from '../io.js';

const USAGE = `usage: audit-netlink stats [options] FILE|-

Count what a capture holds: messages per type, records, events, fields, bytes, serial gaps, the
kernel's lost counter (from status replies), and errors and notices by code.

options:
  --input-format F   pcap, pcapng, strace, hex, raw or log (default: detected from the content)
  --byte-order le|be     byte order of the netlink messages (default: the capture's, else le)
  --format F         text (default) or json
`;

/** What `stats` counts (the `--format json` object). */
export interface CaptureStats {
  format: string | undefined;
  bytes: number;
  datagrams: number;
  messages: number;
  types: Record<string, number>;
  records: number;
  fields: number;
  events: number;
  serialGaps: number;
  missingSerials: number;
  /** `lost` of the last AUDIT_GET reply seen, if any: what the kernel itself dropped. */
  kernelLost: number | undefined;
  errors: Record<string, number>;
  notices: Record<string, number>;
}

function bump(m: Record<string, number>, k: string): void {
  m[k] = (m[k] ?? 0) + 1;
}

/** True for the text codec itself (a selector function or another codec sends the datagram the general way). */
function isTextCodec(codec: unknown): boolean {
  return typeof codec === 'object' && codec !== null && (codec as { kind?: unknown }).kind === 'text';
}

/** Files are read in 4 MiB chunks: an audit.log chunk is decoded and split as one string. */
const CHUNK_BYTES = 4 * 1024 * 1024;

type DatagramCodecs = Pick<typeof import('../../audit/datagram.js'), 'decodeDatagram' | 'DEFAULT_MAX_DATAGRAM_BYTES'> &
  Pick<typeof import('../../audit/registry.js'), 'MAINLINE_REGISTRY'>;

/**
 * The counting, fed either capture items (every format) or, for audit.log, the record views of
 * `LogViewReader`: the same totals either way (`test/cli/stats.test.ts` compares them), but the
 * log path makes no line, record or field object it does not count.
 */
class StatsCounter {
  readonly s: CaptureStats;
  private readonly assembler = new EventAssembler<EventKey>();
  private readonly littleEndian: boolean | undefined;
  private codecs: DatagramCodecs | undefined;

  constructor(format: CaptureFormat | undefined, littleEndian: boolean | undefined) {
    this.littleEndian = littleEndian;
    this.s = {
      format,
      bytes: 0,
      datagrams: 0,
      messages: 0,
      types: {},
      records: 0,
      fields: 0,
      events: 0,
      serialGaps: 0,
      missingSerials: 0,
      kernelLost: undefined,
      errors: {},
      notices: {},
    };
  }

  /** The netlink codecs are loaded only when the input is not an audit.log (a log needs none of them). */
  async needDatagrams(): Promise<void> {
    if (this.codecs !== undefined) return;
    const [datagram, registry] = await Promise.all([import('../../audit/datagram.js'), import('../../audit/registry.js')]);
    this.codecs = { decodeDatagram: datagram.decodeDatagram, DEFAULT_MAX_DATAGRAM_BYTES: datagram.DEFAULT_MAX_DATAGRAM_BYTES, MAINLINE_REGISTRY: registry.MAINLINE_REGISTRY };
  }

  /**
   * A borrowed pcap/pcapng datagram. The usual one, a single text record framed the multicast way
   * (`nlmsg_len` = its length) or the unicast way (`nlmsg_len` = its length − 16), is counted from
   * its header and its record view; any other goes through `decodeDatagram` like every format's.
   */
  datagramView(d: DatagramView): void {
    const { buffer, start, end, littleEndian } = d;
    const length = end - start;
    const { MAINLINE_REGISTRY: registry, DEFAULT_MAX_DATAGRAM_BYTES: maxBytes } = this.codecs!;
    if (length >= 16 && length <= maxBytes) {
      const len = peekU32(buffer, start, littleEndian);
      const type = peekU16(buffer, start + 4, littleEndian);
      if ((len === length || len === length - 16) && registry.isRecordType(type) && isTextCodec(registry.entry(type)?.codec)) {
        const s = this.s;
        s.datagrams++;
        s.messages++;
        this.type(registry.nameOf(type));
        try {
          const v = recordViewOfDatagram(buffer, start, end, littleEndian, { offset: d.offset });
          if (v !== undefined) this.record(v);
        } catch (e) {
          if (!isAuditError(e)) throw e;
          bump(s.errors, e.code);
        }
        return;
      }
    }
    this.item({ kind: 'datagram', datagram: d.toDatagram() });
  }

  /** An audit.log record. */
  view(v: RecordView): void {
    this.s.messages++;
    this.type(v.typeName);
    this.record(v);
  }

  private record(v: RecordView): void {
    this.s.records++;
    this.s.fields += v.fieldCount;
    this.count(this.assembler.push(v));
  }

  lineError(e: LogLineError): void {
    if (e.line !== undefined) {
      this.s.messages++;
      this.type(e.line.typeName);
    }
    bump(this.s.errors, e.error.code);
  }

  item(item: CaptureItem): void {
    const s = this.s;
    if (item.kind === 'error') return bump(s.errors, item.error.code);
    if (item.kind === 'notice') return bump(s.notices, item.notice.code);
    if (item.kind === 'datagram') {
      s.datagrams++;
      try {
        const d = this.codecs!.decodeDatagram(item.datagram.bytes, { littleEndian: item.datagram.littleEndian ?? this.littleEndian ?? true, base: item.datagram.offset });
        for (const m of d.messages) {
          s.messages++;
          this.type(m.name);
          if (m.kind === 'status' && m.direction === 'from-kernel') s.kernelLost = m.body.lost;
        }
      } catch (e) {
        if (!isAuditError(e)) throw e;
        bump(s.errors, e.code);
      }
    } else {
      s.messages++;
      this.type(item.line.typeName);
    }
    try {
      const r = recordOfItem(item);
      if (r !== undefined) {
        s.records++;
        s.fields += r.fields.length;
        this.count(this.assembler.push(r));
      }
    } catch (e) {
      if (!isAuditError(e)) throw e;
      bump(s.errors, e.code);
    }
  }

  end(): CaptureStats {
    this.count(this.assembler.flush());
    // defineProperty: a type name read from a damaged log line may be `__proto__`.
    for (const [name, n] of this.types) Object.defineProperty(this.s.types, name, { value: n, enumerable: true, writable: true, configurable: true });
    return this.s;
  }

  /** Messages per type are counted in a Map (names are data, and a Map is quicker to bump than an object). */
  private readonly types = new Map<string, number>();

  private type(name: string): void {
    this.types.set(name, (this.types.get(name) ?? 0) + 1);
  }

  private count(outs: readonly EventOutput<EventKey>[]): void {
    for (let i = 0; i < outs.length; i++) {
      const o = outs[i]!;
      if (o.kind === 'event') this.s.events++;
      else {
        this.s.serialGaps++;
        this.s.missingSerials += o.gap.missing;
      }
    }
  }
}

interface Sink {
  append(b: Uint8Array): void;
  end(): void;
}

/** A pull reader as a sink: after each chunk and at the end, everything it can give is counted. */
function sinkOf(reader: Sink, drain: () => void): Sink {
  return {
    append(b) {
      reader.append(b);
      drain();
    },
    end() {
      reader.end();
      drain();
    },
  };
}

/** An audit.log through `LogViewReader`. */
function logSink(c: StatsCounter): Sink {
  const r = new LogViewReader({ decodeText: decodeUtf8 });
  return sinkOf(r, () => {
    for (let v = r.next(); v !== undefined; v = r.next()) {
      if (v instanceof RecordView) c.view(v);
      else c.lineError(v);
    }
  });
}

/** Any other format through `CaptureStreamReader`: pcap and pcapng datagrams as borrowed views. */
function itemSink(c: StatsCounter, format: CaptureFormat, littleEndian: boolean | undefined): Sink {
  const r = new CaptureStreamReader(littleEndian === undefined ? { format } : { format, littleEndian });
  return sinkOf(r, () => {
    for (let x = r.nextView(); x !== undefined; x = r.nextView()) {
      if (x.kind === 'view') c.datagramView(x);
      else c.item(x);
    }
  });
}

/** Count what `source` holds, detecting its format from the first bytes unless given. */
async function countInput(source: AsyncIterable<Uint8Array | string>, given: CaptureFormat | undefined, littleEndian: boolean | undefined, progress: Progress): Promise<CaptureStats> {
  const c = new StatsCounter(given, littleEndian);
  let sink: Sink | undefined;
  let head: Uint8Array[] = [];
  const start = async (format: CaptureFormat): Promise<void> => {
    c.s.format = format;
    if (format === 'log') sink = logSink(c);
    else {
      await c.needDatagrams();
      sink = itemSink(c, format, littleEndian);
    }
    for (const b of head) sink.append(b);
    head = [];
  };
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    c.s.bytes += bytes.length;
    if (sink === undefined) {
      head.push(bytes);
      const format = given ?? detectPrefix(head.length === 1 ? head[0]! : concatBytes(head), false);
      if (format !== undefined) await start(format);
    } else sink.append(bytes);
    progress.update(c.s.bytes, c.s.messages);
  }
  if (sink === undefined) await start(given ?? detectPrefix(head.length === 1 ? head[0]! : concatBytes(head), true) ?? 'raw');
  sink!.end();
  return c.end();
}

export const statsCommand: Command = {
  name: 'stats',
  usage: USAGE,
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        ...INPUT_OPTIONS,
        format: { type: 'string' },
      },
    });
    const outFormat = values.format ?? 'text';
    if (positionals.length !== 1 || (outFormat !== 'text' && outFormat !== 'json')) {
      io.stderr.write(USAGE);
      return 2;
    }
    const { format, littleEndian } = inputChoice(values);
    const path = positionals[0]!;
    const progress = progressReporter(io.stderr, await inputSize(path));
    const source = path === '-' ? io.stdin : createReadStream(path, { highWaterMark: CHUNK_BYTES });
    const s = await countInput(source as AsyncIterable<Uint8Array | string>, format, littleEndian, progress);
    progress.done();
    io.stdout.write(outFormat === 'json' ? `${JSON.stringify(s)}\n` : statsText(s));
    return 0;
  },
};

/**
 * The human-readable form: totals, then types by count.
 *
 * @example io.stdout.write(statsText(stats))
 */
export function statsText(s: CaptureStats): string {
  const lines = [
    `bytes          ${s.bytes}`,
    `datagrams      ${s.datagrams}`,
    `messages       ${s.messages}`,
    `records        ${s.records}`,
    `fields         ${s.fields}`,
    `events         ${s.events}`,
    `serial gaps    ${s.serialGaps} (${s.missingSerials} serials missing)`,
    `kernel lost    ${s.kernelLost ?? 'n/a (no status reply in the input)'}`,
  ];
  const table = (title: string, m: Record<string, number>): void => {
    const keys = Object.keys(m).sort((a, b) => m[b]! - m[a]! || a.localeCompare(b));
    if (keys.length === 0) return;
    lines.push('', title);
    for (const k of keys) lines.push(`  ${String(m[k]).padStart(8)}  ${k}`);
  };
  table('types', s.types);
  table('errors', s.errors);
  table('notices', s.notices);
  return `${lines.join('\n')}\n`;
}
