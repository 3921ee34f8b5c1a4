import { existsSync } from 'node:fs';
import path from 'node:path';
import { $ } from 'zx/core';
import type { Log } from '../core/log.js';
import { buildGoModule } from './go-build.js';
import { unpackedPackage } from './debian-packages.js';

/** Prometheus, Alertmanager and the blackbox exporter with their command-line tools. */
export interface MonitoringTools {
  readonly prometheus: string;
  readonly promtool: string;
  readonly alertmanager: string;
  readonly amtool: string;
  readonly blackboxExporter: string;
}

/** Debian's packages and the programs each one carries (Debian renames some of them). */
const PACKAGES = {
  prometheus: { prometheus: 'prometheus', promtool: 'promtool' },
  'prometheus-alertmanager': { amtool: 'amtool' },
  'prometheus-blackbox-exporter': { blackboxExporter: 'prometheus-blackbox-exporter' },
} as const;

/** Debian's version of Alertmanager, built from its upstream module when none is installed. */
const ALERTMANAGER_VERSION = 'v0.25.0';

/**
 * The monitoring programs: from PATH when there (a monitoring VM, a user's machine), else Debian's packages
 * downloaded with `apt-get download` and unpacked into the tool cache, with nothing installed as root and
 * no service started: they are static Go programs that run from wherever they are unpacked. Alertmanager
 * is the exception: Debian's build reads its notification template from /usr/share/prometheus, so
 * unpacked elsewhere it cannot start; the same version is built from the Go module proxy instead.
 */
export async function ensureMonitoringTools(toolCache: string, log: Log): Promise<MonitoringTools> {
  const tools: Record<string, string> = { alertmanager: await ensureAlertmanager(toolCache, log) };
  for (const [name, programs] of Object.entries(PACKAGES)) {
    const onPath = await Promise.all(Object.values(programs).map(whichProgram));
    const directory = onPath.every(Boolean) ? undefined : await unpackedPackage(name, toolCache, log);
    Object.entries(programs).forEach(([key, program], index) => {
      tools[key] = directory ? path.join(directory, 'usr', 'bin', program) : onPath[index]!;
    });
  }
  return tools as unknown as MonitoringTools;
}

async function ensureAlertmanager(toolCache: string, log: Log): Promise<string> {
  const installed = (await whichProgram('alertmanager')) ?? (await whichProgram('prometheus-alertmanager'));
  if (installed) return installed;
  const binary = path.join(toolCache, 'alertmanager', ALERTMANAGER_VERSION, 'bin', 'alertmanager');
  if (existsSync(binary)) return binary;
  log.info(`Building Alertmanager ${ALERTMANAGER_VERSION} from the Go module proxy into ${path.dirname(binary)}`);
  return buildGoModule({ module: 'github.com/prometheus/alertmanager', version: ALERTMANAGER_VERSION, packagePath: './cmd/alertmanager', output: binary });
}

async function whichProgram(program: string): Promise<string | undefined> {
  const result = await $`command -v ${program}`.quiet().nothrow();
  return result.exitCode === 0 ? result.stdout.trim() : undefined;
}
