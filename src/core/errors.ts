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

  /** The message on one line; `inputLabel` names inputs as the platform does (`--master-url` on the CLI). */
  oneLine(_inputLabel?: (input: string) => string): string {
    return this.message.replace(/\s*\n\s*/g, ' ');
  }
}

/** Bad input: nothing has been touched yet when this is thrown. */
export class InputError extends ActionableError {
  constructor(
    readonly input: string,
    expected: string,
    found: string,
    fix: string,
  ) {
    super(`Input '${input}'`, expected, found, fix);
  }

  override oneLine(inputLabel?: (input: string) => string): string {
    const line = super.oneLine();
    const label = inputLabel?.(this.input) ?? `'${this.input}'`;
    if (label === `'${this.input}'`) return line;
    return line.replace(`Input '${this.input}'`, label).split(`'${this.input}'`).join(label);
  }
}

/** The cluster is not in the state an operation needs; nothing was changed. */
export class ClusterStateError extends ActionableError {}

/**
 * Another tool or service answered what spark-azure cannot read (az, Packer, Livy, a Spark master, a
 * saved plan): names the tool, what its answer should have held and what it held.
 */
export class ToolAnswerError extends ActionableError {
  constructor(
    tool: string,
    expected: string,
    found: string,
    fix = `Check that ${tool} is a version spark-azure supports and answers as documented; run it by hand to see its whole answer.`,
  ) {
    super(`The answer of ${tool}`, expected, found, fix);
  }
}

export function describeValue(value: string | undefined): string {
  if (value === undefined || value.trim() === '') return 'nothing';
  return JSON.stringify(value.length > 120 ? `${value.slice(0, 117)}...` : value);
}

/** A caught error as one line: its message, with the system error code (ECONNREFUSED, ...) when it has one. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
