import fc from 'fast-check';
import type { AuditRuleData } from '../audit/messages/rule-data.js';
import { ruleTextArbitrary } from '../rules/arbitrary.js';
import { compileRule } from '../rules/compile.js';

/** A generated rule: the auditctl text and the `audit_rule_data` auditctl would send for it. */
export interface GeneratedRule {
  /** The rule as `auditctl -l` prints it (and as `auditctl` takes it). */
  readonly text: string;
  readonly rule: AuditRuleData;
}

export interface RuleOptions {
  /** uname -m of the host (`-S` names and `b32`/`b64`). Default `x86_64`. */
  readonly host?: string;
}

/**
 * Rules the kernel accepts: the auditctl text from the rules module's generator (every filter
 * list, the fields and operators libaudit allows on it, `-S` per arch, `-C`, watches, keys),
 * compiled to the bytes auditctl sends.
 *
 * @example fc.sample(ruleArbitrary(), 1)[0].rule.field_count // ≥ 1
 */
export function ruleArbitrary(opts: RuleOptions = {}): fc.Arbitrary<GeneratedRule> {
  const host = opts.host ?? 'x86_64';
  return ruleTextArbitrary({ host }).map((text) => ({ text, rule: compileRule(text, { arch: host }).rule }));
}
