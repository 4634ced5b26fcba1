/**
 * Open findings (test/fixtures/fuzz/FINDINGS.md): fixtures that break the contract today.
 *
 * The regression test (test/fuzz/regression.test.ts) replays every fixture in test/fixtures/fuzz/:
 * a fixture listed here must STILL break the contract (so the suite stays green while the finding
 * is open, and turns red the day it is fixed: then delete its entry here and mark it fixed in
 * FINDINGS.md); any other fixture must pass. The CI slice ignores violations whose message
 * contains a listed `signature` for the same target, so an open finding does not fail it twice.
 */
export interface KnownFailure {
  /** File name in test/fixtures/fuzz/ (absent for a finding that an explicit test pins down). */
  readonly fixture?: string;
  /** For findings pinned by an explicit test (codes, limits, alloc): the test's title. */
  readonly test?: string;
  readonly target: string;
  /** A substring of the violation message (plain text, not a pattern). */
  readonly signature: string;
  /** Id in FINDINGS.md. */
  readonly finding: string;
}

export const KNOWN_FAILURES: readonly KnownFailure[] = [
];

/** Is the explicit test titled `title` pinned as an open finding? */
export function knownTest(title: string): KnownFailure | undefined {
  return KNOWN_FAILURES.find((k) => k.test === title);
}

export function knownFailure(target: string, message: string): KnownFailure | undefined {
  return KNOWN_FAILURES.find((k) => k.fixture !== undefined && k.target === target && message.includes(k.signature));
}
