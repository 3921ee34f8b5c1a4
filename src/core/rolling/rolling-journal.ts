import type { MasterObservation } from '../cluster/master-set.js';
import type { StepKind } from './rolling-plan.js';

/** A rolling update's record: every step, gate and master probe with its time. Reports are computed from it. */
export type RollingEntry =
  | { readonly at: number; readonly kind: 'step'; readonly step: number; readonly stepKind: StepKind; readonly nodes: readonly string[] }
  | { readonly at: number; readonly kind: 'applied'; readonly step: number; readonly detail: string }
  | { readonly at: number; readonly kind: 'gate'; readonly step: number; readonly ok: boolean; readonly waitedMs: number; readonly problems: readonly string[] }
  | { readonly at: number; readonly kind: 'halt'; readonly step: number; readonly reason: string }
  | { readonly at: number; readonly kind: 'probe'; readonly masters: readonly MasterObservation[] };

export interface RollingJournal {
  readonly startedAt: number;
  readonly method: string;
  readonly plan: readonly { readonly kind: StepKind; readonly nodes: readonly string[] }[];
  readonly entries: RollingEntry[];
  finishedAt?: number;
}

export interface RollingFigures {
  readonly completed: boolean;
  readonly totalSeconds: number;
  /** Sum over steps of the time from the step's start to its gate passing. */
  readonly stepSeconds: readonly { readonly nodes: readonly string[]; readonly seconds: number; readonly waitedSeconds: number }[];
  /** Total time the probes saw no ALIVE master. */
  readonly noAliveSeconds: number;
}

export function rollingFigures(journal: RollingJournal): RollingFigures {
  const entries = journal.entries;
  const steps = entries.filter((entry): entry is Extract<RollingEntry, { kind: 'step' }> => entry.kind === 'step');
  const gates = entries.filter((entry): entry is Extract<RollingEntry, { kind: 'gate' }> => entry.kind === 'gate');
  const stepSeconds = steps.flatMap((step) => {
    const gate = gates.find((candidate) => candidate.step === step.step && candidate.ok);
    return gate ? [{ nodes: step.nodes, seconds: round((gate.at - step.at) / 1000), waitedSeconds: round(gate.waitedMs / 1000) }] : [];
  });
  return {
    completed: stepSeconds.length === journal.plan.length && !entries.some((entry) => entry.kind === 'halt'),
    totalSeconds: round(((journal.finishedAt ?? Date.now()) - journal.startedAt) / 1000),
    stepSeconds,
    noAliveSeconds: round(noAliveMs(entries) / 1000),
  };
}

/** Time between consecutive probes where the earlier one saw no ALIVE master. */
function noAliveMs(entries: readonly RollingEntry[]): number {
  const probes = entries.filter((entry): entry is Extract<RollingEntry, { kind: 'probe' }> => entry.kind === 'probe');
  let total = 0;
  for (let index = 0; index + 1 < probes.length; index++) {
    if (!probes[index]!.masters.some((master) => master.status === 'ALIVE')) total += probes[index + 1]!.at - probes[index]!.at;
  }
  return total;
}

function round(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}
