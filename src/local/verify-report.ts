import { formatClusterDescription, formatTable } from './cluster-table.js';
import type { VerifyReport } from './verify.js';

export function formatVerifyReport(report: VerifyReport): string {
  const smoke = report.smokeTest;
  const verdict = (passed: boolean) => (passed ? 'passed' : 'FAILED');
  const rows = [
    ['cluster healthy', verdict(report.cluster.healthy), report.cluster.healthy ? `${report.cluster.nodes.length} nodes` : report.cluster.problems.join('; ')],
    ['smoke test', verdict(smoke.passed), `${smoke.reason} (${smoke.applicationId ?? 'no application'}, ${smoke.durationSeconds} s)`],
    ...report.drills.map(({ journal, verdict: drill }) => [
      `failover drill (${journal.experiment.fault})`,
      verdict(drill.passed),
      drill.passed
        ? `recovery ${drill.figures.recoverySeconds} s, no ALIVE master for ${drill.figures.aliveGapSeconds} s; job survived, ${journal.experiment.target} back as STANDBY`
        : drill.reasons.join('; '),
    ]),
  ];
  return [
    formatClusterDescription(report.cluster),
    '',
    formatTable(['CHECK', 'VERDICT', 'DETAIL'], rows),
    '',
    report.passed ? 'All checks passed.' : 'Some checks FAILED: see docs/runbook.md.',
  ].join('\n');
}
