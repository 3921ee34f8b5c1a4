import { formatClusterDescription, formatTable } from '../../local/cluster-table.js';
import { rollingFigures } from '../../core/rolling/rolling-journal.js';
import type { RollingReport } from '../../operations/rolling-update.js';
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
        ? `recovery ${drill.figures.recoverySeconds} s, no ALIVE master for ${drill.figures.aliveGapSeconds} s; job survived, ${journal.experiment.faultedMaster} back as STANDBY`
        : drill.reasons.join('; '),
    ]),
    ...(report.rollingUpdate ? [rollingRow(report.rollingUpdate)] : []),
  ];
  return [
    formatClusterDescription(report.cluster),
    '',
    formatTable(['CHECK', 'VERDICT', 'DETAIL'], rows),
    '',
    report.passed ? 'All checks passed.' : 'Some checks FAILED: see docs/runbook.md.',
  ].join('\n');
}

function rollingRow(report: RollingReport): string[] {
  const figures = rollingFigures(report.journal);
  return [
    'rolling update',
    report.halted ? 'FAILED' : 'passed',
    report.halted
      ? `halted at ${report.halted.step}: ${report.halted.reason}`
      : `${figures.stepSeconds.length} nodes in ${figures.totalSeconds} s, no ALIVE master for ${figures.noAliveSeconds} s (${report.journal.method})`,
  ];
}
