import { describe, expect, it } from 'vitest';
import { drillSummary } from '../../src/actions/failover-drill/drill-summary.js';
import type { MasterObservation } from '../../src/core/cluster/master-set.js';
import type { DrillAction, DrillCheck, DrillJournal, JournalEntry } from '../../src/core/drill/journal.js';
import { figures } from '../../src/core/drill/milestones.js';
import { verdictOf } from '../../src/core/drill/verdict.js';

const T0 = 1_800_000_000_000;
const m = (a: string, b: string, workersAtB = 0, workersAtA = 2): MasterObservation[] => [
  { address: 'm1:7077', status: a, aliveWorkers: a === 'ALIVE' ? workersAtA : 0 },
  { address: 'm2:7077', status: b, aliveWorkers: workersAtB },
];
const probe = (seconds: number, masters: MasterObservation[]): JournalEntry => ({ at: T0 + seconds * 1000, kind: 'probe', masters });
const action = (seconds: number, name: DrillAction): JournalEntry => ({ at: T0 + seconds * 1000, kind: 'action', action: name, detail: '' });
const check = (seconds: number, name: DrillCheck, ok = true): JournalEntry => ({ at: T0 + seconds * 1000, kind: 'check', check: name, ok, detail: ok ? 'fine' : 'broken' });

function journal(entries: JournalEntry[], maxRecoverySeconds = 12): DrillJournal {
  return {
    experiment: { fault: 'kill', faultedMaster: 'm1:7077', masters: ['m1:7077', 'm2:7077'], expectedWorkers: 2, maxRecoverySeconds, graceSeconds: 5 },
    startedAt: T0,
    entries,
  };
}

// A hard kill at 10 s: m2 recovers at 16 s, ALIVE at 16.5 s, both workers back at 17 s.
const hardKill = [
  probe(9.9, m('ALIVE', 'STANDBY')),
  action(10, 'fault'),
  probe(10.1, m('DOWN', 'STANDBY')),
  probe(16, m('DOWN', 'RECOVERING')),
  probe(16.5, m('DOWN', 'ALIVE', 1)),
  probe(17, m('DOWN', 'ALIVE', 2)),
  check(20, 'restored master is STANDBY'),
  probe(21, m('STANDBY', 'ALIVE', 2)),
  action(40, 'job ended'),
];

describe('failover drill figures and verdict, from the journal alone', () => {
  it('reads the milestones of a hard kill', () => {
    const computed = figures(journal(hardKill));
    expect(computed.milestones).toEqual({
      fault: T0 + 10_000,
      lastAliveBeforeGap: T0 + 9_900,
      firstLeftStandby: T0 + 16_000,
      firstAlive: T0 + 16_500,
      allWorkersBack: T0 + 17_000,
      jobEnded: T0 + 40_000,
      restoredStandby: T0 + 20_000,
    });
    expect(computed.recoverySeconds).toBe(7);
    expect(computed.aliveGapSeconds).toBe(6.6);
    expect(verdictOf(journal(hardKill))).toMatchObject({ passed: true, reasons: [] });
  });

  it('fails a recovery slower than maxRecoverySeconds', () => {
    expect(verdictOf(journal(hardKill, 5)).reasons).toEqual(['recovery took 7 s, more than maxRecoverySeconds 5']);
  });

  it('fails when no standby ever takes over, and when a check failed', () => {
    const stuck = [probe(9.9, m('ALIVE', 'STANDBY')), action(10, 'fault'), probe(60, m('DOWN', 'STANDBY')), check(61, 'a standby took over with every worker', false)];
    expect(verdictOf(journal(stuck)).reasons).toEqual(['a standby took over with every worker: broken', 'no standby became ALIVE with every expected worker back']);
  });

  it('tolerates two ALIVE masters within the grace period, not after it', () => {
    const paused = [...hardKill, probe(19, m('ALIVE', 'ALIVE', 2))];
    expect(verdictOf(journal(paused)).passed).toBe(true);
    const splitBrain = [...hardKill, probe(30, m('ALIVE', 'ALIVE', 2))];
    expect(verdictOf(journal(splitBrain)).reasons).toEqual(['1 probes saw more than one ALIVE master after the 5 s grace period']);
  });

  it('renders the summary and a Mermaid timeline from the journal', () => {
    const summary = drillSummary(journal(hardKill), verdictOf(journal(hardKill)));
    expect(summary).toContain('### Failover drill ✅ passed');
    expect(summary).toContain('| recovery (fault to ALIVE with every worker) | 7 s |');
    expect(summary).toContain('| first ALIVE | 6.5 s |');
    expect(summary).toMatch(/```mermaid\ngantt\n/);
    expect(summary).toContain(`    no ALIVE master :crit, ${T0 + 9_900}, ${T0 + 16_500}`);
    expect(summary).toContain('| restored master is STANDBY | ok | fine |');
  });
});
