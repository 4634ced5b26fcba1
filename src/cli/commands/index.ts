import type { Command } from '../io.js';

/** Every CLI command, in the order `audit-netlink --help` lists them. Add a command with one line here. */
export const COMMANDS: readonly Command[] = [];
