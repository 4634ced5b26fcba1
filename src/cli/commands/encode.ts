import { parseArgs } from 'node:util';
import { encodeDatagram, type AuditMessage } from '../../audit/index.js';
import { AuditError, AuditErrorCode } from '../../bytes/errors.js';
import { toHex } from '../../bytes/hex.js';
import type { CliIO, Command } from '../io.js';
import { parseJsonLine, type ParsedLine } from '../json/index.js';
import { dialectRegistry, readInput } from './decode.js';

const USAGE = `usage: audit-netlink encode --format hex [options] FILE|-

Read JSON Lines as 'decode --format jsonl' writes them (docs/jsonl.md) and write one bare hex
line per datagram. Messages are built from their fields: edit nlmsg_seq or a body field and
exactly those bytes change.

options:
  --format hex               output format (the only one so far)
  --dialect NAME             message registry (default mainline)
  -h, --help                 this text
`;

interface Group {
  datagram: number;
  littleEndian: boolean;
  messages: AuditMessage[];
  trailing?: Uint8Array;
  raw?: Uint8Array;
}

export const encodeCommand: Command = {
  name: 'encode',
  summary: 'encode JSON Lines from decode back into datagrams (hex)',
  usage: USAGE,
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { format: { type: 'string' }, dialect: { type: 'string' } },
    });
    if (values.format !== undefined && values.format !== 'hex') {
      throw new AuditError(AuditErrorCode.BAD_VALUE, `--format must be hex, not ${JSON.stringify(values.format)}`, { path: 'format' });
    }
    const file = positionals[0] ?? '-';
    if (positionals.length > 1) {
      io.stderr.write(USAGE);
      return 2;
    }
    const registry = dialectRegistry(values.dialect);
    const text = new TextDecoder().decode(await readInput(file, io));
    let group: Group | undefined;
    const flush = (): void => {
      if (group === undefined) return;
      const bytes =
        group.raw ??
        encodeDatagram(
          { messages: group.messages, littleEndian: group.littleEndian, ...(group.trailing === undefined ? {} : { trailing: group.trailing }) },
          registry === undefined ? {} : { registry },
        );
      io.stdout.write(`${toHex(bytes)}\n`);
      group = undefined;
    };
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      const parsed: ParsedLine = parseJsonLine(line, i + 1, registry);
      if (group !== undefined && (group.datagram !== parsed.datagram || group.raw !== undefined || parsed.type === 'raw')) flush();
      if (parsed.type === 'raw') {
        group = { datagram: parsed.datagram, littleEndian: parsed.littleEndian, messages: [], raw: parsed.bytes };
        return;
      }
      group ??= { datagram: parsed.datagram, littleEndian: parsed.littleEndian, messages: [] };
      group.messages.push(parsed.message);
      if (parsed.trailing !== undefined) group.trailing = parsed.trailing;
    });
    flush();
    return 0;
  },
};
