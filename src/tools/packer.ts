import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { $ } from 'zx/core';
import type { Log } from '../core/log.js';
import { partialPath, publish } from './cache-entry.js';
import { buildGoModule } from './go-build.js';

interface PackerPlugin {
  readonly name: string;
  readonly module: string;
  readonly version: string;
  readonly unlistedInChecksumDatabase?: boolean;
}

/**
 * Versions the Go module proxy serves here (it refused Packer 1.14.2, the azure plugin's 2.3.3 and the
 * ansible plugin's 1.1.4 zip). The template's required_plugins accept these and any later release, which
 * `packer init` fetches on a runner that reaches GitHub.
 */
export const PACKER_VERSION = 'v1.9.4';
export const PACKER_PLUGINS: readonly PackerPlugin[] = [
  { name: 'azure', module: 'github.com/hashicorp/packer-plugin-azure', version: 'v1.4.5' },
  // 1.1.0 and later: its SSH proxy speaks the signature algorithms OpenSSH 8.8 and later require.
  // The checksum database has no entry for this version; the proxy serves it and its go.sum pins the rest.
  { name: 'ansible', module: 'github.com/hashicorp/packer-plugin-ansible', version: 'v1.1.2', unlistedInChecksumDatabase: true },
];

/** Oldest Packer with `packer init` and required_plugins: older ones cannot load the template's plugins. */
const OLDEST_USABLE = [1, 7] as const;

export interface PackerTool {
  readonly command: string;
  /** What to add to the environment of every packer command (the plugin directory of a built Packer). */
  readonly env: Record<string, string>;
}

/**
 * Packer: the one on PATH when it is 1.7 or later (it runs `packer init` itself); otherwise Packer and its
 * plugins built once into the tool cache, which is said in the log with the directory.
 */
export async function ensurePacker(toolCache: string, log: Log): Promise<PackerTool> {
  const onPath = await $({ nothrow: true, quiet: true })`packer version`;
  const version = /Packer v(\d+)\.(\d+)/.exec(onPath.stdout);
  if (onPath.exitCode === 0 && version) {
    const [major, minor] = [Number(version[1]), Number(version[2])];
    if (major > OLDEST_USABLE[0] || (major === OLDEST_USABLE[0] && minor >= OLDEST_USABLE[1])) return { command: 'packer', env: {} };
    log.info(`Packer on PATH is ${version[0]}, older than 1.7 (no packer init): using Packer ${PACKER_VERSION} from the tool cache instead`);
  }
  return builtPacker(toolCache, log);
}

/** Packer and its plugins, built from the Go module proxy into the tool cache once, then reused. */
export async function builtPacker(toolCache: string, log: Log): Promise<PackerTool> {
  const home = path.join(toolCache, 'packer', PACKER_VERSION);
  const command = path.join(home, 'bin', 'packer');
  const pluginDirectory = path.join(home, 'plugins');
  if (!existsSync(command)) {
    log.info(`Building Packer ${PACKER_VERSION} from the Go module proxy into ${path.dirname(command)} (once; about 4 min on 2 cores)`);
    const partial = partialPath(command);
    await buildGoModule({ module: 'github.com/hashicorp/packer', version: PACKER_VERSION, output: partial });
    publish(partial, command);
  }
  for (const plugin of PACKER_PLUGINS) await installPlugin(plugin, pluginDirectory, log);
  return { command, env: { PACKER_PLUGIN_PATH: pluginDirectory, CHECKPOINT_DISABLE: '1' } };
}

/**
 * A plugin where `packer init` would put it: <dir>/github.com/hashicorp/<name>/packer-plugin-<name>_v<version>_<api>_<os>_<arch>
 * beside a _SHA256SUM file, both named from what the binary itself reports (`describe`).
 */
async function installPlugin(plugin: PackerPlugin, pluginDirectory: string, log: Log): Promise<void> {
  const directory = path.join(pluginDirectory, 'github.com', 'hashicorp', plugin.name);
  const marker = path.join(directory, `.built-${plugin.version}`);
  if (existsSync(marker)) return;
  log.info(`Building the Packer ${plugin.name} plugin ${plugin.version} from the Go module proxy into ${directory} (once)`);
  const built = await buildGoModule({
    module: plugin.module,
    version: plugin.version,
    output: partialPath(path.join(directory, `build-${plugin.version}`)),
    // A release build clears the "dev" pre-release marker the source carries, as the plugin's own release does.
    ldflags: `-X ${plugin.module}/version.VersionPrerelease=`,
    unlistedInChecksumDatabase: plugin.unlistedInChecksumDatabase ? [plugin.module] : [],
  });
  const described = JSON.parse((await $({ quiet: true })`${built} describe`).stdout) as { version: string; api_version: string };
  const platform = `${process.platform}_${process.arch === 'x64' ? 'amd64' : process.arch}`;
  const binary = path.join(directory, `packer-plugin-${plugin.name}_v${described.version}_${described.api_version}_${platform}`);
  publish(built, binary);
  writeFileSync(`${binary}_SHA256SUM`, createHash('sha256').update(readFileSync(binary)).digest('hex'));
  writeFileSync(marker, `${binary}\n`);
}
