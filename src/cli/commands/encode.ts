import { once } from 'node:events';
import { createReadStream, createWriteStream, openSync, type WriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { encodeDatagram, MAINLINE_REGISTRY, type AuditMessage, type AuditRegistry } from '../../audit/index.js';
import { AuditError, AuditErrorCode, isAuditError } from '../../bytes/errors.js';
import { datagramFromJson } from '../../capture/json.js';
import { LINK_HEADER_LENGTH, LinkType } from '../../capture/link.js';
import type { CapturedDatagram } from '../../capture/types.js';
import { pcapHeader, pcapRecord, type PacketWriteOptions } from '../../capture/write-pcap.js';
import { PcapngWriter } from '../../capture/write-pcapng.js';
import { hexLine, rawHeader, rawRecord } from '../../capture/write-text.js';
import { logLineFor, type LogOrigin } from '../format/log.js';
import { Output, readLines } from '../format/out.js';
import type { CliIO, Command } from '../io.js';
import { parseJsonLine, type ContainerJson, type LineOrigin, type ParsedLine } from '../json/index.js';
import { dialectRegistry, dialectTypeNumbers, errnoMessage, isArgsError } from './decode.js';

const USAGE = `usage: audit-netlink encode [options] [FILE|-]

Read JSON Lines as 'decode --format jsonl' writes them (docs/jsonl.md; from any capture or from
an audit.log) and write the datagrams again. Messages are built from their fields: edit
nlmsg_seq or a body field and exactly those bytes change. Reads standard input without FILE.

options:
  --format hex|raw|pcap|pcapng|log
                             hex: one bare hex line per datagram (default)
                             raw: the length-prefixed raw format (docs/captures.md)
                             pcap, pcapng: each datagram with its line's timestamp and
                             link-layer header; a pcap decoded to JSON Lines comes back byte
                             for byte (its file header travels in the first line's 'container')
                             log: audit.log lines (lines from a log come back as they were)
  -o, --output FILE          write to FILE instead of standard output
  --dialect NAME             message registry (default mainline); use decode's
  --link-type N              pcap/pcapng: write every packet in LINKTYPE N (253 NETLINK, 113
                             LINUX_SLL, 276 LINUX_SLL2); default: the input pcap's, else each
                             packet's own (pcapng) or the first packet's (pcap), else 253
  --resolution us|ns         pcap/pcapng timestamps (default: the input pcap's; pcap us, pcapng ns)
  --directions               hex: prefix sendto/recvfrom when the direction is known
  -h, --help                 this text
`;

const FORMATS = ['hex', 'raw', 'pcap', 'pcapng', 'log'] as const;
type EncodeFormat = (typeof FORMATS)[number];

interface Group {
  origin: LineOrigin & { readonly log?: LogOrigin };
  lineNo: number;
  messages: AuditMessage[];
  trailing?: Uint8Array;
  raw?: Uint8Array;
}

interface EncodeRequest {
  readonly path: string;
  readonly output: string | undefined;
  readonly format: EncodeFormat;
  readonly registry: AuditRegistry;
  readonly typeNumbers: ReadonlyMap<string, number> | undefined;
  readonly linkType: number | undefined;
  readonly nanosecond: boolean | undefined;
  readonly directions: boolean;
}

function badValue(message: string, path: string): AuditError {
  return new AuditError(AuditErrorCode.BAD_VALUE, message, { path });
}

function encodeRequest(argv: readonly string[]): EncodeRequest | undefined {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      dialect: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'link-type': { type: 'string' },
      resolution: { type: 'string' },
      directions: { type: 'boolean' },
    },
  });
  if (positionals.length > 1) return undefined;
  const format = values.format ?? 'hex';
  if (!(FORMATS as readonly string[]).includes(format)) throw badValue(`--format must be one of ${FORMATS.join(', ')}, not ${JSON.stringify(format)}`, 'format');
  let linkType: number | undefined;
  if (values['link-type'] !== undefined) {
    linkType = Number(values['link-type']);
    if (!/^\d+$/.test(values['link-type']) || LINK_HEADER_LENGTH[linkType] === undefined) {
      throw badValue(`--link-type must be 253, 113 or 276, not ${JSON.stringify(values['link-type'])}`, 'link-type');
    }
  }
  const res = values.resolution;
  if (res !== undefined && res !== 'us' && res !== 'ns') throw badValue(`--resolution must be us or ns, not ${JSON.stringify(res)}`, 'resolution');
  return {
    path: positionals[0] ?? '-',
    output: values.output,
    format: format as EncodeFormat,
    registry: dialectRegistry(values.dialect) ?? MAINLINE_REGISTRY,
    typeNumbers: dialectTypeNumbers(values.dialect),
    linkType,
    nanosecond: res === undefined ? undefined : res === 'ns',
    directions: values.directions === true,
  };
}

/**
 * Turns datagrams into the bytes of one output format, writing the file header before the first
 * datagram (pcap takes its link type and resolution from the input's `container`, the options, or
 * the first datagram).
 */
class Sink {
  private started = false;
  private container: ContainerJson | undefined;
  private pcapOpts: PacketWriteOptions = {};
  private pcapng: PcapngWriter | undefined;
  private readonly req: EncodeRequest;
  private readonly out: Output;

  constructor(req: EncodeRequest, out: Output) {
    this.req = req;
    this.out = out;
  }

  noteContainer(c: ContainerJson | undefined): void {
    if (!this.started && this.container === undefined && c !== undefined) this.container = c;
  }

  private async start(first: CapturedDatagram | undefined): Promise<void> {
    if (this.started) return;
    this.started = true;
    const c = this.container;
    const { req } = this;
    if (req.format === 'pcap') {
      const fromPcap = c?.format === 'pcap' ? c : undefined;
      this.pcapOpts = {
        linkType: req.linkType ?? fromPcap?.link_type ?? first?.linkType ?? LinkType.NETLINK,
        littleEndian: fromPcap?.byte_order !== 'be',
        nanosecond: req.nanosecond ?? fromPcap?.nanosecond ?? false,
        ...(fromPcap?.snaplen === undefined ? {} : { snapLen: fromPcap.snaplen }),
      };
      await this.out.write(pcapHeader(this.pcapOpts));
    } else if (req.format === 'pcapng') {
      const order = c?.format === 'pcap' || c?.format === 'pcapng' ? c.byte_order : undefined;
      this.pcapng = new PcapngWriter({
        littleEndian: order !== 'be',
        nanosecond: req.nanosecond ?? true,
        ...(req.linkType === undefined ? {} : { linkType: req.linkType }),
      });
      await this.out.write(this.pcapng.header());
    } else if (req.format === 'raw') {
      await this.out.write(rawHeader(first?.littleEndian ?? true));
    }
  }

  async datagram(d: CapturedDatagram, origin: LineOrigin & { readonly log?: LogOrigin }): Promise<void> {
    await this.start(d);
    switch (this.req.format) {
      case 'hex':
        return this.out.write(hexLine(d, { bare: !this.req.directions }));
      case 'raw':
        return this.out.write(rawRecord(d));
      case 'pcap':
        return this.out.write(pcapRecord(d, this.pcapOpts));
      case 'pcapng':
        return this.out.write(this.pcapng!.packet(d));
      case 'log':
        return this.out.write(logLineFor(d, this.req.registry, origin.log, this.req.typeNumbers) ?? '');
    }
  }

  /** An input without datagrams still gives a valid (empty) pcap, pcapng or raw file. */
  async end(): Promise<void> {
    await this.start(undefined);
    await this.out.flush();
  }
}

/**
 * `log.newline: false` (a log's last line had no newline; docs/jsonl.md) on the parsed line, so
 * that `--format log` writes that line back without one. `parseJsonLine` keeps only the `log` keys
 * it knows, so the flag is read here; only lines that contain it are looked at twice.
 */
export const encodeCommand: Command = {
  name: 'encode',
  usage: USAGE,
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    let req: EncodeRequest | undefined;
    try {
      req = encodeRequest(argv);
    } catch (e) {
      if (isArgsError(e)) {
        io.stderr.write(`audit-netlink encode: ${(e as Error).message}\n${USAGE}`);
        return 2;
      }
      if (!isAuditError(e)) throw e;
      io.stderr.write(`audit-netlink encode: ${e.code}: ${e.message}\n`);
      return 2;
    }
    if (req === undefined) {
      io.stderr.write(USAGE);
      return 2;
    }
    const { registry } = req;
    let file: WriteStream | undefined;
    if (req.output !== undefined) {
      try {
        file = createWriteStream('', { fd: openSync(req.output, 'w') });
      } catch (e) {
        const m = errnoMessage(e);
        if (m === undefined) throw e;
        io.stderr.write(`audit-netlink encode: cannot write ${req.output}: ${m}\n`);
        return 1;
      }
    }
    const out = new Output(file ?? io.stdout);
    const sink = new Sink(req, out);
    let group: Group | undefined;
    const flush = async (): Promise<void> => {
      if (group === undefined) return;
      const g = group;
      group = undefined;
      const bytes =
        g.raw ??
        encodeDatagram(
          { messages: g.messages, littleEndian: g.origin.littleEndian, ...(g.trailing === undefined ? {} : { trailing: g.trailing }) },
          { registry },
        );
      const d = datagramFromJson(bytes, g.origin.meta, g.origin.datagram, `line[${g.lineNo}]`);
      await sink.datagram({ ...d, littleEndian: g.origin.littleEndian }, g.origin);
    };
    let code = 0;
    try {
      const source = req.path === '-' ? io.stdin : createReadStream(req.path, { highWaterMark: 64 * 1024 });
      for await (const { text, lineNo } of readLines(source as AsyncIterable<Uint8Array | string>)) {
        if (text.trim() === '') continue;
        const parsed: ParsedLine = parseJsonLine(text, lineNo, registry);
        sink.noteContainer(parsed.container);
        if (group !== undefined && (group.origin.datagram !== parsed.datagram || group.raw !== undefined || parsed.type === 'raw')) await flush();
        if (parsed.type === 'raw') {
          group = { origin: parsed, lineNo, messages: [], raw: parsed.bytes };
          continue;
        }
        group ??= { origin: parsed, lineNo, messages: [] };
        group.messages.push(parsed.message);
        if (parsed.trailing !== undefined) group.trailing = parsed.trailing;
      }
      await flush();
      await sink.end();
    } catch (e) {
      const m = errnoMessage(e);
      if (m !== undefined) io.stderr.write(`audit-netlink encode: ${m}\n`);
      else if (isAuditError(e)) io.stderr.write(`audit-netlink encode: ${e.code}: ${e.message}\n`);
      else throw e;
      await out.flush();
      code = 1;
    } finally {
      if (file !== undefined) {
        file.end();
        await once(file, 'close');
      }
    }
    return code;
  },
};
