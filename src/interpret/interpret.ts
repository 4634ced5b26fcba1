import { LIBAUDIT_MACHINES, LIBAUDIT_SYSCALLS } from '../tables/libaudit.generated.js';
import type { AuditField, AuditRecord } from '../records/types.js';
import { IPC_CALLS, SOCKETCALLS } from './arg-tables.js';
import { fieldKind, FIELD_KINDS } from './field-types.js';
import type { FieldKind } from './field-types.js';
import { printSockaddr } from './sockaddr.js';
import { argValue, printSyscallArg } from './syscall-args.js';
import type { ArgContext } from './syscall-args.js';
import {
  leadingNumber, printCapBitmap, printCapability, printEscaped, printExit, printFanotify, printHook, printIcmpType,
  printIoctlRequest, printList, printMacproto, printMmapFlags, printMode, printModeShort, printNetAction, printNfproto,
  printNlMcgrp, printNsInode, printOpenFlags, printPathFlags, printPerm, printPersonality, printProctitle, printPromisc,
  printProtocol, printResolve, printSeccomp, printSession, printSignal, printSuccess, printTtyData,
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
  /** The syscall's name on the machine, looked up once per record. */
  readonly syscallName: string | undefined;
  readonly a0: bigint | undefined;
  readonly a1: bigint | undefined;
  /** The argument context for the options it was built with (reused while they stay the same). */
  ctx?: ArgContext;
  ctxOpts?: InterpretOptions;
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
  const machine = (arch === undefined ? undefined : machineOfArch(arch)) ?? opts.defaultMachine ?? 'x86_64';
  const n = sc === undefined ? undefined : Number(sc);
  const info: RecordInfo = {
    machine,
    syscall: n,
    syscallName: n === undefined ? undefined : syscallName(machine, n),
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
export function interpretField(record: AuditRecord, field: AuditField, opts: InterpretOptions = EMPTY): string {
  const kind = fieldKind(record.type, field.name, field.raw, opts.fieldKinds ?? FIELD_KINDS);
  if (record.enriched === undefined) return interpretAs(kind, record, field.raw, opts, field.name);
  return enrichedInterpretation(record, field.name, kind) ?? interpretAs(kind, record, field.raw, opts, field.name);
}

const EMPTY: InterpretOptions = {};
const enrichedCache = new WeakMap<readonly AuditField[], ReadonlyMap<string, string>>();

function enrichedByName(enriched: readonly AuditField[]): ReadonlyMap<string, string> {
  let m = enrichedCache.get(enriched);
  if (m === undefined) {
    const built = new Map<string, string>();
    for (const f of enriched) if (!built.has(f.name)) built.set(f.name, f.raw);
    m = built;
    enrichedCache.set(enriched, m);
  }
  return m;
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
  const raw = enrichedByName(enriched).get(name.toUpperCase());
  if (raw === undefined || raw.startsWith('unknown-')) return undefined;
  return kind === 'uid' || kind === 'gid' ? printEscaped(raw) : raw;
}

/**
 * Interprets `raw` as a given kind in the context of `record` (`name`, the field's name, matters
 * only to `ns-inode`, whose name says which namespace it is).
 *
 * @example interpretAs('mode', rec, '0100755') // → 'file,755'
 */
export function interpretAs(kind: FieldKind, record: AuditRecord, raw: string, opts: InterpretOptions = EMPTY, name = ''): string {
  switch (kind) {
    case 'uid':
      return printId(raw, 10, opts.resolveUser);
    case 'gid':
      return printId(raw, 10, opts.resolveGroup);
    case 'syscall': {
      const info = recordInfo(record, opts);
      const n = Number(leadingNumber(raw, 10) ?? 0n);
      const name = n === info.syscall ? info.syscallName : syscallName(info.machine, n);
      if (name === undefined) return `unknown-syscall(${n})`;
      return name === 'socketcall' || name === 'ipc' ? withSubcall(name, info.a0) : name;
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
      if (info.syscallName === undefined) return `0x${raw}`;
      let ctx = info.ctx;
      if (ctx === undefined || info.ctxOpts !== opts) {
        ctx = {
          a0: info.a0,
          a1: info.a1,
          machine: info.machine,
          uid: (v, base) => printId(v, base, opts.resolveUser),
          gid: (v, base) => printId(v, base, opts.resolveGroup),
        };
        info.ctx = ctx;
        info.ctxOpts = opts;
      }
      return printSyscallArg(kind.charCodeAt(1) - 0x30, info.syscallName, raw, ctx);
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
    case 'icmptype':
      return printIcmpType(raw);
    case 'hook':
      return printHook(raw);
    case 'netaction':
      return printNetAction(raw);
    case 'ioctl-req':
      return printIoctlRequest(raw);
    case 'flags':
      return printPathFlags(raw);
    case 'ns-inode':
      return printNsInode(name, raw);
    default:
      return raw;
  }
}

/** `socketcall(connect)`, `ipc(semctl)`: auparse names the multiplexed call from a0 when it knows it. */
function withSubcall(name: 'socketcall' | 'ipc', a0: bigint | undefined): string {
  if (a0 === undefined || a0 < 0n || a0 > 0xffn) return name;
  const sub = (name === 'socketcall' ? SOCKETCALLS : IPC_CALLS).get(Number(a0));
  return sub === undefined ? name : `${name}(${sub})`;
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
export function interpretRecord(record: AuditRecord, opts: InterpretOptions = EMPTY): InterpretedField[] {
  const table = opts.fieldKinds ?? FIELD_KINDS;
  const fields = record.fields;
  const enriched = record.enriched !== undefined;
  const out: InterpretedField[] = new Array<InterpretedField>(fields.length);
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const kind = fieldKind(record.type, f.name, f.raw, table);
    const interp = (enriched ? enrichedInterpretation(record, f.name, kind) : undefined) ?? interpretAs(kind, record, f.raw, opts, f.name);
    out[i] = { name: f.name, raw: f.raw, kind, interp };
  }
  return out;
}
