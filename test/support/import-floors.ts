import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The floors of src/, highest first: a module may import from its own folder or from a lower floor, never
 * from a higher one, and never sideways into another folder of its floor. Doors translate for one platform
 * each: only entries wire them to actions.
 */
export const FLOORS: readonly (readonly string[])[] = [['entries'], ['actions'], ['operations'], ['local', 'azure', 'doors'], ['tools'], ['core']];

/**
 * Rooms inside two floors, by the same rule. Each action is a room: actions meet only through
 * `actions/shared`, never by calling one another. Core's domains are rooms on floors of their own, highest
 * first, with core's loose files (errors, log, the Pipeline port) the ground every room stands on.
 */
export const ROOMS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  actions: [['image-build', 'provision', 'rolling-update', 'smoke-test', 'failover-drill', 'local-verify'], ['shared']],
  core: [['drill', 'rolling', 'monitoring', 'infra'], ['nodes'], ['cluster'], ['spark'], ['zookeeper'], ['inputs'], ['']],
};

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

/** The room of a file on a floor with rooms: `actions/provision`, `core/cluster`, or `core/` for core's loose files. */
function roomOf(file: string): { floor: string; room: string } | undefined {
  const [floor, ...rest] = file.split('/');
  if (ROOMS[floor!] === undefined) return undefined;
  return { floor: floor!, room: rest.length > 1 ? rest[0]! : '' };
}

function roomFloorOf(floor: string, room: string): number {
  const level = ROOMS[floor]!.findIndex((rooms) => rooms.includes(room));
  if (level < 0) throw new Error(`src/${floor}/${room} is in no room: add it to ROOMS`);
  return level;
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
      if (to === from) {
        const [a, b] = [roomOf(file.path), roomOf(target)];
        if (!a || !b || a.room === b.room) continue;
        if (roomFloorOf(a.floor, b.room) < roomFloorOf(a.floor, a.room)) violations.push(`${file.path} imports ${target}, a higher room of ${a.floor}/`);
        else if (roomFloorOf(a.floor, b.room) === roomFloorOf(a.floor, a.room)) violations.push(`${file.path} imports ${target}, a sibling room: meet through a lower one`);
        continue;
      }
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
