import { DRILL_ACTIONS, DRILL_CHECKS, type DrillJournal, actionAt, checks, probes } from './journal.js';

/** Moments of a failover, in epoch milliseconds, read off the journal's probes. */
export interface Milestones {
  readonly fault?: number;
  /** The last probe that still saw the faulted master ALIVE (before or after the fault was issued). */
  readonly lastAliveBeforeGap?: number;
  readonly firstLeftStandby?: number;
  readonly firstAlive?: number;
  readonly allWorkersBack?: number;
  readonly jobEnded?: number;
  readonly restoreBegan?: number;
  readonly restoredStandby?: number;
}

export interface DrillFigures {
  readonly milestones: Milestones;
  /** Fault to a new ALIVE master with every expected worker back: the figure held against maxRecoverySeconds. */
  readonly recoverySeconds?: number;
  /** From the restore's start (a start, or a destroyed master's re-creation) to the faulted master STANDBY again. */
  readonly restoreSeconds?: number;
  /** Time with no ALIVE master at all. */
  readonly aliveGapSeconds?: number;
  /** Probes after firstAlive + grace that saw more than one ALIVE master. */
  readonly splitBrainProbes: number;
}

export function figures(journal: DrillJournal): DrillFigures {
  const { faultedMaster, expectedWorkers, graceSeconds } = journal.experiment;
  const fault = actionAt(journal, DRILL_ACTIONS.fault);
  const series = probes(journal);
  const after = (time: number | undefined) => series.filter((probe) => time !== undefined && probe.at >= time);
  const otherMaster = (status: (value: string) => boolean) => (probe: (typeof series)[number]) =>
    probe.masters.some((master) => master.address !== faultedMaster && status(master.status));
  const faultedAlive = series.filter((probe) => probe.masters.some((master) => master.address === faultedMaster && master.status === 'ALIVE'));
  const firstLeftStandby = after(fault).find(otherMaster((status) => status !== 'STANDBY' && status !== 'DOWN'))?.at;
  const firstAlive = after(fault).find(otherMaster((status) => status === 'ALIVE'))?.at;
  const allWorkersBack = after(firstAlive).find((probe) =>
    probe.masters.some((master) => master.address !== faultedMaster && master.status === 'ALIVE' && master.aliveWorkers >= expectedWorkers),
  )?.at;
  const lastAliveBeforeGap = faultedAlive.filter((probe) => firstAlive === undefined || probe.at < firstAlive).at(-1)?.at;
  const restoredStandby = checks(journal).find((check) => check.check === DRILL_CHECKS.restoredStandby && check.ok)?.at;
  const restoreBegan = actionAt(journal, DRILL_ACTIONS.restoreBegan);
  const graceEnd = firstAlive === undefined ? undefined : firstAlive + graceSeconds * 1000;
  return {
    milestones: { fault, lastAliveBeforeGap, firstLeftStandby, firstAlive, allWorkersBack, jobEnded: actionAt(journal, DRILL_ACTIONS.jobEnded), restoreBegan, restoredStandby },
    recoverySeconds: fault !== undefined && allWorkersBack !== undefined ? seconds(allWorkersBack - fault) : undefined,
    restoreSeconds: restoreBegan !== undefined && restoredStandby !== undefined ? seconds(restoredStandby - restoreBegan) : undefined,
    aliveGapSeconds: firstAlive !== undefined && lastAliveBeforeGap !== undefined ? seconds(firstAlive - lastAliveBeforeGap) : undefined,
    splitBrainProbes: after(graceEnd).filter((probe) => probe.masters.filter((master) => master.status === 'ALIVE').length > 1).length,
  };
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}
