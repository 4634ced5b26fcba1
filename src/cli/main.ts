#!/usr/bin/env -S node --max-semi-space-size=4
// A 4 MiB semi-space keeps a long decode's young garbage small: a 1 GB capture decodes to JSON Lines
// in about 116 MB peak RSS instead of about 160 MB, and no slower (docs/performance.md).
import { COMMANDS } from './commands/index.js';
import type { CliIO } from './io.js';
import { isAuditError } from '../bytes/errors.js';

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 4);
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `usage: audit-netlink <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun 'audit-netlink <command> --help' for a command's options.\n`;
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    io.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (entry === undefined) {
    io.stderr.write(`audit-netlink: unknown command '${name}'\n${usage()}`);
    return 2;
  }
  const cmd = await entry.load();
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout.write(cmd.usage);
    return 0;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (isAuditError(e)) {
      io.stderr.write(`audit-netlink ${name}: ${e.code}: ${e.message}\n`);
      return 1;
    }
    if (e instanceof Error && 'code' in e && (e as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      io.stderr.write(`audit-netlink ${name}: ${e.message}\n${cmd.usage}`);
      return 2;
    }
    throw e;
  }
}

// Run only when executed as the bin, not when imported by tests.
const invokedAs = process.argv[1] ?? '';
if (invokedAs.endsWith('/cli/main.js') || invokedAs.endsWith('/audit-netlink')) {
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`audit-netlink: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
