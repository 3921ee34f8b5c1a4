import type { LocalClusterDescription } from './local-cluster.js';

/** The human view of `local status` and `local up`: links first, then one row per node. */
export function formatClusterDescription(description: LocalClusterDescription): string {
  const lines = [
    `Master URL:        ${description.masterUrl}`,
    `ZooKeeper connect: ${description.zookeeperConnect}`,
    `Master UIs:        ${description.masterUis.join('  ')}`,
    `Health:            ${description.healthy ? 'healthy' : `NOT healthy: ${description.problems.join('; ')}`}`,
    '',
    formatTable(
      ['NODE', 'ROLE', 'ADDRESS', 'PID', 'STATE'],
      description.nodes.map((node) => [node.name, node.role, node.address, node.pid === null ? '-' : String(node.pid), node.state]),
    ),
  ];
  return lines.join('\n');
}

export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const format = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return [format(header), ...rows.map(format)].join('\n');
}
