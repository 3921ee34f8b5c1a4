import { checks, type DrillJournal } from '../../core/drill/journal.js';
import type { Milestones } from '../../core/drill/milestones.js';
import type { DrillVerdict } from '../../core/drill/verdict.js';
import { escapeCell, mermaidGantt } from '../shared/markdown.js';

/** The drill's job summary, rendered from the journal: verdict, milestones, checks and a timeline. */
export function drillSummary(journal: DrillJournal, verdict: DrillVerdict): string {
  const { experiment } = journal;
  const { milestones, recoverySeconds, aliveGapSeconds, restoreSeconds } = verdict.figures;
  const since = (at: number | undefined) => (at === undefined || milestones.fault === undefined ? '-' : `${((at - milestones.fault) / 1000).toFixed(1)} s`);
  const lines = [
    `### Failover drill ${verdict.passed ? '✅ passed' : '❌ FAILED'}`,
    '',
    `Fault \`${experiment.fault}\` on the ALIVE master ${experiment.faultedMaster}; ${experiment.expectedWorkers} workers expected back; limit ${experiment.maxRecoverySeconds} s.`,
    '',
    '| figure | value |',
    '|---|---|',
    `| recovery (fault to ALIVE with every worker) | ${recoverySeconds === undefined ? 'never' : `${recoverySeconds} s`} |`,
    `| without any ALIVE master | ${aliveGapSeconds === undefined ? '-' : `${aliveGapSeconds} s`} |`,
    `| a standby left STANDBY | ${since(milestones.firstLeftStandby)} |`,
    `| first ALIVE | ${since(milestones.firstAlive)} |`,
    `| all workers back | ${since(milestones.allWorkersBack)} |`,
    `| running job ended | ${since(milestones.jobEnded)} |`,
    `| faulted master back as STANDBY | ${since(milestones.restoredStandby)} |`,
    `| restore (${experiment.fault === 'destroy' ? 're-creation' : 'start'} to STANDBY) | ${restoreSeconds === undefined ? '-' : `${restoreSeconds} s`} |`,
    '',
    '| check | result | detail |',
    '|---|---|---|',
    ...checks(journal).map((check) => `| ${check.check} | ${check.ok ? 'ok' : 'FAILED'} | ${escapeCell(check.detail)} |`),
    ...verdict.reasons.map((reason) => `| verdict | FAILED | ${escapeCell(reason)} |`),
    '',
    timeline(journal, milestones),
  ];
  return lines.join('\n');
}

/** A Mermaid Gantt chart (GitHub renders Mermaid in job summaries), in epoch milliseconds. */
export function timeline(journal: DrillJournal, milestones: Milestones): string {
  const bar = (name: string, tag: string, from: number | undefined, to: number | undefined) =>
    from !== undefined && to !== undefined && to >= from ? [`    ${name} :${tag}${from}, ${Math.max(to, from + 1)}`] : [];
  const end = milestones.restoredStandby ?? milestones.allWorkersBack ?? Date.now();
  const rows = [
    ...bar('faulted master ALIVE', 'done, ', journal.startedAt, milestones.lastAliveBeforeGap ?? milestones.fault),
    ...bar('no ALIVE master', 'crit, ', milestones.lastAliveBeforeGap ?? milestones.fault, milestones.firstAlive),
    ...bar('standby recovering', 'active, ', milestones.firstLeftStandby, milestones.firstAlive),
    ...bar('workers re-registering', 'active, ', milestones.firstAlive, milestones.allWorkersBack),
    ...bar('new master ALIVE', '', milestones.firstAlive, end),
    ...bar('running job', '', journal.startedAt, milestones.jobEnded),
    ...bar('faulted master restored to STANDBY', '', milestones.fault, milestones.restoredStandby),
  ];
  return mermaidGantt('Failover drill timeline', rows);
}
