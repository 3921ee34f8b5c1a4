import { CancelledError } from '../core/cancellation.js';
import { type ActiveAlert, activeAlerts } from '../core/monitoring/alertmanager-alerts.js';
import { sleep } from '../core/wait.js';

/** An alert that became active, or stopped being active, at Alertmanager. */
export interface AlertChange {
  readonly at: number;
  readonly alert: string;
  readonly state: 'firing' | 'resolved';
}

/**
 * Reads Alertmanager's active alerts every `intervalMs` and records each change: an alert firing, an
 * alert gone (resolved). An Alertmanager that does not answer is recorded by the caller's checks, not
 * here: a read that fails is simply retried.
 */
export class AlertWatcher {
  private running = true;
  private active = new Set<string>();
  private readonly loop: Promise<void>;
  readonly changes: AlertChange[] = [];
  /** Whether Alertmanager answered at least once. */
  answered = false;

  constructor(alertmanagerUrl: string, intervalMs = 250) {
    this.loop = (async () => {
      while (this.running) {
        const at = Date.now();
        const now = await activeAlerts(alertmanagerUrl, Math.max(intervalMs * 4, 1000)).then(
          (alerts: ActiveAlert[]) => new Set(alerts.map((alert) => alert.name)),
          () => undefined,
        );
        if (now) {
          this.answered = true;
          for (const alert of now) if (!this.active.has(alert)) this.changes.push({ at, alert, state: 'firing' });
          for (const alert of this.active) if (!now.has(alert)) this.changes.push({ at, alert, state: 'resolved' });
          this.active = now;
        }
        await sleep(Math.max(0, intervalMs - (Date.now() - at)));
      }
    })().catch((error: unknown) => {
      if (!(error instanceof CancelledError)) throw error;
    });
  }

  isActive(alert: string): boolean {
    return this.active.has(alert);
  }

  firstChange(alert: string, state: AlertChange['state'], after = 0): AlertChange | undefined {
    return this.changes.find((change) => change.alert === alert && change.state === state && change.at >= after);
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}
