import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * TEST HARNESS STAND-IN for Azure's Instance Metadata Service, on loopback: the parts the scheduled-events
 * handler reads (the instance's name and private address, the scheduled events document) and the approval
 * it posts back. Azure itself cannot be reached from here; the document's shape is IMDS's (api 2020-07-01).
 */
export async function startImdsStandIn(instance: { name: string; address: string }): Promise<{
  url: string;
  schedule(event: { EventId: string; EventType: string; Resources: string[] }): void;
  approvals: { at: number; eventIds: string[] }[];
  close(): Promise<void>;
}> {
  const events: { EventId: string; EventType: string; ResourceType: string; Resources: string[]; EventStatus: string; NotBefore: string }[] = [];
  const approvals: { at: number; eventIds: string[] }[] = [];
  const server = createServer((request, response) => {
    if (request.headers.metadata !== 'true') return void response.writeHead(400).end('Metadata header missing');
    const url = new URL(request.url ?? '/', 'http://imds');
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      if (url.pathname === '/metadata/instance/compute/name') return void response.writeHead(200).end(instance.name);
      if (url.pathname === '/metadata/instance/network/interface/0/ipv4/ipAddress/0/privateIpAddress') return void response.writeHead(200).end(instance.address);
      if (url.pathname !== '/metadata/scheduledevents') return void response.writeHead(404).end();
      if (request.method === 'POST') {
        const eventIds = (JSON.parse(body) as { StartRequests: { EventId: string }[] }).StartRequests.map((start) => start.EventId);
        approvals.push({ at: Date.now(), eventIds });
        for (const event of events) if (eventIds.includes(event.EventId)) event.EventStatus = 'Started';
        return void response.writeHead(200).end();
      }
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ DocumentIncarnation: events.length, Events: events }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    schedule: (event) => events.push({ ...event, ResourceType: 'VirtualMachine', EventStatus: 'Scheduled', NotBefore: new Date(Date.now() + 300_000).toUTCString() }),
    approvals,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
