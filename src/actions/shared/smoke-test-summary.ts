import { escapeCell } from './markdown.js';
import type { SparkJobReport } from '../../operations/spark-job.js';

export function smokeTestSummary(report: SparkJobReport): string {
  const rows: [string, string][] = [
    ['Verdict', report.passed ? 'passed' : 'FAILED'],
    ['Reason', report.reason],
    ['Result', report.result ?? '-'],
    ['Application', report.applicationId ?? '-'],
    ['ALIVE master', report.aliveMaster],
    ['Duration', `${report.durationSeconds} s`],
  ];
  return [`### Spark smoke test ${report.passed ? '✅' : '❌'}`, '', '| | |', '|---|---|', ...rows.map(([key, value]) => `| ${key} | ${escapeCell(value)} |`), ''].join('\n');
}
