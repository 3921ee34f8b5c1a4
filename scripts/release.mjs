#!/usr/bin/env node
// Tags a release the way users pin it: `vX.Y.Z` on this commit, and the major tag `vX` moved to it, so that
// `uses: org/spark-azure/actions/smoke-test@v1` gets the newest 1.x. Refuses a dirty tree, a stale bundle,
// a version that package.json and CHANGELOG.md do not both name, or a tag that already exists.
//
//   node scripts/release.mjs          (then push: git push origin vX.Y.Z && git push --force origin vX)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.cwd();
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const fail = (message) => {
  console.error(`release: ${message}`);
  process.exit(1);
};

export function release() {
  const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  if (!/^\d+\.\d+\.\d+$/.test(version)) fail(`package.json's version ${version} is not X.Y.Z`);
  if (git('status', '--porcelain')) fail('the working tree has changes: commit or stash them first');
  if (!readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8').includes(`## ${version}`)) fail(`CHANGELOG.md has no "## ${version}" section`);
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'ignore' });
  if (git('status', '--porcelain', '--', 'dist')) fail('dist/ is stale: commit the rebuilt bundle first');
  const tag = `v${version}`;
  const major = `v${version.split('.')[0]}`;
  if (git('tag', '--list', tag)) fail(`${tag} exists already: raise the version in package.json`);
  git('tag', '--annotate', tag, '--message', `spark-azure ${version}`);
  git('tag', '--force', '--annotate', major, '--message', `spark-azure ${version}`);
  console.log(`Tagged ${tag} and moved ${major} to ${git('rev-parse', '--short', 'HEAD')}. Push with:\n  git push origin ${tag} && git push --force origin ${major}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) release();
