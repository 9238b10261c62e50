import { performance } from 'node:perf_hooks';
import { type ProcessReading, readProcess, type ServiceProcess } from './platform-processes';

/** One service's use of the machine over an interval. */
export interface ServiceUsage {
  readonly app: string;
  /** Share of one core, averaged over the interval (200 = both cores of a 2-core machine). */
  readonly cpuPercent: number;
  readonly rssMb: number;
}

interface Mark {
  readonly at: number;
  readonly readings: Map<number, ProcessReading | undefined>;
}

/** CPU and memory of the platform's services between two moments, read from /proc. */
export class ProcessUsage {
  private mark: Mark;

  constructor(readonly services: readonly ServiceProcess[]) {
    this.mark = this.read();
  }

  /** Usage since the previous call (or construction); the next interval starts now. */
  next(): ServiceUsage[] {
    const previous = this.mark;
    this.mark = this.read();
    const seconds = (this.mark.at - previous.at) / 1000;
    return this.services.map(({ app, pid }) => {
      const before = previous.readings.get(pid);
      const now = this.mark.readings.get(pid);
      const cpu = before && now ? ((now.cpuSeconds - before.cpuSeconds) / seconds) * 100 : Number.NaN;
      return { app, cpuPercent: cpu, rssMb: now ? now.rssBytes / 2 ** 20 : Number.NaN };
    });
  }

  /** Resident memory of each service now, in MB (NaN once a process is gone). */
  rssNow(): Map<string, number> {
    return new Map(this.services.map(({ app, pid }) => [app, (readProcess(pid)?.rssBytes ?? Number.NaN) / 2 ** 20]));
  }

  private read(): Mark {
    return { at: performance.now(), readings: new Map(this.services.map(({ pid }) => [pid, readProcess(pid)])) };
  }
}
