import { type RollingJournal, rollingFigures } from '../../core/rolling/rolling-journal.js';
import type { RollingReport } from '../../operations/rolling-update.js';
import { escapeCell, mermaidGantt } from '../shared/markdown.js';

/** The job summary, computed from the journal: a row per step, the halt if any, and a timeline. */
export function rollingSummary(report: RollingReport): string {
  const { journal } = report;
  const figures = rollingFigures(journal);
  const gateOf = (step: number) => journal.entries.find((entry) => entry.kind === 'gate' && entry.step === step);
  const rows = journal.plan.map((step, index) => {
    const gate = gateOf(index);
    const verdict = gate?.kind !== 'gate' ? 'not reached' : gate.ok ? 'healthy' : 'FAILED';
    const applied = journal.entries.find((entry) => entry.kind === 'applied' && entry.step === index);
    const took = figures.stepSeconds.find((entry) => entry.nodes.join() === step.nodes.join());
    return `| ${index + 1} | ${step.kind} | ${step.nodes.join(', ')} | ${applied?.kind === 'applied' ? escapeCell(applied.detail) : '-'} | ${verdict} | ${took ? `${took.seconds} s` : '-'} |`;
  });
  return [
    `### Rolling update ${figures.completed ? '✅ completed' : '❌ HALTED'}`,
    '',
    `Method: ${journal.method}. Total ${figures.totalSeconds} s; no ALIVE master for ${figures.noAliveSeconds} s.`,
    ...(report.halted ? ['', `**Halted at step ${report.halted.step}**: ${escapeCell(report.halted.reason)}`, '', `Next: ${escapeCell(report.halted.next)}`] : []),
    '',
    '| # | step | nodes | applied | gate | start to healthy |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    timeline(journal),
  ].join('\n');
}

function timeline(journal: RollingJournal): string {
  const steps = journal.entries.filter((entry) => entry.kind === 'step');
  const rows = steps.flatMap((step) => {
    if (step.kind !== 'step') return [];
    const gate = journal.entries.find((entry) => entry.kind === 'gate' && entry.step === step.step);
    const end = gate?.at ?? journal.finishedAt ?? step.at + 1;
    return [`    ${step.nodes.join(' ')} :${gate?.kind === 'gate' && !gate.ok ? 'crit, ' : ''}${step.at}, ${Math.max(end, step.at + 1)}`];
  });
  return mermaidGantt('Rolling update timeline', rows);
}
