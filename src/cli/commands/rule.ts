import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fromHex, toHex } from '../../bytes/hex.js';
import { compileRule, compileRulesFile, explainRule, ruleMessage, rulesInDatagram, ruleToBytes, type RuleCompileOptions } from '../../rules/index.js';
import type { CliIO, Command } from '../io.js';

const USAGE = `usage: audit-netlink rule compile [options] -- AUDITCTL-ARGS...
       audit-netlink rule compile [options] --file audit.rules
       audit-netlink rule explain [options] HEX|-

compile: print the struct audit_rule_data auditctl would build for a rule, as hex.
explain: print the rule, as auditctl -l does, for an audit_rule_data or a whole AUDIT_ADD_RULE,
         AUDIT_DEL_RULE or AUDIT_LIST_RULES message given as hex (- reads stdin); for a datagram
         of several messages (LIST_RULES replies), one line per rule.

options:
  --nlmsg          print the whole netlink message auditctl sends (nlmsg_len counts the padding,
                   flags REQUEST|ACK)
  --seq N          nlmsg_seq of the (first) message (default 1)
  --file F         compile a rules file: one output line "LINE<TAB>HEX" per message; rules become
                   AUDIT_ADD_RULE/DEL_RULE, -b -f -e -r --backlog_wait_time --reset-lost AUDIT_SET
  --arch M         machine that -S without -F arch and b32/b64 refer to (default x86_64)
  --stat-watch     -w PATH gives AUDIT_DIR when PATH is a directory here (default: always a file)
  --passwd F       resolve user names from F (default /etc/passwd)
  --group F        resolve group names from F (default /etc/group)
  --big-endian     bytes are big-endian (default little-endian)
`;

function idFile(path: string): Map<string, number> {
  const m = new Map<string, number>();
  if (!existsSync(path)) return m;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const p = line.split(':');
    if (p.length >= 3 && p[0] !== '' && /^\d+$/.test(p[2]!)) m.set(p[0]!, Number(p[2]));
  }
  return m;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

async function readStdin(io: CliIO): Promise<string> {
  let s = '';
  for await (const chunk of io.stdin) s += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
  return s;
}

export const ruleCommand: Command = {
  name: 'rule',
  usage: USAGE,
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    const dash = argv.indexOf('--');
    const own = dash < 0 ? argv : argv.slice(0, dash);
    const ruleArgs = dash < 0 ? [] : argv.slice(dash + 1);
    const { values, positionals } = parseArgs({
      args: [...own],
      allowPositionals: true,
      options: {
        nlmsg: { type: 'boolean' },
        seq: { type: 'string' },
        file: { type: 'string' },
        arch: { type: 'string' },
        'stat-watch': { type: 'boolean' },
        passwd: { type: 'string' },
        group: { type: 'string' },
        'big-endian': { type: 'boolean' },
      },
    });
    const [sub, ...rest] = positionals;
    const littleEndian = values['big-endian'] !== true;
    const seq = values.seq === undefined ? 1 : Number(values.seq);
    if (!Number.isInteger(seq) || seq < 0 || seq > 0xffffffff) {
      io.stderr.write(`audit-netlink rule: --seq must be a number from 0 to 4294967295\n`);
      return 2;
    }
    const users = idFile(values.passwd ?? '/etc/passwd');
    const groups = idFile(values.group ?? '/etc/group');
    const options: RuleCompileOptions = {
      ...(values.arch === undefined ? {} : { arch: values.arch }),
      resolveUser: (n) => users.get(n),
      resolveGroup: (n) => groups.get(n),
      ...(values['stat-watch'] === true ? { isDirectory } : {}),
    };
    if (sub === 'compile' && values.file !== undefined) {
      return compileFile(values.file, { ...options, seq, littleEndian }, values.nlmsg === true, io);
    }
    if (sub === 'compile' && ruleArgs.length > 0 && rest.length === 0) {
      const compiled = compileRule(ruleArgs, options);
      const bytes = values.nlmsg === true ? ruleMessage(compiled, { seq, littleEndian }) : ruleToBytes(compiled.rule, littleEndian);
      io.stdout.write(`${toHex(bytes)}\n`);
      return 0;
    }
    if (sub === 'explain' && rest.length === 1 && ruleArgs.length === 0) {
      const text = rest[0] === '-' ? await readStdin(io) : rest[0]!;
      const explainOptions = values.arch === undefined ? {} : { arch: values.arch };
      for (const rule of rulesInDatagram(fromHex(text.trim()), littleEndian)) io.stdout.write(`${explainRule(rule, explainOptions)}\n`);
      return 0;
    }
    io.stderr.write(USAGE);
    return 2;
  },
};

function compileFile(path: string, options: Parameters<typeof compileRulesFile>[1], nlmsg: boolean, io: CliIO): number {
  let failed = false;
  for (const e of compileRulesFile(readFileSync(path, 'utf8'), options)) {
    if (e.kind === 'rule') io.stdout.write(`${e.line}\t${toHex(nlmsg ? e.message : ruleToBytes(e.rule, options?.littleEndian ?? true))}\n`);
    else if (e.kind === 'set') io.stdout.write(`${e.line}\t${toHex(e.message)}\n`);
    else if (e.kind === 'offline') io.stderr.write(`${path}:${e.line}: ${e.reason}\n`);
    else {
      failed = true;
      io.stderr.write(`${path}:${e.line}: ${e.error.code}: ${e.error.message}\n`);
    }
  }
  return failed ? 1 : 0;
}
