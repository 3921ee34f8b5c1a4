import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One notification as Alertmanager's webhook sends it, with the time it arrived. */
export interface Notification {
  readonly receivedAt: number;
  readonly status: 'firing' | 'resolved';
  readonly alerts: readonly { status: string; labels: Record<string, string> }[];
}

/**
 * An HTTP receiver on loopback for Alertmanager's webhook, as a user's chat bridge or ticketing hook
 * would be: every notification it gets is kept, in order.
 */
export async function startWebhookReceiver(): Promise<{ url: string; notifications: Notification[]; close(): Promise<void> }> {
  const notifications: Notification[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      const payload = JSON.parse(body) as Omit<Notification, 'receivedAt'>;
      notifications.push({ receivedAt: Date.now(), status: payload.status, alerts: payload.alerts });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/alerts`,
    notifications,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The names of the alerts notifications carried in `state`. */
export function notifiedAlerts(notifications: readonly Notification[], state: 'firing' | 'resolved'): string[] {
  return notifications.flatMap((notification) => notification.alerts.filter((alert) => alert.status === state).map((alert) => alert.labels.alertname ?? ''));
}
