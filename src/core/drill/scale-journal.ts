/**
 * The scale drill's journal: the workers scaled out and back in while a job runs. Its verdict and figures
 * are read from it alone, as the failover drill's are from its own.
 */

export const SCALE_ACTIONS = {
  jobSubmitted: 'job submitted',
  scaleOut: 'scale out',
  scaledOut: 'new workers have executors',
  scaleIn: 'scale in',
  scaledIn: 'leaving workers gone',
  jobEnded: 'job ended',
} as const;
export type ScaleAction = (typeof SCALE_ACTIONS)[keyof typeof SCALE_ACTIONS];

export const SCALE_CHECKS = {
  jobRunning: 'job running before the scale-out',
  newWorkersAlive: 'the new workers are ALIVE at the ALIVE master',
  newWorkersTakeExecutors: 'the new workers run executors of the running job',
  scaledIn: 'the workers are back to their count, the leaving ones decommissioned',
  jobFinished: 'the running job finished successfully',
  noTaskFailed: 'no task of the job failed',
} as const;
export type ScaleCheck = (typeof SCALE_CHECKS)[keyof typeof SCALE_CHECKS];

export type ScaleEntry =
  | { readonly at: number; readonly kind: 'action'; readonly action: ScaleAction; readonly detail: string }
  | { readonly at: number; readonly kind: 'check'; readonly check: ScaleCheck; readonly ok: boolean; readonly detail: string };

export interface ScaleJournal {
  readonly experiment: { readonly fault: 'scale'; readonly workersBefore: number; readonly workersDuring: number };
  readonly startedAt: number;
  readonly entries: ScaleEntry[];
}

export interface ScaleVerdict {
  readonly passed: boolean;
  readonly reasons: readonly string[];
  readonly figures: {
    /** From the scale-out's start to the new workers running executors. */
    readonly scaleOutSeconds?: number;
    /** From the scale-in's start to the leaving workers gone (decommissioned). */
    readonly scaleInSeconds?: number;
    readonly failedTasks?: number;
  };
}

function between(journal: ScaleJournal, from: ScaleAction, to: ScaleAction): number | undefined {
  const at = (action: ScaleAction) => journal.entries.find((entry) => entry.kind === 'action' && entry.action === action)?.at;
  const [start, end] = [at(from), at(to)];
  return start === undefined || end === undefined ? undefined : Math.round((end - start) / 100) / 10;
}

/** Pass when every check held and each was made: a drill cut short is no pass. */
export function scaleVerdictOf(journal: ScaleJournal, failedTasks?: number): ScaleVerdict {
  const checks = journal.entries.filter((entry): entry is Extract<ScaleEntry, { kind: 'check' }> => entry.kind === 'check');
  const reasons = checks.filter((check) => !check.ok).map((check) => `${check.check}: ${check.detail}`);
  const missing = Object.values(SCALE_CHECKS).filter((name) => !checks.some((check) => check.check === name));
  if (reasons.length === 0 && missing.length > 0) reasons.push(`not checked: ${missing.join('; ')}`);
  return {
    passed: reasons.length === 0,
    reasons,
    figures: {
      scaleOutSeconds: between(journal, SCALE_ACTIONS.scaleOut, SCALE_ACTIONS.scaledOut),
      scaleInSeconds: between(journal, SCALE_ACTIONS.scaleIn, SCALE_ACTIONS.scaledIn),
      failedTasks,
    },
  };
}
