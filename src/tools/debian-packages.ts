import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { $ } from 'zx/core';
import type { Log } from '../core/log.js';
import { requireSuccess } from './tool-result.js';
import { partialPath, publish } from './cache-entry.js';

/** `<toolCache>/debian/<package>_<version>/`, unpacked once; a later run takes the newest already there. */
export async function unpackedPackage(name: string, toolCache: string, log: Log): Promise<string> {
  const cache = path.join(toolCache, 'debian');
  const cached = existsSync(cache)
    ? readdirSync(cache)
        .filter((entry) => entry.startsWith(`${name}_`) && !entry.endsWith('.partial'))
        .sort()
    : [];
  if (cached.length > 0) return path.join(cache, cached.at(-1)!);

  const download = await mkdtemp(path.join(os.tmpdir(), 'spark-azure-deb-'));
  try {
    let fetched = await $({ cwd: download })`apt-get download ${name}`.quiet().nothrow();
    if (fetched.exitCode !== 0 && process.getuid?.() === 0) {
      // A fresh machine often has no package lists yet; as root they can be fetched.
      await $`apt-get update -q`.quiet().nothrow();
      fetched = await $({ cwd: download })`apt-get download ${name}`.quiet().nothrow();
    }
    requireSuccess(fetched, `apt-get download ${name}`, 'Run `apt-get update` once (package lists may be missing), or install the package and rerun.');
    const deb = (await readdir(download)).find((file) => file.endsWith('.deb'))!;
    const version = (await $`dpkg-deb -f ${path.join(download, deb)} Version`.quiet()).stdout.trim().replace(/[^A-Za-z0-9.+~-]/g, '_');
    const target = path.join(cache, `${name}_${version}`);
    const partial = partialPath(target);
    await mkdir(partial, { recursive: true });
    requireSuccess(await $`dpkg-deb -x ${path.join(download, deb)} ${partial}`.quiet().nothrow(), `dpkg-deb -x ${deb}`, 'Check the free space of the tool cache.');
    publish(partial, target);
    log.info(`Unpacked Debian's ${name} ${version} into ${target} (not installed; nothing runs as a service)`);
    return target;
  } finally {
    await rm(download, { recursive: true, force: true });
  }
}
