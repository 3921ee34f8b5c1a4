import { ActionableError } from '../core/errors.js';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** spark-azure's own files that its actions run: roles, Terraform roots, the Packer template, plugin source. */
export interface SuiteContent {
  readonly root: string;
  readonly ansibleDir: string;
  readonly sitePlaybook: string;
  readonly terraformDir: string;
  readonly packerTemplate: string;
  readonly recoveryPluginSource: string;
  /** Alert rules, their tests, Alertmanager and blackbox exporter configuration, dashboards. */
  readonly monitoringDir: string;
  /** Each action's action.yml, which the command line reads its options from. */
  actionMetadata(action: string): string;
}

/**
 * Finds spark-azure's content by walking up from this code: it works from the sources, from the shared
 * bundle in dist/ and from an action's folder in a GitHub runner's download of the repository.
 */
export function suiteContent(from: string = path.dirname(fileURLToPath(import.meta.url))): SuiteContent {
  let directory = from;
  while (!existsSync(path.join(directory, 'infra', 'ansible', 'site.yml'))) {
    const parent = path.dirname(directory);
    if (parent === directory) {
      throw new ActionableError(
        'spark-azure',
        'its content beside its code',
        `it cannot find spark-azure's content (infra/ansible/site.yml) above ${from}`,
        'Run spark-azure from its repository, its npm package or an action folder as GitHub downloads it.',
      );
    }
    directory = parent;
  }
  return contentAt(directory);
}

function contentAt(root: string): SuiteContent {
  const ansibleDir = path.join(root, 'infra', 'ansible');
  return {
    root,
    ansibleDir,
    sitePlaybook: path.join(ansibleDir, 'site.yml'),
    terraformDir: path.join(root, 'infra', 'terraform'),
    packerTemplate: path.join(root, 'infra', 'packer', 'spark-node.pkr.hcl'),
    recoveryPluginSource: path.join(root, 'infra', 'spark-recovery', 'src'),
    monitoringDir: path.join(root, 'infra', 'monitoring'),
    actionMetadata: (action) => path.join(root, 'actions', action, 'action.yml'),
  };
}

/** The version in the suite's package.json (the CLI's --version); "unknown" where the layout has none. */
export function suiteVersion(content: SuiteContent = suiteContent()): string {
  const file = path.join(content.root, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'unknown';
}
