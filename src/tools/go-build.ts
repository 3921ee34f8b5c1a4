import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { $ } from 'zx/core';
import { requireSuccess } from './tool-result.js';

/** The Go toolchain: the official install's when present (it is rarely on a service's PATH), else PATH's. */
export function goBinary(): string {
  return existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : 'go';
}

export interface GoBuild {
  /** Module path and version exactly as the Go module proxy serves them. */
  readonly module: string;
  readonly version: string;
  /** Package inside the module to build ('.' for the module's root). */
  readonly packagePath?: string;
  /** Where the executable goes. */
  readonly output: string;
  /** -X settings a release build passes (a release strips the "dev" marker this way). */
  readonly ldflags?: string;
  /** Modules the checksum database does not know (the proxy still serves them; their go.sum pins the rest). */
  readonly unlistedInChecksumDatabase?: readonly string[];
  /** What to do when it cannot be built; by default, install Go. */
  readonly fix?: string;
}

/**
 * Builds one executable from a module version on the Go module proxy. The module is downloaded and built in
 * place with its own go.mod and go.sum, like a release: `go install module@version` would do the same but
 * first asks the proxy for the module's version list, which some mirrors refuse.
 */
export async function buildGoModule(build: GoBuild): Promise<string> {
  const go = goBinary();
  const env = {
    ...process.env,
    GOFLAGS: '-buildvcs=false',
    ...(build.unlistedInChecksumDatabase?.length ? { GONOSUMDB: build.unlistedInChecksumDatabase.join(',') } : {}),
  };
  const what = `go build of ${build.module}@${build.version}`;
  const fix = build.fix ?? 'Install Go 1.24 or later (https://go.dev/dl) and let it reach the Go module proxy.';
  const download = requireSuccess(await $({ env, nothrow: true, quiet: true })`${go} mod download -json ${`${build.module}@${build.version}`}`, what, fix, (result) =>
    result.stdout.includes('"Error"') ? (JSON.parse(result.stdout) as { Error: string }).Error : `exit ${result.exitCode}: ${result.stderr.trim().split('\n').at(-1)}`,
  );
  const directory = (JSON.parse(download.stdout) as { Dir: string }).Dir;
  mkdirSync(path.dirname(build.output), { recursive: true });
  const ldflags = ['-s', '-w', build.ldflags ?? ''].join(' ').trim();
  const compile = await $({ cwd: directory, env, nothrow: true, quiet: true })`${go} build -mod=mod -trimpath -ldflags=${ldflags} -o ${build.output} ${build.packagePath ?? '.'}`;
  requireSuccess(compile, what, fix);
  return build.output;
}
