import { checks, type DrillJournal } from './journal.js';
import { type DrillFigures, figures } from './milestones.js';

export interface DrillVerdict {
  readonly passed: boolean;
  readonly figures: DrillFigures;
  /** Why it failed, one reason per broken expectation; empty when it passed. */
  readonly reasons: readonly string[];
}

/** Pass or fail, decided from the journal alone. */
export function verdictOf(journal: DrillJournal): DrillVerdict {
  const computed = figures(journal);
  const reasons = checks(journal)
    .filter((check) => !check.ok)
    .map((check) => `${check.check}: ${check.detail}`);
  const { maxRecoverySeconds } = journal.experiment;
  if (computed.recoverySeconds === undefined) reasons.push('no standby became ALIVE with every expected worker back');
  else if (computed.recoverySeconds > maxRecoverySeconds) {
    reasons.push(`recovery took ${computed.recoverySeconds} s, more than maxRecoverySeconds ${maxRecoverySeconds}`);
  }
  if (computed.splitBrainProbes > 0) {
    reasons.push(`${computed.splitBrainProbes} probes saw more than one ALIVE master after the ${journal.experiment.graceSeconds} s grace period`);
  }
  return { passed: reasons.length === 0, figures: computed, reasons };
}
