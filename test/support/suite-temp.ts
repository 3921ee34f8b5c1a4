import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * vitest's global setup: every temporary file of the suite (test clusters, scratch workspaces, the runs'
 * temp directories, journals) goes under one directory, through TMPDIR, which every worker and every
 * process a test starts inherits; it is removed when the suite ends, so nothing is left in the system's
 * temp directory.
 */
export default function setup(): () => void {
  const suiteTemp = mkdtempSync(path.join(os.tmpdir(), 'spark-azure-suite-'));
  process.env.TMPDIR = suiteTemp;
  return () => rmSync(suiteTemp, { recursive: true, force: true });
}
