import path from 'node:path';

/** A module of a saved plan's configuration snapshot, with the directory Terraform loaded it from. */
interface PlanModule {
  readonly key: string;
  readonly dir: string;
}

/**
 * Where a saved plan's configuration differs from the root it is about to be applied in: each .tf file
 * of every module the plan was made from, compared with the same file under the root now. A plan made
 * in another root, or before the configuration changed, differs; empty means the plan is this root's.
 *
 * `planFiles` are the plan's entries (`tfconfig/modules.json`, `tfconfig/m-<key>/<file>`); `readFile`
 * reads a file under the root, undefined when absent; `listTf` lists a directory's .tf files.
 */
export function planConfigurationDifferences(
  planFiles: ReadonlyMap<string, Buffer>,
  readFile: (relative: string) => Buffer | undefined,
  listTf: (relativeDir: string) => string[],
): string[] {
  const modulesJson = planFiles.get('tfconfig/modules.json');
  if (!modulesJson) return ['the plan holds no configuration snapshot (is it a saved Terraform plan?)'];
  const modules = [
    { key: '', dir: '.' },
    ...(JSON.parse(modulesJson.toString('utf8')).Modules ?? []).map((module: { Key: string; Dir: string }) => ({ key: module.Key, dir: module.Dir })),
  ] as PlanModule[];
  const differences: string[] = [];
  for (const module of new Map(modules.map((entry) => [entry.key, entry])).values()) {
    const prefix = `tfconfig/m-${module.key}/`;
    const planned = [...planFiles.keys()].filter((name) => name.startsWith(prefix) && name.endsWith('.tf')).map((name) => name.slice(prefix.length));
    const present = listTf(module.dir);
    for (const file of new Set([...planned, ...present])) {
      const relative = path.posix.join(module.dir, file);
      const now = readFile(relative);
      const then = planFiles.get(prefix + file);
      if (!now) differences.push(`${relative} is gone`);
      else if (!then) differences.push(`${relative} is new`);
      else if (!now.equals(then)) differences.push(`${relative} changed`);
    }
  }
  return differences;
}
