import type { Log } from './log.js';

/** Where raw inputs come from: the GitHub runner, the Azure DevOps agent or the command line. */
export interface InputSource {
  /** The raw value, or undefined when the input was not given (an empty string counts as not given). */
  get(name: string): string | undefined;
}

/** Where a run may read and write, as its platform defines it. Only doors know where these come from. */
export interface PipelineDirectories {
  /** The user's files: every relative path an input gives is resolved against it. */
  readonly workspace: string;
  /** This run's scratch space: plans, inventories, journals, keys. */
  readonly temp: string;
  /** Kept between runs: installed tools and built plugins. */
  readonly toolCache: string;
}

/** A place the platform has the run write, named as the platform names it (an environment variable, a flag). */
export interface WritablePlace {
  readonly label: string;
  readonly path: string;
  /** directory: must exist and be writable. file: may be missing, but its folder must exist and be writable. */
  readonly kind: 'directory' | 'file';
  readonly fix: string;
}

/**
 * What an action needs from the platform it runs on. The GitHub, Azure DevOps and command-line doors
 * implement it; actions never touch a platform library or a platform variable directly.
 */
export interface Pipeline {
  readonly inputs: InputSource;
  readonly log: Log;
  readonly directories: PipelineDirectories;
  group<T>(title: string, body: () => Promise<T>): Promise<T>;
  setOutput(name: string, value: string): void;
  /** Masks the value, line by line, in every later log line. */
  setSecret(value: string): void;
  /**
   * Writes a file holding a secret (a private key, backend credentials) into the run's private scratch
   * directory, mode 0600, and returns its path. The directory goes when the action ends, however it ends.
   */
  secretFile(name: string, content: string): string;
  /** Removes what the run left in its scratch directory; the doors' runAction calls it. */
  cleanUp(): Promise<void>;
  /** Appends Markdown to the run's summary page. */
  appendSummary(markdown: string): Promise<void>;
  /** How the platform names an input to a person: `'masters'` in a pipeline, `--masters` on the command line. */
  inputLabel(input: string): string;
  /** Where the platform has the run write (temp, outputs, summary): checked before the action acts. */
  readonly writes: readonly WritablePlace[];
  /** Marks the run failed with one line; the process then exits non-zero. */
  fail(message: string): void;
  /** Marks the run succeeded where the platform wants it said (Azure DevOps); elsewhere a no-op. */
  succeed(): void;
}

export type ActionBody = (pipeline: Pipeline) => Promise<void>;
