import { ToolAnswerError } from '../errors.js';
/** The parts of a Spark master's `/json/` page that spark-azure reads, parsed defensively. */

export type MasterStatus = 'ALIVE' | 'STANDBY' | 'RECOVERING' | 'COMPLETING_RECOVERY';
export type WorkerStatus = 'ALIVE' | 'DEAD' | 'DECOMMISSIONED' | 'UNKNOWN';

export interface WorkerView {
  readonly id: string;
  readonly host: string;
  readonly port: number;
  readonly state: WorkerStatus;
  readonly cores: number;
  /** Cores its executors use now: above 0 while it runs executors. */
  readonly coresUsed: number;
  readonly memoryMb: number;
}

export interface ApplicationView {
  readonly id: string;
  readonly name: string;
  readonly state: string;
  readonly startTime?: number;
  readonly duration?: number;
}

export interface MasterJson {
  readonly url: string;
  readonly status: MasterStatus;
  readonly workers: readonly WorkerView[];
  readonly aliveWorkers: number;
  readonly activeApps: readonly ApplicationView[];
  readonly completedApps: readonly ApplicationView[];
  /** Cluster-mode drivers, by id and state (RUNNING, FINISHED, FAILED, ...). */
  readonly activeDrivers: readonly DriverView[];
  readonly completedDrivers: readonly DriverView[];
}

export interface DriverView {
  readonly id: string;
  readonly state: string;
}

type Json = Record<string, unknown>;

export function parseMasterJson(body: unknown): MasterJson {
  if (typeof body !== 'object' || body === null) throw new ToolAnswerError("a Spark master's /json/ page", 'a JSON object', 'a page that is not a JSON object');
  const page = body as Json;
  const status = String(page.status ?? '');
  if (!['ALIVE', 'STANDBY', 'RECOVERING', 'COMPLETING_RECOVERY'].includes(status)) {
    throw new ToolAnswerError("a Spark master's /json/ page", 'a status of ALIVE, STANDBY, RECOVERING or COMPLETING_RECOVERY', `the unknown status ${JSON.stringify(page.status)}`);
  }
  const workers = asArray(page.workers).map(
    (worker): WorkerView => ({
      id: String(worker.id ?? ''),
      host: String(worker.host ?? ''),
      port: Number(worker.port ?? 0),
      state: (String(worker.state ?? 'UNKNOWN') as WorkerStatus) ?? 'UNKNOWN',
      cores: Number(worker.cores ?? 0),
      coresUsed: Number(worker.coresused ?? 0),
      memoryMb: Number(worker.memory ?? 0),
    }),
  );
  return {
    url: String(page.url ?? ''),
    status: status as MasterStatus,
    workers,
    aliveWorkers: Number(page.aliveworkers ?? workers.filter((worker) => worker.state === 'ALIVE').length),
    activeApps: asArray(page.activeapps).map(toApplication),
    completedApps: asArray(page.completedapps).map(toApplication),
    activeDrivers: asArray(page.activedrivers).map(toDriver),
    completedDrivers: asArray(page.completeddrivers).map(toDriver),
  };
}

function toApplication(app: Json): ApplicationView {
  return {
    id: String(app.id ?? ''),
    name: String(app.name ?? ''),
    state: String(app.state ?? ''),
    startTime: typeof app.starttime === 'number' ? app.starttime : undefined,
    duration: typeof app.duration === 'number' ? app.duration : undefined,
  };
}

function toDriver(driver: Json): DriverView {
  return { id: String(driver.id ?? ''), state: String(driver.state ?? '') };
}

function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter((item): item is Json => typeof item === 'object' && item !== null) : [];
}
