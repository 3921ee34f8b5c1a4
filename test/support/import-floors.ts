import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The floors of src/, highest first: a module may import from its own folder or from a lower floor, never
 * from a higher one, and never sideways into another folder of its floor. Doors translate for one platform
 * each: only entries wire them to actions.
 */
export const FLOORS: readonly (readonly string[])[] = [['entries'], ['actions'], ['operations'], ['local', 'azure', 'doors'], ['tools'], ['core']];

/** Variables a CI platform sets: only a door may read them. */
export const PLATFORM_VARIABLE = /\b(GITHUB_|RUNNER_|AGENT_|SYSTEM_|BUILD_|INPUT_|TF_BUILD\b)[A-Z_]*/;

export interface SourceFile {
  /** Path relative to src/, with forward slashes: `actions/smoke-test/index.ts`. */
  readonly path: string;
  readonly text: string;
}

export function sourceFiles(srcDir: string): SourceFile[] {
  return readdirSync(srcDir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => ({ path: file.split(path.sep).join('/'), text: readFileSync(path.join(srcDir, file), 'utf8') }));
}

function folderOf(file: string): string {
  return file.split('/')[0]!;
}

function floorOf(folder: string): number {
  const floor = FLOORS.findIndex((folders) => folders.includes(folder));
  if (floor < 0) throw new Error(`src/${folder}/ is on no floor: add it to FLOORS`);
  return floor;
}

/** Every import that points up or sideways, and every platform variable read outside src/doors. */
export function floorViolations(files: readonly SourceFile[]): string[] {
  const violations: string[] = [];
  for (const file of files) {
    const from = folderOf(file.path);
    for (const imported of ts.preProcessFile(file.text, true, true).importedFiles) {
      if (!imported.fileName.startsWith('.')) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), imported.fileName));
      const to = folderOf(target);
      if (to === from) continue;
      if (to === 'doors' && from !== 'entries') violations.push(`${file.path} imports the door ${target}: only entries wire doors`);
      else if (floorOf(to) < floorOf(from)) violations.push(`${file.path} imports ${target}, a higher floor`);
      else if (floorOf(to) === floorOf(from)) violations.push(`${file.path} imports ${target}, sideways on its floor`);
    }
    if (from !== 'doors') {
      file.text.split('\n').forEach((line, index) => {
        if (/process\.env|getVariable|\benv\b/.test(line) && PLATFORM_VARIABLE.test(line)) {
          violations.push(`${file.path}:${index + 1} reads the platform variable ${PLATFORM_VARIABLE.exec(line)![0]}: only src/doors may`);
        }
      });
    }
  }
  return violations;
}
