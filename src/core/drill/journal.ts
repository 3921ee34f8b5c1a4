import type { MasterObservation } from '../cluster/master-set.js';
import type { Fault } from './faults.js';

/**
 * The failover drill's journal: every probe and action with its time. The verdict, the outputs, the
 * summary table and the timeline chart are all computed from it, never the other way round.
 */

/** What the drill does, in the journal's words: milestones are found by these. */
export const DRILL_ACTIONS = {
  jobSubmitted: 'job submitted',
  fault: 'fault',
  faultApplied: 'fault applied',
  /** The faulted master's restore begins: its start, or for a destroyed master its re-creation (reconcile). */
  restoreBegan: 'restore began',
  faultedMasterRestored: 'faulted master restored',
  jobEnded: 'job ended',
} as const;
export type DrillAction = (typeof DRILL_ACTIONS)[keyof typeof DRILL_ACTIONS];

/** What the drill checks; the verdict fails on any that did not hold. */
export const DRILL_CHECKS = {
  jobRunning: 'job running before the fault',
  tookOver: 'a standby took over with every worker',
  restoredStandby: 'restored master is STANDBY',
  jobFinished: 'the running job finished successfully',
  newSubmission: 'a new submission succeeds',
  paged: 'the pager fired for no ALIVE master',
  pageResolved: 'the page resolved after the takeover',
  pagedNobody: 'a handover at once (planned, or a crash with the host alive) paged nobody',
} as const;
export type DrillCheck = (typeof DRILL_CHECKS)[keyof typeof DRILL_CHECKS];

export type JournalEntry =
  | { readonly at: number; readonly kind: 'probe'; readonly masters: readonly MasterObservation[] }
  | { readonly at: number; readonly kind: 'action'; readonly action: DrillAction; readonly detail: string }
  | { readonly at: number; readonly kind: 'check'; readonly check: DrillCheck; readonly ok: boolean; readonly detail: string }
  | { readonly at: number; readonly kind: 'alert'; readonly alert: string; readonly state: 'firing' | 'resolved' };

export interface DrillExperiment {
  readonly fault: Fault;
  /** host:port of the master the fault hits: the ALIVE one at steady state. */
  readonly faultedMaster: string;
  readonly masters: readonly string[];
  readonly expectedWorkers: number;
  readonly maxRecoverySeconds: number;
  readonly graceSeconds: number;
}

export interface DrillJournal {
  readonly experiment: DrillExperiment;
  readonly startedAt: number;
  readonly entries: JournalEntry[];
}

export function probes(journal: DrillJournal): Extract<JournalEntry, { kind: 'probe' }>[] {
  return journal.entries.filter((entry): entry is Extract<JournalEntry, { kind: 'probe' }> => entry.kind === 'probe');
}

export function actionAt(journal: DrillJournal, action: DrillAction): number | undefined {
  return journal.entries.find((entry) => entry.kind === 'action' && entry.action === action)?.at;
}

/** The alert that says the cluster has no ALIVE master (infra/monitoring/prometheus/rules). */
export const NO_ALIVE_MASTER_ALERT = 'SparkNoAliveMaster';

/**
 * Faults that leave the cluster without an ALIVE master for a session timeout must page. A planned stop and
 * a crash with the host alive hand leadership over at once (the latch is released): they must not.
 */
export function faultPages(fault: Fault): boolean | undefined {
  if (fault === 'stop' || fault === 'crash') return false;
  return fault === 'restart' ? undefined : true;
}

export function checks(journal: DrillJournal): Extract<JournalEntry, { kind: 'check' }>[] {
  return journal.entries.filter((entry): entry is Extract<JournalEntry, { kind: 'check' }> => entry.kind === 'check');
}
