// The Node version Parley needs comes from package.json's `engines.node` (">=MAJOR.MINOR").
// Run directly it exits 1 with a readable message, so shell scripts can check before anything else.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packageJson = new URL('../../../package.json', import.meta.url);

export function nodeVersionProblem(current = process.versions.node) {
  const wanted = JSON.parse(readFileSync(packageJson, 'utf8')).engines.node;
  const [, major, minor = '0'] = /^>=\s*(\d+)(?:\.(\d+))?/.exec(wanted) ?? [];
  const [curMajor, curMinor] = current.split('.').map(Number);
  const ok = curMajor > Number(major) || (curMajor === Number(major) && curMinor >= Number(minor));
  return ok ? undefined : `Parley needs Node ${wanted}; this is Node ${current}. Install a current Node LTS (https://nodejs.org, or NodeSource's Debian packages).`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problem = nodeVersionProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
