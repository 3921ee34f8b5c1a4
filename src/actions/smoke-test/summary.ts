import type { SmokeTestReport } from './run-smoke-test.js';

export function smokeTestSummary(report: SmokeTestReport): string {
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

export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}
