/** The lines of a secret worth masking: a multi-line value (a private key) is masked line by line. */
export function secretLines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length >= 4);
}

/** A door's masking: each line of each secret registered once with `register`. */
export function masker(register: (line: string) => void): (value: string) => void {
  const registered = new Set<string>();
  return (value) => {
    for (const line of secretLines(value)) {
      if (registered.has(line)) continue;
      registered.add(line);
      register(line);
    }
  };
}
