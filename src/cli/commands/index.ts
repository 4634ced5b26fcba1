import type { Command } from '../io.js';
import { decodeCommand } from './decode.js';
import { encodeCommand } from './encode.js';
import { eventsCommand } from './events.js';
import { statsCommand } from './stats.js';
import { ruleCommand } from './rule.js';
import { genCommand } from './gen.js';

/** Every CLI command, in the order `audit-netlink --help` lists them. Add a command with one line here. */
export const COMMANDS: readonly Command[] = [
  decodeCommand, encodeCommand,
  eventsCommand,
  statsCommand,
  ruleCommand,
  genCommand,
];
