import fc from 'fast-check';
import type { AuditRuleData } from '../audit/messages/rule-data.js';
import { ruleTextArbitrary, type HostPaths } from '../rules/arbitrary.js';
import { compileRule } from '../rules/compile.js';
import type { KernelLsm } from '../rules/kernel-check.js';

/** A generated rule: the auditctl text and the `audit_rule_data` auditctl would send for it. */
export interface GeneratedRule {
  /** The rule as `auditctl -l` prints it (and as `auditctl` takes it). */
  readonly text: string;
  readonly rule: AuditRuleData;
}

export interface RuleOptions {
  /** uname -m of the host (`-S` names and `b32`/`b64`). Default `x86_64`. */
  readonly host?: string;
  /**
   * LSM of the kernel the rules are for. Default `none`: no `subj_*`/`obj_*` fields (whether a
   * kernel keeps them depends on its LSM). See `KernelLsm` in src/rules/kernel-check.ts.
   */
  readonly lsm?: KernelLsm;
  /**
   * Paths for watches, `path=`, `dir=` and `exe=`: the kernel needs a watch's parent directory,
   * a `dir=` directory and an `exe=` file to exist on the host. Default `COMMON_HOST_PATHS`
   * (`/etc`, `/usr/bin`, `/tmp`, `/etc/passwd`, `/usr/bin/env`, ...); `'random'` for made-up paths.
   */
  readonly paths?: HostPaths | 'random';
}

/**
 * Rules the kernel accepts: the auditctl text from the rules module's generator (every filter
 * list, the fields and operators both libaudit and the kernel allow on it, `-S` per arch, `-C`,
 * watches, keys), compiled to the bytes auditctl sends. Each passes `kernelRuleCheck(rule, { lsm })`;
 * its paths must exist on the host (see `paths`).
 *
 * @example fc.sample(ruleArbitrary(), 1)[0].rule.field_count // ≥ 1
 */
export function ruleArbitrary(opts: RuleOptions = {}): fc.Arbitrary<GeneratedRule> {
  const host = opts.host ?? 'x86_64';
  const text = ruleTextArbitrary({
    host,
    ...(opts.lsm === undefined ? {} : { lsm: opts.lsm }),
    ...(opts.paths === undefined ? {} : { paths: opts.paths }),
  });
  return text.map((text) => ({ text, rule: compileRule(text, { arch: host }).rule }));
}
export { COMMON_HOST_PATHS, type HostPaths } from '../rules/arbitrary.js';
export type { KernelLsm } from '../rules/kernel-check.js';
