import type { Command } from '../io.js';

/** A command as `--help` lists it; its module is loaded only when it runs. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}

/**
 * Every CLI command, in the order `audit-netlink --help` lists them. Add a command with one line
 * here. Loading each module on demand keeps start-up to what the command uses: `stats` on a log
 * never loads the netlink codecs, `decode` never loads fast-check (`gen`).
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'decode', summary: 'decode a capture or audit.log and print its messages (text, JSON Lines, log, hex)', load: async () => (await import('./decode.js')).decodeCommand },
  { name: 'encode', summary: 'encode JSON Lines from decode back into hex, raw, pcap, pcapng or audit.log', load: async () => (await import('./encode.js')).encodeCommand },
  { name: 'events', summary: 'reassemble records into events (JSON Lines), with filters', load: async () => (await import('./events.js')).eventsCommand },
  { name: 'stats', summary: 'count messages per type, records, events, fields, bytes and errors', load: async () => (await import('./stats.js')).statsCommand },
  { name: 'rule', summary: 'compile auditctl rules to audit_rule_data bytes, and explain such bytes as auditctl -l does', load: async () => (await import('./rule.js')).ruleCommand },
  { name: 'gen', summary: 'generate reproducible test frames (pcap, pcapng, hex, log, JSON Lines)', load: async () => (await import('./gen.js')).genCommand },
];
