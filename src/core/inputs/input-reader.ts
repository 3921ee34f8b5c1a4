import { InputError, describeValue } from '../errors.js';

/** Where raw inputs come from: the GitHub runner, the Azure DevOps agent or the command line. */
export interface InputSource {
  /** The raw value, or undefined when the input was not given (an empty string counts as not given). */
  get(name: string): string | undefined;
}

/** Typed, validated reads over an InputSource. Every action reads its inputs through this, once. */
export class InputReader {
  constructor(private readonly source: InputSource) {}

  optional(name: string): string | undefined {
    const value = this.source.get(name)?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  required(name: string, expected: string, example: string): string {
    const value = this.optional(name);
    if (value === undefined) {
      throw new InputError(name, expected, 'nothing', `Set '${name}', e.g. ${example}.`);
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    if (/^(true|yes|1)$/i.test(value)) return true;
    if (/^(false|no|0)$/i.test(value)) return false;
    throw new InputError(name, 'true or false', describeValue(value), `Set '${name}' to true or false.`);
  }

  integer(name: string, fallback: number, range: { min: number; max: number }): number {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!/^-?\d+$/.test(value) || parsed < range.min || parsed > range.max) {
      throw new InputError(name, `a whole number from ${range.min} to ${range.max}`, describeValue(value), `Set '${name}' to a number in that range (default ${fallback}).`);
    }
    return parsed;
  }

  /** A number of seconds, possibly fractional; `0` only when `min` allows it. */
  seconds(name: string, fallback: number, range: { min: number; max: number }): number {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    const parsed = Number(value.replace(/s$/, ''));
    if (!/^\d+(\.\d+)?s?$/.test(value) || parsed < range.min || parsed > range.max) {
      throw new InputError(name, `a number of seconds from ${range.min} to ${range.max}`, describeValue(value), `Set '${name}' to e.g. ${fallback}.`);
    }
    return parsed;
  }

  /**
   * Refuses the first of `names` that was given: with the other inputs as they are it would be ignored, and
   * whoever gave it would believe it applied. `reason` words the refusal for that input.
   */
  refuseIgnored(names: readonly string[], reason: (name: string) => { expected: string; found: string; fix: string }): void {
    const given = names.find((name) => this.optional(name) !== undefined);
    if (given === undefined) return;
    const { expected, found, fix } = reason(given);
    throw new InputError(given, expected, found, fix);
  }

  oneOf<const T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    const match = choices.find((choice) => choice.toLowerCase() === value.toLowerCase());
    if (match === undefined) {
      throw new InputError(name, `one of ${choices.join(', ')}`, describeValue(value), `Set '${name}' to one of those.`);
    }
    return match;
  }
}

/** Inputs from a plain record (command-line options, tests). */
export function recordInputSource(record: Record<string, string | undefined>): InputSource {
  return { get: (name) => record[name] };
}
