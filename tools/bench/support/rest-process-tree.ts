import { readFileSync, readdirSync } from 'node:fs';
import { readProcess } from './platform-processes';

/**
 * CPU seconds used so far by `pid` and its direct children: the REST bench's rest-api may run
 * as a cluster primary with one worker per core (REST_API_WORKERS), and its CPU is theirs too.
 */
export function processTreeCpuSeconds(pid: number): number {
  let total = readProcess(pid)?.cpuSeconds ?? Number.NaN;
  for (const child of childrenOf(pid)) total += readProcess(child)?.cpuSeconds ?? 0;
  return total;
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readOrEmpty(`/proc/${entry}/stat`);
    // Field 4 (ppid), counted after the command name, which may hold spaces and parentheses.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === pid) children.push(Number(entry));
  }
  return children;
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
