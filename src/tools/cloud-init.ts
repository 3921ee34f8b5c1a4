import path from 'node:path';
import { $ } from 'zx/core';
import type { Log } from '../core/log.js';
import { unpackedPackage } from './debian-packages.js';
import { ensurePythonEnvironment } from './installers.js';
import type { ToolResult } from './tool-result.js';

/** Debian's cloud-init, unpacked into the tool cache (not installed: it would run at this machine's next boot). */
export interface CloudInit {
  /** Runs `cloud-init <args>`. */
  run(args: readonly string[]): Promise<ToolResult>;
  /** Runs Python with cloud-init's modules importable (a test compares them with spark-azure's code). */
  python(args: readonly string[]): Promise<ToolResult>;
}

export async function ensureCloudInit(toolCache: string, log: Log): Promise<CloudInit> {
  const unpacked = await unpackedPackage('cloud-init', toolCache, log);
  const venv = await ensurePythonEnvironment('cloud-init', toolCache, log);
  const env = { ...process.env, PYTHONPATH: path.join(unpacked, 'usr', 'lib', 'python3', 'dist-packages') };
  const python = path.join(venv, 'bin', 'python');
  return {
    run: (args) => $({ env, nothrow: true, quiet: true })`${python} ${path.join(unpacked, 'usr', 'bin', 'cloud-init')} ${args}`,
    python: (args) => $({ env, nothrow: true, quiet: true })`${python} ${args}`,
  };
}
