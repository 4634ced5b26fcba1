import { LIBAUDIT_MACHINES, LIBAUDIT_SYSCALLS } from '../tables/libaudit.generated.js';
import { AUDIT_ARCH_64BIT } from '../tables/arch.js';
import { strtoulU32 } from './cnum.js';

/**
 * libaudit's machines: the ids, names and AUDIT_ARCH values of lib/machinetab.h (shared table)
 * plus the uname aliases machinetab.h also lists (i486..i686, armv5tejl..armv7l).
 */
const ALIASES: readonly (readonly [string, number])[] = [
  ['i486', 0], ['i586', 0], ['i686', 0], ['armv5tejl', 8], ['armv5tel', 8], ['armv6l', 8], ['armv7l', 8],
];

const MACHINE_BY_NAME: ReadonlyMap<string, number> = new Map([
  ...LIBAUDIT_MACHINES.map(([id, name]) => [name, id] as const),
  ...ALIASES,
]);
const MACHINE_NAME: ReadonlyMap<number, string> = new Map(LIBAUDIT_MACHINES.map(([id, name]) => [id, name]));
const MACHINE_ELF: ReadonlyMap<number, number> = new Map(LIBAUDIT_MACHINES.map(([id, , elf]) => [id, elf]));
const ELF_MACHINE: ReadonlyMap<number, number> = new Map(LIBAUDIT_MACHINES.map(([id, , elf]) => [elf, id]));

/** libaudit machine ids with a 32-bit sibling that `b32` selects (audit_determine_machine). */
const MACH = { X86: 0, X86_64: 1, PPC64: 3, PPC: 4, S390X: 5, S390: 6, ARM: 8, AARCH64: 9, PPC64LE: 10 } as const;
const B32_SIBLING: ReadonlyMap<number, number> = new Map([
  [MACH.X86_64, MACH.X86], [MACH.PPC64, MACH.PPC], [MACH.S390X, MACH.S390], [MACH.AARCH64, MACH.ARM],
]);

/** The machine id for a uname-style name (`x86_64`, `i686`, `aarch64`), or -1. */
export function machineByName(name: string): number {
  return MACHINE_BY_NAME.get(name) ?? -1;
}

export function machineName(machine: number): string | undefined {
  return MACHINE_NAME.get(machine);
}

/** AUDIT_ARCH value of a machine id, 0 when unknown (audit_machine_to_elf). */
export function machineToElf(machine: number): number {
  return MACHINE_ELF.get(machine) ?? 0;
}

/** Machine id of an AUDIT_ARCH value, -1 when libaudit has no table for it (audit_elf_to_machine). */
export function elfToMachine(elf: number): number {
  return ELF_MACHINE.get(elf) ?? -1;
}

/**
 * audit_determine_machine: `b64`/`b32` relative to `host`, a machine name, or an AUDIT_ARCH
 * value in hex without `0x`. Returns the machine id or a negative libaudit error (-4, -6).
 *
 * @example
 * determineMachine('b32', 'x86_64') // 0 (i386)
 */
export function determineMachine(arch: string, host: string): number {
  let bits: 'b64' | 'b32' | '' = '';
  let machine: number;
  const lower = arch.toLowerCase();
  if (lower === 'b64' || lower === 'b32') {
    bits = lower;
    machine = machineByName(host);
  } else {
    machine = machineByName(arch);
    if (machine < 0) machine = elfToMachine(strtoulHex(arch));
  }
  if (machine < 0) return -4;
  if (bits === 'b32') machine = B32_SIBLING.get(machine) ?? machine;
  switch (machine) {
    case MACH.X86:
    case MACH.PPC:
    case MACH.S390:
    case MACH.ARM:
      return bits === 'b64' ? -6 : machine;
    case MACH.AARCH64:
    case MACH.X86_64:
    case MACH.PPC64:
    case MACH.PPC64LE:
    case MACH.S390X:
      return machine;
    default:
      return -6;
  }
}

function strtoulHex(s: string): number {
  return /^[0-9a-f]/i.test(s) ? strtoulU32(`0x${s}`) : 0;
}

/** True when an AUDIT_ARCH value has __AUDIT_ARCH_64BIT, the test `auditctl -l` uses for b64/b32. */
export function isArch64(elf: number): boolean {
  return (elf & AUDIT_ARCH_64BIT) !== 0;
}

interface SyscallTable {
  readonly byName: ReadonlyMap<string, number>;
  readonly byNumber: ReadonlyMap<number, string>;
}

const SYSCALL_TABLES = new Map<number, SyscallTable>();

function syscallTable(machine: number): SyscallTable | undefined {
  const cached = SYSCALL_TABLES.get(machine);
  if (cached !== undefined) return cached;
  const name = machineName(machine);
  const rows = name === undefined ? undefined : LIBAUDIT_SYSCALLS[name];
  if (rows === undefined) return undefined;
  const byNumber = new Map<number, string>();
  for (const [n, s] of rows) if (!byNumber.has(n)) byNumber.set(n, s);
  const table = { byName: new Map(rows.map(([n, s]) => [s, n])), byNumber };
  SYSCALL_TABLES.set(machine, table);
  return table;
}

/** Syscall number of `name` on `machine`, or -1 (audit_name_to_syscall). */
export function syscallNumber(name: string, machine: number): number {
  return syscallTable(machine)?.byName.get(name) ?? -1;
}

/** Syscall name of `nr` on `machine` (audit_syscall_to_name). */
export function syscallName(nr: number, machine: number): string | undefined {
  return syscallTable(machine)?.byNumber.get(nr);
}
