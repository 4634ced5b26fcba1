export { compileRule, type CompiledRule, type RuleCompileOptions } from './compile.js';
export { explainRule, type RuleExplainOptions } from './explain.js';
export { tokenizeRuleLine } from './tokens.js';
export type { NameResolver } from './fieldpair.js';
export { LIBAUDIT_RULE_ERRORS, type TokenRef } from './errors.js';
export {
  AUDIT_ADD_RULE, AUDIT_DEL_RULE, AUDIT_LIST_RULES, AUDIT_SET, normalizeAsKernel, parseRuleBytes, ruleMessage, ruleToBytes,
  rulesInDatagram, statusSetMessage, type ParsedRuleBytes, type RequestOptions,
} from './messages.js';
export { compileRulesFile, type RulesFileEntry, type RulesFileOptions } from './rules-file.js';
export {
  AUDIT_ACTION, AUDIT_FILTER, AUDIT_FILTER_PREPEND, COMPARISONS, FILETYPE_VALUES, FILTER_LIST_NAMES, FILTER_LIST_NUMBERS,
  FSTYPE_VALUES, SADDR_FAM_VALUES,
} from './tables.js';
export { RULE_FIELD_KINDS, type RuleFieldKind } from './fields.js';
export {
  KERNEL_ACTIONS, KERNEL_FIELD_LISTS, KERNEL_FIELD_OPS, KERNEL_FIELD_VALUES, KERNEL_FS_LIST_FIELDS, KERNEL_GID_FIELDS,
  KERNEL_LISTS, KERNEL_LSM_FIELDS, KERNEL_OPERATORS, KERNEL_UID_FIELDS, kernelRuleCheck, type KernelCheckOptions,
  type KernelLsm, type KernelOpClass, type KernelRuleVerdict,
} from './kernel-check.js';
