import type { AuditRuleData } from '../audit/messages/rule-data.js';
import { utf8Encode, utf8Length } from '../bytes/utf8.js';
import { startsWithDigit, strtolU32 } from './cnum.js';
import { addField, newDraft, setAllSyscalls, setSyscall, toRuleData, type RuleDraft } from './draft.js';
import { ruleError, type TokenRef } from './errors.js';
import { addComparison, addFieldPair, type NameResolver, type ParseState } from './fieldpair.js';
import { AUDIT_MAX_KEY_LEN, PATH_MAX } from './fields.js';
import { kernelRuleCheck, type KernelCheckOptions } from './kernel-check.js';
import { elfToMachine, machineByName, machineToElf, syscallNumber } from './machines.js';
import { tokenizeRuleLine } from './tokens.js';
import { ACTION_NUMBERS, AUDIT_ACTION, AUDIT_EQUAL, AUDIT_FILTER, AUDIT_FILTER_MASK, AUDIT_FILTER_PREPEND, FILTER_LIST_NUMBERS, PERM_LETTERS } from './tables.js';

/** What the caller knows about the host that auditctl would ask the host itself. */
export interface RuleCompileOptions extends NameResolver {
  /** The machine `-S` without `-F arch`, and `b32`/`b64`, refer to (uname -m). Default `x86_64`. */
  readonly arch?: string;
  /** Whether a `-w` path is a directory (libaudit then sends AUDIT_DIR). Default: never. */
  readonly isDirectory?: (path: string) => boolean;
  /**
   * Also refuse what the kernel would refuse (`kernelRuleCheck`, src/rules/kernel-check.ts): the
   * error names the token whose field the kernel rejects. `true` checks with the default options
   * (no LSM). Default false: only libaudit's checks.
   */
  readonly kernelCheck?: boolean | KernelCheckOptions;
}

/** One compiled rule: AUDIT_ADD_RULE (`-a`, `-A`, `-w`) or AUDIT_DEL_RULE (`-d`, `-W`). */
export interface CompiledRule {
  readonly op: 'add' | 'delete';
  readonly rule: AuditRuleData;
}

const LIST_WORD: Readonly<Record<number, string>> = { 0: 'user', 1: 'task', 5: 'exclude', 6: 'filesystem' };
const NO_SYSCALL_LISTS: ReadonlySet<number> = new Set([AUDIT_FILTER.USER, AUDIT_FILTER.TASK, AUDIT_FILTER.EXCLUDE, AUDIT_FILTER.FS]);
const KEY_SEPARATOR = '\x01';

interface Glue {
  readonly d: RuleDraft;
  readonly st: ParseState;
  list: number | undefined;
  op: 'add' | 'delete';
  keys: string;
  keyToken: TokenRef | undefined;
  /** The token each field of the draft came from (same index as d.fields). */
  readonly fieldTokens: TokenRef[];
  listToken: TokenRef | undefined;
}

/**
 * Compile one auditctl rule (the arguments after `auditctl`) into the `audit_rule_data` auditctl
 * would send, byte for byte. Throws `AUDIT_ERR_BAD_RULE` naming the token libaudit refuses.
 *
 * @example
 * compileRule('-a always,exit -F arch=b64 -S openat -F key=test').rule.field_count // 2
 */
export function compileRule(input: string | readonly string[], options: RuleCompileOptions = {}): CompiledRule {
  const tokens = typeof input === 'string' ? tokenizeRuleLine(input) : positioned(input);
  const host = options.arch ?? 'x86_64';
  if (machineByName(host) < 0) throw ruleError(`unknown host machine: ${host}`, { text: host, offset: -1 });
  const g: Glue = {
    d: newDraft(),
    st: { elf: 0, syscallAdded: false, permAdded: false, exeAdded: false, filterFsAdded: false, host },
    list: undefined,
    op: 'add',
    keys: '',
    keyToken: undefined,
    fieldTokens: [],
    listToken: undefined,
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const attached = /^-[a-zA-Z]./.test(t.text) ? { text: t.text.slice(2), offset: t.offset + 2 } : undefined;
    const opt = attached === undefined ? t.text : t.text.slice(0, 2);
    const v = attached ?? tokens[++i];
    if (v === undefined) throw ruleError(`option ${opt} needs a value`, t);
    if (opt === '-a' || opt === '-A' || opt === '-d' || opt === '-w' || opt === '-W') g.listToken ??= v;
    applyOption(g, opt, v, t, options);
    while (g.fieldTokens.length < g.d.fields.length) g.fieldTokens.push(v);
  }
  const compiled = finish(g, tokens[0] ?? { text: '', offset: 0 });
  if (options.kernelCheck !== undefined && options.kernelCheck !== false) {
    const verdict = kernelRuleCheck(compiled.rule, options.kernelCheck === true ? {} : options.kernelCheck);
    if (!verdict.ok) {
      const at = verdict.fieldIndex === undefined ? undefined : (g.fieldTokens[verdict.fieldIndex] ?? g.keyToken);
      const token = at ?? g.listToken ?? tokens[0] ?? { text: '', offset: 0 };
      throw ruleError(`the kernel refuses ${token.text}: ${verdict.reason} (${verdict.errnoName}, ${verdict.source})`, token);
    }
  }
  return compiled;
}

function applyOption(g: Glue, opt: string, v: TokenRef, optToken: TokenRef, options: RuleCompileOptions): void {
  const listNo = g.list === undefined ? undefined : g.list & AUDIT_FILTER_MASK;
  switch (opt) {
    case '-a':
    case '-A':
    case '-d':
      return setList(g, opt, v);
    case '-S':
      return addSyscalls(g, v, listNo);
    case '-F':
      if (listNo === undefined) throw ruleError('List must be given before field', v);
      if (v.text.startsWith('key=')) return addKey(g, { text: v.text.slice(4), offset: v.offset + 4 });
      addFieldPair(g.d, v, listNo, g.st, options);
      if (g.d.fields.at(-1) === 106) g.st.permAdded = true;
      if (g.d.fields.at(-1) === 112) g.st.exeAdded = true;
      return;
    case '-C':
      if (listNo === undefined) throw ruleError('List must be given before field', v);
      return addComparison(g.d, v, listNo);
    case '-k':
      if (listNo === undefined || !(g.st.syscallAdded || g.st.permAdded || g.st.exeAdded || g.st.filterFsAdded)) {
        throw ruleError('key option needs a watch or syscall given prior to it', v);
      }
      return addKey(g, v);
    case '-w':
    case '-W':
      return addWatch(g, opt, v, options);
    case '-p':
      return setPerms(g, v);
    default:
      throw ruleError(`unsupported option in a rule: ${opt}`, optToken);
  }
}

function setList(g: Glue, opt: string, v: TokenRef): void {
  if (g.list !== undefined) throw ruleError('Multiple rule insert/delete operations are not allowed', v);
  const [a = '', b = '', extra] = v.text.split(',');
  let list = FILTER_LIST_NUMBERS.get(a);
  let action = ACTION_NUMBERS.get(b);
  if (list === undefined) {
    list = FILTER_LIST_NUMBERS.get(b);
    action = ACTION_NUMBERS.get(a);
  }
  if (list === undefined || action === undefined || extra !== undefined) {
    const verb = opt === '-a' ? 'Append' : opt === '-A' ? 'Add' : 'Delete';
    throw ruleError(`${verb} rule - bad keyword ${v.text}`, v);
  }
  if (g.st.syscallAdded && NO_SYSCALL_LISTS.has(list)) throw ruleError(`Error: syscall auditing requested for ${LIST_WORD[list]} list`, v);
  g.list = list | (opt === '-A' ? AUDIT_FILTER_PREPEND : 0);
  g.op = opt === '-d' ? 'delete' : 'add';
  g.d.action = action;
}

function addSyscalls(g: Glue, v: TokenRef, listNo: number | undefined): void {
  if (listNo !== undefined && NO_SYSCALL_LISTS.has(listNo)) {
    const word = LIST_WORD[listNo]!;
    throw ruleError(listNo === AUDIT_FILTER.EXCLUDE ? 'Error: syscall auditing cannot be put on exclude list' : `Error: syscall auditing being added to ${word} list`, v);
  }
  if (g.st.elf === 0) g.st.elf = machineToElf(machineByName(g.st.host));
  const machine = elfToMachine(g.st.elf);
  let at = v.offset;
  for (const name of v.text.split(',')) {
    const tok = { text: name, offset: at };
    at += name.length + 1;
    if (name === '') continue; // strtok skips empty pieces
    if (name === 'all') {
      setAllSyscalls(g.d);
      continue;
    }
    let nr = listNo === AUDIT_FILTER.URING_EXIT ? -1 : syscallNumber(name, machine);
    if (nr < 0 && startsWithDigit(name)) nr = strtolU32(name) | 0;
    if (nr < 0 || !setSyscall(g.d, nr)) throw ruleError(`Syscall name unknown: ${name}`, tok, -1);
  }
  g.st.syscallAdded = true;
}

function addKey(g: Glue, v: TokenRef): void {
  if (v.text.length + g.keys.length + (g.keys === '' ? 0 : 1) > AUDIT_MAX_KEY_LEN) throw ruleError('key option exceeds size limit', v);
  if (v.text.includes(KEY_SEPARATOR)) throw ruleError(`key ${v.text} has illegal character`, v);
  g.keys = g.keys === '' ? v.text : `${g.keys}${KEY_SEPARATOR}${v.text}`;
  g.keyToken ??= v;
}

function addWatch(g: Glue, opt: string, v: TokenRef, options: RuleCompileOptions): void {
  if (g.list !== undefined || g.st.syscallAdded) throw ruleError("watch option can't be given with a syscall", v);
  if (utf8Length(v.text) >= PATH_MAX) throw ruleError('The path passed for the watch is too big', v);
  if (!v.text.startsWith('/')) throw ruleError("The path must start with '/'", v);
  let path = v.text;
  if (path.length > 2 && path.endsWith('/')) path = path.replace(/\/+$/, '') || '/';
  const type = options.isDirectory?.(path) === true ? 107 : 105;
  g.list = AUDIT_FILTER.EXIT;
  g.op = opt === '-W' ? 'delete' : 'add';
  g.d.action = AUDIT_ACTION.ALWAYS;
  g.st.syscallAdded = true;
  g.st.permAdded = true;
  setAllSyscalls(g.d);
  addField(g.d, type, AUDIT_EQUAL, 0, utf8Encode(path));
  addField(g.d, 106, AUDIT_EQUAL, 0xf);
}

function setPerms(g: Glue, v: TokenRef): void {
  if (g.list === undefined) throw ruleError('permission option needs a watch given prior to it', v);
  if (v.text.length > 4) throw ruleError(`permission ${v.text} is too long`, v);
  let perm = 0;
  for (const c of v.text) {
    const bit = PERM_LETTERS.find(([l]) => l === c.toLowerCase())?.[1];
    if (bit === undefined) throw ruleError(`Permission ${c} isn't supported`, v);
    perm |= bit;
  }
  const d = g.d;
  if (d.fields.length < 1) throw ruleError('permission option needs a watch given prior to it', v, -1); // audit_update_watch_perms
  let done = false;
  d.fields.forEach((f, i) => {
    if (f === 106) {
      d.values[i] = perm;
      done = true;
    }
  });
  if (!done) {
    if (d.fields.length >= 63) throw ruleError('Too many fields in rule', v, -2);
    addField(d, 106, AUDIT_EQUAL, perm);
  }
}

function finish(g: Glue, first: TokenRef): CompiledRule {
  if (g.list === undefined) throw ruleError('filter is missing from rule', first, -32);
  const listNo = g.list & AUDIT_FILTER_MASK;
  if (g.keys !== '') addFieldPair(g.d, { text: `key=${g.keys}`, offset: (g.keyToken?.offset ?? 4) - 4 }, listNo, g.st, {});
  if (listNo !== AUDIT_FILTER.TASK && !g.st.syscallAdded) setAllSyscalls(g.d);
  g.d.flags = g.list;
  return { op: g.op, rule: toRuleData(g.d) };
}

function positioned(args: readonly string[]): TokenRef[] {
  let at = 0;
  return args.map((text) => {
    const t = { text, offset: at };
    at += text.length + 1;
    return t;
  });
}
