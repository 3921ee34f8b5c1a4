import { formatClusterDescription, formatTable } from './cluster-table.js';
import type { VerifyReport } from './verify.js';

export function formatVerifyReport(report: VerifyReport): string {
  const smoke = report.smokeTest;
  return [
    formatClusterDescription(report.cluster),
    '',
    formatTable(
      ['CHECK', 'VERDICT', 'DETAIL'],
      [
        ['cluster healthy', report.cluster.healthy ? 'passed' : 'FAILED', report.cluster.healthy ? `${report.cluster.nodes.length} nodes` : report.cluster.problems.join('; ')],
        ['smoke test', smoke.passed ? 'passed' : 'FAILED', `${smoke.reason} (${smoke.applicationId ?? 'no application'}, ${smoke.durationSeconds} s, ALIVE master ${smoke.aliveMaster})`],
      ],
    ),
    '',
    report.passed ? 'All checks passed. Stop the cluster with: npx spark-azure local down' : 'Some checks FAILED: see docs/runbook.md.',
  ].join('\n');
}
