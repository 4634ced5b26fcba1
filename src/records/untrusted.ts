/**
 * Names whose values go through the kernel's `audit_log_untrustedstring` or user space's
 * `audit_encode_nv_string` (reference §4.3), so that a bare value of even-length upper-case hex
 * is an encoded string, not a number. Sources: reference §4.3, and the ESCAPED entries of
 * libauparse 3.0.9 `auparse/typetab.h` (which is how auparse decides to decode them).
 */
const UNTRUSTED_NAMES: readonly string[] = [
  'comm', 'exe', 'name', 'cwd', 'key', 'proctitle', 'ocomm', 'data', 'path', 'file', 'watch',
  'cmd', 'acct', 'dir', 'vm', 'old-chardev', 'new-chardev', 'old-disk', 'new-disk', 'old-fs',
  'new-fs', 'old-net', 'new-net', 'device', 'cgroup', 'grp', 'new_group', 'invalid_context', 'sw',
  'root_dir', 'old-rng', 'new-rng', 'apparmor', 'operation', 'denied_mask', 'info', 'profile',
  'requested_mask',
];

const EXECVE = 1309;

/**
 * A set of untrusted-string field names. Extend it for a patched kernel:
 * `const mine = untrustedFields(['my_path'])` and pass `{ untrusted: mine }` to the parser.
 */
export function untrustedFields(extra: Iterable<string> = []): ReadonlySet<string> {
  return new Set([...UNTRUSTED_NAMES, ...extra]);
}

/** The default set. */
export const UNTRUSTED_FIELDS: ReadonlySet<string> = untrustedFields();

/**
 * True for EXECVE's `a0`, `a12`, `a1[3]` (not `argc`, not `a1_len`).
 *
 * @example isExecveArgName('a1[3]') // → true
 */
export function isExecveArgName(name: string): boolean {
  if (name.length < 2 || name.charCodeAt(0) !== 0x61) return false;
  let i = 1;
  while (i < name.length && isDigit(name.charCodeAt(i))) i++;
  if (i === 1) return false;
  if (i === name.length) return true;
  if (name.charCodeAt(i) !== 0x5b || name.charCodeAt(name.length - 1) !== 0x5d) return false;
  for (let j = i + 1; j < name.length - 1; j++) if (!isDigit(name.charCodeAt(j))) return false;
  return name.length - 1 > i + 1;
}

/**
 * True if a field of this record type and name carries an untrusted (quoted or hex) string.
 *
 * @example isUntrustedField(1309, 'a0') // → true (EXECVE argument)
 */
export function isUntrustedField(type: number, name: string, set: ReadonlySet<string> = UNTRUSTED_FIELDS): boolean {
  if (type === EXECVE && isExecveArgName(name)) return true;
  // Most names (arch, syscall, a0, pid, uid, ...) are told apart from the default set by their
  // first and last character and length alone, without hashing the name for the Set.
  if (set === UNTRUSTED_FIELDS && !DEFAULT_SHAPES.has(shapeOf(name))) return false;
  return set.has(name);
}

/**
 * First character, last character and length of a name, 7 bits each, in one small integer.
 * Folding can only make two names share a shape (then the Set decides), never tell a name of the
 * set apart from itself.
 */
function shapeOf(name: string): number {
  const n = name.length;
  if (n === 0) return 0;
  return ((name.charCodeAt(0) & 0x7f) << 14) | ((name.charCodeAt(n - 1) & 0x7f) << 7) | (n & 0x7f);
}

const DEFAULT_SHAPES: ReadonlySet<number> = new Set(UNTRUSTED_NAMES.map(shapeOf));

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
