import { InputError, describeValue } from '../errors.js';
import type { InputSource } from '../pipeline.js';
import type { NamePattern } from './name-patterns.js';

/** Typed, validated reads over an InputSource. Every action reads its inputs through this, once. */
export class InputReader {
  /** Inputs given by their old name, for the action to warn of once its inputs are all read. */
  readonly deprecations: { readonly oldName: string; readonly name: string }[] = [];

  constructor(private readonly source: InputSource) {}

  /**
   * An input renamed in this release: returns the name to read it by, the old one while only that is given
   * (its refusals then name what the user wrote). Giving both is refused: which would win is a guess.
   */
  renamed(name: string, oldName: string): string {
    const [current, old] = [this.optional(name), this.optional(oldName)];
    if (current !== undefined && old !== undefined) {
      throw new InputError(oldName, `either '${name}' or its old name '${oldName}'`, 'both', `Give '${name}' only.`);
    }
    if (old === undefined) return name;
    this.deprecations.push({ oldName, name });
    return oldName;
  }

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

  /** A name another tool takes as one word: refused, before anything runs, unless it fits `kind`. */
  optionalName(name: string, kind: NamePattern): string | undefined {
    const value = this.optional(name);
    if (value !== undefined && !kind.pattern.test(value)) {
      throw new InputError(name, kind.expected, describeValue(value), `Set '${name}' to such a name, e.g. ${kind.example}.`);
    }
    return value;
  }

  requiredName(name: string, kind: NamePattern, expected: string = kind.expected): string {
    const value = this.optionalName(name, kind);
    if (value === undefined) throw new InputError(name, expected, 'nothing', `Set '${name}', e.g. ${kind.example}.`);
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
