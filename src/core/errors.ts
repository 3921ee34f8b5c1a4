/**
 * An error a person can act on: it names what is wrong (an input, a node), what was expected, what was
 * found and what to do. Doors print `oneLine()` and exit non-zero; anything else is a bug and is
 * reported with its stack.
 */
export class ActionableError extends Error {
  constructor(
    readonly subject: string,
    readonly expected: string,
    readonly found: string,
    readonly fix: string,
  ) {
    super(`${subject}: expected ${expected}, found ${found}. ${fix}`);
    this.name = new.target.name;
  }

  oneLine(): string {
    return this.message.replace(/\s*\n\s*/g, ' ');
  }
}

/** Bad input: nothing has been touched yet when this is thrown. */
export class InputError extends ActionableError {
  constructor(input: string, expected: string, found: string, fix: string) {
    super(`Input '${input}'`, expected, found, fix);
  }
}

/** The cluster is not in the state an operation needs; nothing was changed. */
export class ClusterStateError extends ActionableError {}

export function describeValue(value: string | undefined): string {
  if (value === undefined || value.trim() === '') return 'nothing';
  return JSON.stringify(value.length > 120 ? `${value.slice(0, 117)}...` : value);
}
