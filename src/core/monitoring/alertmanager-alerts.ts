import { httpGetJson } from '../http-get-json.js';

export interface ActiveAlert {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly startsAt: string;
}

/** The alerts Alertmanager holds as active now (API v2); resolved ones are gone from this list. */
export async function activeAlerts(alertmanagerUrl: string, timeoutMs = 2000): Promise<ActiveAlert[]> {
  const alerts = (await httpGetJson(`${alertmanagerUrl.replace(/\/$/, '')}/api/v2/alerts?active=true&silenced=false&inhibited=true`, timeoutMs)) as {
    labels: Record<string, string>;
    startsAt: string;
    status: { state: string };
  }[];
  return alerts
    .filter((alert) => alert.status.state === 'active' || alert.status.state === 'suppressed')
    .map((alert) => ({ name: alert.labels.alertname ?? '', labels: alert.labels, startsAt: alert.startsAt }));
}
