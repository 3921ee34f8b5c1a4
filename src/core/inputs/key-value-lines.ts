import { InputError, describeValue } from '../errors.js';

export interface KeyValueFormat {
  /** What a valid key looks like. */
  readonly key: RegExp;
  /** Entries are one per line; `;` also separates them where values never contain one. */
  readonly semicolons: boolean;
  /** What the input holds, e.g. 'one role variable per line as name=value'. */
  readonly expected: string;
  readonly example: string;
}

/** Role variables: Ansible names, `;` or newline separated. */
export const ROLE_VARIABLES: KeyValueFormat = {
  key: /^[a-z][a-z0-9_]*$/,
  semicolons: true,
  expected: 'one role variable per line as name=value',
  example: 'zookeeper_heap_mb=1024',
};

/**
 * Parses `key=value` entries, one per line (or `;`-separated where the format allows); blank entries are
 * skipped and whitespace around keys and values trimmed. Throws an InputError naming `input` at the first
 * entry that is not a valid key, `=`, and a value: by its number and key, never its text, which may hold a
 * secret.
 */
export function parseKeyValueLines(input: string, raw: string | undefined, format: KeyValueFormat): Record<string, string> {
  const entries: Record<string, string> = {};
  const lines = (raw ?? '').split(format.semicolons ? /\n|;/ : '\n').map((entry) => entry.trim());
  lines.forEach((line, index) => {
    if (line === '') return;
    const equals = line.indexOf('=');
    const key = line.slice(0, equals).trim();
    const fix = `Write each entry as e.g. ${format.example}.`;
    if (equals <= 0) throw new InputError(input, format.expected, `entry ${index + 1} without name=`, fix);
    if (!format.key.test(key)) throw new InputError(input, format.expected, `entry ${index + 1} named ${describeValue(key)}`, fix);
    if (Object.hasOwn(entries, key)) throw new InputError(input, format.expected, `entry ${index + 1} setting ${key} again`, `Give ${key} once.`);
    entries[key] = line.slice(equals + 1).trim();
  });
  return entries;
}
