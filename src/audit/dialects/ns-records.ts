import type { DevNumber, NsKind } from './ns-inodes.js';
import { defineRecordSchema, type TypedRecordSchema } from './typed-record.js';
import { devValue, i32Value, u32Value, untrustedTextValue, wordValue } from './values.js';

/**
 * The 2015 namespace records (AUDIT_NS_INIT_* / AUDIT_NS_DEL_*). Their text was never published
 * (reference §5.1), so this is the library's representation, built from what the thread settled:
 * a namespace is named by nsfs device and inode; a creation belongs to the creating task, whose
 * subject fields come first when the record carries them; a process that changed namespaces
 * logs the old inode before the new; a deletion carries only device and inode. Names follow the
 * kernel's habits: `dev=` as PATH prints it, `<kind>ns=` for the inode, `old_<kind>ns=` for the
 * previous one, `res=` last.
 *
 *     [pid= uid= auid= ses= subj= comm= exe=] dev=MAJ:MIN [old_<kind>ns=INODE] <kind>ns=INODE [res=0|1]
 */
export interface NamespaceValues {
  readonly pid?: number;
  readonly uid?: number;
  readonly auid?: number;
  readonly ses?: number;
  readonly subj?: string;
  readonly comm?: string | null;
  readonly exe?: string | null;
  readonly dev: DevNumber;
  /** The task's previous namespace inode, when it moved (unshare, setns). */
  readonly oldInode?: number;
  readonly inode: number;
  readonly res?: number;
}

export type NamespaceOp = 'init' | 'del';

const cache = new Map<string, TypedRecordSchema<NamespaceValues>>();

/**
 * The record schema of one namespace kind and operation.
 *
 * @example namespaceSchema('init', 'net').parseBody('dev=00:04 netns=4026532008 res=1').values.inode // 4026532008
 */
export function namespaceSchema(op: NamespaceOp, ns: NsKind): TypedRecordSchema<NamespaceValues> {
  const key = `${op}-${ns}`;
  let s = cache.get(key);
  if (s === undefined) {
    s = defineRecordSchema<NamespaceValues>(`namespace-${key}`, {
      pid: { name: 'pid', codec: i32Value, optional: true },
      uid: { name: 'uid', codec: u32Value, optional: true },
      auid: { name: 'auid', codec: u32Value, optional: true },
      ses: { name: 'ses', codec: u32Value, optional: true },
      subj: { name: 'subj', codec: wordValue, optional: true },
      comm: { name: 'comm', codec: untrustedTextValue, optional: true },
      exe: { name: 'exe', codec: untrustedTextValue, optional: true },
      dev: { name: 'dev', codec: devValue },
      oldInode: { name: `old_${ns}ns`, codec: u32Value, optional: true },
      inode: { name: `${ns}ns`, codec: u32Value },
      res: { name: 'res', codec: u32Value, optional: true },
    });
    cache.set(key, s);
  }
  return s;
}
