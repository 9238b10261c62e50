import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

/** One service of the platform, as `npm start` runs it: `node … apps/<app>/src/main.ts`. */
export interface ServiceProcess {
  readonly app: string;
  readonly pid: number;
}

const APP_MAIN = /apps\/([a-z0-9-]+)\/src\/main\.ts/;

/**
 * The services of the platform whose gateway listens on `gatewayPort`: several stacks may run
 * on one machine (tests start their own), so the gateway is found by its listening socket and
 * the services are its siblings (children of the same `npm start`). When the listener cannot be
 * told (another user's process), every service process found is returned.
 */
export function findPlatformProcesses(gatewayPort: number): ServiceProcess[] {
  const services = listServiceProcesses();
  const sockets = listeningSocketInodes(gatewayPort);
  const gateway = services.find(({ app, pid }) => app === 'gateway' && holdsSocket(pid, sockets));
  if (!gateway) return services;
  const parent = parentPid(gateway.pid);
  return services.filter(({ pid }) => parentPid(pid) === parent);
}

function listServiceProcesses(): ServiceProcess[] {
  const found: ServiceProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const app = APP_MAIN.exec(readOrEmpty(`/proc/${entry}/cmdline`).replaceAll('\0', ' '))?.[1];
    if (app) found.push({ app, pid: Number(entry) });
  }
  return found.sort((a, b) => a.app.localeCompare(b.app));
}

/** Inodes of the sockets listening on `port` (IPv4 and IPv6), from /proc/net/tcp*. */
function listeningSocketInodes(port: number): Set<string> {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readOrEmpty(table).split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const LISTEN = '0A';
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === LISTEN) inodes.add(fields[9]);
    }
  }
  return inodes;
}

function holdsSocket(pid: number, inodes: Set<string>): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      const target = readLinkOrEmpty(`/proc/${pid}/fd/${fd}`);
      return target.startsWith('socket:[') && inodes.has(target.slice(8, -1));
    });
  } catch {
    return false; // another user's process: its descriptors are not ours to read
  }
}

function parentPid(pid: number): number | undefined {
  const match = /^PPid:\s+(\d+)/m.exec(readOrEmpty(`/proc/${pid}/status`));
  return match ? Number(match[1]) : undefined;
}

/** CPU time used so far and resident memory now; undefined once the process is gone. */
export interface ProcessReading {
  readonly cpuSeconds: number;
  readonly rssBytes: number;
}

const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

export function readProcess(pid: number): ProcessReading | undefined {
  const stat = readOrEmpty(`/proc/${pid}/stat`);
  const rss = /^VmRSS:\s+(\d+) kB/m.exec(readOrEmpty(`/proc/${pid}/status`));
  if (!stat || !rss) return undefined;
  // The command name may hold spaces and parentheses: count fields from the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const UTIME = 11; // field 14 of proc(5), counted from field 3 (state)
  const STIME = 12;
  const ticks = Number(fields[UTIME]) + Number(fields[STIME]);
  return { cpuSeconds: ticks / CLOCK_TICKS_PER_SECOND, rssBytes: Number(rss[1]) * 1024 };
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function readLinkOrEmpty(file: string): string {
  try {
    return readlinkSync(file);
  } catch {
    return '';
  }
}
