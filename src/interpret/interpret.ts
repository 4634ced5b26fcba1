import { LIBAUDIT_MACHINES, LIBAUDIT_SYSCALLS } from '../tables/libaudit.generated.js';
import type { AuditField, AuditRecord } from '../records/types.js';
import { fieldKind, FIELD_KINDS } from './field-types.js';
import type { FieldKind } from './field-types.js';
import { printSockaddr } from './sockaddr.js';
import { argValue, printSyscallArg } from './syscall-args.js';
import type { ArgContext } from './syscall-args.js';
import {
  leadingNumber, printCapBitmap, printCapability, printEscaped, printExit, printFanotify, printList, printMacproto,
  printMmapFlags, printMode, printModeShort, printNfproto, printNlMcgrp, printOpenFlags, printPerm, printPersonality,
  printProctitle, printPromisc, printProtocol, printResolve, printSeccomp, printSession, printSignal, printSuccess,
  printTtyData,
} from './values.js';

/** Options for interpretation. */
export interface InterpretOptions {
  /** uid → user name. Without it (or when it returns undefined) a uid prints as `unknown(N)`. */
  readonly resolveUser?: (uid: number) => string | undefined;
  /** gid → group name, likewise. */
  readonly resolveGroup?: (gid: number) => string | undefined;
  /** Field-name → kind table (default `FIELD_KINDS`; extend with `fieldKindTable`). */
  readonly fieldKinds?: ReadonlyMap<string, FieldKind>;
  /** Machine for records without `arch=` (auparse uses the host's); default `x86_64`. */
  readonly defaultMachine?: string;
  /** Byte order of `saddr` families; default true (little-endian hosts). */
  readonly littleEndian?: boolean;
}

const MACHINE_BY_ARCH: ReadonlyMap<number, string> = new Map(LIBAUDIT_MACHINES.map(([, name, arch]) => [arch, name]));
const syscallNames = new Map<string, ReadonlyMap<number, string>>();

/**
 * Syscall number → name on a libaudit machine (`x86_64`, `aarch64`, ...).
 *
 * @example syscallName('aarch64', 221) // → 'execve'
 */
export function syscallName(machine: string, n: number): string | undefined {
  let m = syscallNames.get(machine);
  if (m === undefined) {
    const table = LIBAUDIT_SYSCALLS[machine];
    if (table === undefined) return undefined;
    m = new Map(table);
    syscallNames.set(machine, m);
  }
  return m.get(n);
}

/**
 * `arch=c000003e` → `x86_64` (libaudit's machine names).
 *
 * @example machineOfArch('c00000b7') // → 'aarch64'
 */
export function machineOfArch(raw: string): string | undefined {
  const v = leadingNumber(raw, 16);
  return v === undefined ? undefined : MACHINE_BY_ARCH.get(Number(BigInt.asUintN(32, v)));
}

interface RecordInfo {
  readonly machine: string;
  readonly syscall: number | undefined;
  readonly a0: bigint | undefined;
  readonly a1: bigint | undefined;
}

const infoCache = new WeakMap<AuditRecord, RecordInfo>();

function recordInfo(r: AuditRecord, opts: InterpretOptions): RecordInfo {
  const cached = infoCache.get(r);
  if (cached !== undefined) return cached;
  let arch: string | undefined;
  let syscall: string | undefined;
  let a0: string | undefined;
  let a1: string | undefined;
  for (const f of r.fields) {
    if (f.name === 'arch' && arch === undefined) arch = f.raw;
    else if (f.name === 'syscall' && syscall === undefined) syscall = f.raw;
    else if (f.name === 'a0' && a0 === undefined) a0 = f.raw;
    else if (f.name === 'a1' && a1 === undefined) a1 = f.raw;
  }
  const sc = syscall === undefined ? undefined : leadingNumber(syscall, 10);
  const info = {
    machine: (arch === undefined ? undefined : machineOfArch(arch)) ?? opts.defaultMachine ?? 'x86_64',
    syscall: sc === undefined ? undefined : Number(sc),
    a0: argValue(a0),
    a1: argValue(a1),
  };
  infoCache.set(r, info);
  return info;
}

function printId(raw: string, base: 10 | 16, resolve: ((id: number) => string | undefined) | undefined): string {
  const v = leadingNumber(raw, base) ?? 0n;
  if (v === -1n || v === 4294967295n) return 'unset';
  const id = Number(BigInt.asUintN(32, v));
  // libauparse prints the id it could not name as a C int.
  return resolve?.(id) ?? `unknown(${id | 0})`;
}

/**
 * The value a person wants to read, as libauparse 3.0.9 interprets it (with
 * AUPARSE_ESC_RAW): names for arch, syscall, errno, signals, flags, capabilities, socket
 * addresses, file modes; decoded strings; `unset` for (u32)-1 ids. User and group names come
 * only from the caller's resolvers.
 *
 * @example interpretField(rec, rec.fields[0]) // arch=c000003e → 'x86_64'
 */
export function interpretField(record: AuditRecord, field: AuditField, opts: InterpretOptions = {}): string {
  const kind = fieldKind(record.type, field.name, field.raw, opts.fieldKinds ?? FIELD_KINDS);
  return enrichedInterpretation(record, field.name, kind) ?? interpretAs(kind, record, field.raw, opts);
}

/**
 * What an ENRICHED line already says about a field (`AUID="root"` for `auid`), used first as
 * libauparse does: ids unquoted or hex-decoded, other values as written unless auditd could not
 * interpret them either (`unknown-...`).
 *
 * @example enrichedInterpretation(parseLogLine('type=SYSCALL msg=audit(1.000:1): auid=0\x1dAUID="root"'), 'auid', 'uid') // → 'root'
 */
export function enrichedInterpretation(record: AuditRecord, name: string, kind: FieldKind): string | undefined {
  const enriched = record.enriched;
  if (enriched === undefined) return undefined;
  const upper = name.toUpperCase();
  const e = enriched.find((f) => f.name === upper);
  if (e === undefined || e.raw.startsWith('unknown-')) return undefined;
  return kind === 'uid' || kind === 'gid' ? printEscaped(e.raw) : e.raw;
}

/**
 * Interprets `raw` as a given kind in the context of `record`.
 *
 * @example interpretAs('mode', rec, '0100755') // → 'file,755'
 */
export function interpretAs(kind: FieldKind, record: AuditRecord, raw: string, opts: InterpretOptions = {}): string {
  switch (kind) {
    case 'uid':
      return printId(raw, 10, opts.resolveUser);
    case 'gid':
      return printId(raw, 10, opts.resolveGroup);
    case 'syscall': {
      const info = recordInfo(record, opts);
      const n = Number(leadingNumber(raw, 10) ?? 0n);
      return syscallName(info.machine, n) ?? `unknown-syscall(${n})`;
    }
    case 'arch': {
      const m = machineOfArch(raw);
      return m ?? `unknown-elf-type(${raw})`;
    }
    case 'exit':
      return printExit(raw);
    case 'escaped':
    case 'escaped-file':
    case 'escaped-key':
      return printEscaped(raw);
    case 'perm':
      return printPerm(raw);
    case 'mode':
      return printMode(raw, 8);
    case 'mode-short':
      return printModeShort(raw, 8);
    case 'sockaddr':
      return printSockaddr(raw, opts.littleEndian ?? true);
    case 'promisc':
      return printPromisc(raw);
    case 'capability':
      return printCapability(raw, 10);
    case 'success':
      return printSuccess(raw);
    case 'a0':
    case 'a1':
    case 'a2':
    case 'a3': {
      const info = recordInfo(record, opts);
      const name = info.syscall === undefined ? undefined : syscallName(info.machine, info.syscall);
      const ctx: ArgContext = {
        a0: info.a0,
        a1: info.a1,
        uid: (v, base) => printId(v, base, opts.resolveUser),
        gid: (v, base) => printId(v, base, opts.resolveGroup),
      };
      return printSyscallArg(Number(kind.charAt(1)), name, raw, ctx);
    }
    case 'signal':
      return printSignal(raw, 10);
    case 'list':
      return printList(raw);
    case 'tty-data':
      return printTtyData(raw);
    case 'session':
      return printSession(raw);
    case 'cap-bitmap':
      return printCapBitmap(raw);
    case 'nfproto':
      return printNfproto(raw);
    case 'protocol':
      return printProtocol(raw);
    case 'personality':
      return printPersonality(raw);
    case 'seccomp':
      return printSeccomp(raw);
    case 'oflag':
      return printOpenFlags(raw);
    case 'mmap':
      return printMmapFlags(raw);
    case 'proctitle':
      return printProctitle(raw);
    case 'macproto':
      return printMacproto(raw);
    case 'fanotify':
      return printFanotify(raw);
    case 'nlmcgrp':
      return printNlMcgrp(raw);
    case 'resolve':
      return printResolve(raw);
    default:
      return raw;
  }
}

/** One interpreted field of `interpretRecord`. */
export interface InterpretedField {
  readonly name: string;
  readonly raw: string;
  readonly kind: FieldKind;
  readonly interp: string;
}

/**
 * Every field of a record with its kind and interpretation, in wire order.
 *
 * @example interpretRecord(parseLogLine('type=SYSCALL msg=audit(1.000:2): arch=c000003e syscall=59')).map((f) => f.interp) // → ['x86_64', 'execve']
 */
export function interpretRecord(record: AuditRecord, opts: InterpretOptions = {}): InterpretedField[] {
  const table = opts.fieldKinds ?? FIELD_KINDS;
  return record.fields.map((f) => {
    const kind = fieldKind(record.type, f.name, f.raw, table);
    return { name: f.name, raw: f.raw, kind, interp: enrichedInterpretation(record, f.name, kind) ?? interpretAs(kind, record, f.raw, opts) };
  });
}
