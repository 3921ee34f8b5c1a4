import type { ScaleJournal, ScaleVerdict } from '../../core/drill/scale-journal.js';
import { escapeCell } from '../shared/markdown.js';

/** The scale drill's job summary, rendered from its journal. */
export function scaleSummary(journal: ScaleJournal, verdict: ScaleVerdict): string {
  const { workersBefore, workersDuring } = journal.experiment;
  const figure = (value: number | undefined, unit = ' s') => (value === undefined ? '-' : `${value}${unit}`);
  return [
    `### Scale drill ${verdict.passed ? '✅ passed' : '❌ FAILED'}`,
    '',
    `Workers ${workersBefore} → ${workersDuring} → ${workersBefore} while a job runs.`,
    '',
    '| figure | value |',
    '|---|---|',
    `| scale-out to the new workers running executors | ${figure(verdict.figures.scaleOutSeconds)} |`,
    `| scale-in to the leaving workers gone | ${figure(verdict.figures.scaleInSeconds)} |`,
    `| failed tasks | ${figure(verdict.figures.failedTasks, '')} |`,
    '',
    '| check | result |',
    '|---|---|',
    ...journal.entries.filter((entry) => entry.kind === 'check').map((entry) => `| ${entry.check} | ${entry.ok ? 'ok' : '**FAILED**'}: ${escapeCell(entry.detail)} |`),
    '',
  ].join('\n');
}
