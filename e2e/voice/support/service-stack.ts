import { createWriteStream, type WriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { freePorts } from './free-ports';
import { describeExit, type ServiceName, ServiceProcess } from './service-process';

const LOG_TAIL_LINES = 300;

export interface StackOptions {
  readonly root: string;
  /** Where `platform.log` goes. */
  readonly runDir: string;
  readonly env: NodeJS.ProcessEnv;
  /** Variables that name other services' ports (e.g. the gateway the dialer dials), once ports are chosen. */
  readonly envWithPorts?: (portOf: (name: ServiceName) => number | undefined) => NodeJS.ProcessEnv;
  readonly readyTimeoutMs: number;
  /** How long a service may take to exit after SIGTERM before it is killed. */
  readonly stopGraceMs: number;
}

/** Services started together on free ports, logging into one file; stopped together. */
export class ServiceStack {
  private constructor(
    private readonly services: readonly ServiceProcess[],
    private readonly log: WriteStream,
    readonly logFile: string,
    private readonly stopGraceMs: number,
  ) {}

  /** Starts `names` and resolves once each `/readyz` answers 200; on failure stops them and rejects. */
  static async launch(names: readonly ServiceName[], options: StackOptions): Promise<ServiceStack> {
    const logFile = path.join(options.runDir, 'platform.log');
    const log = createWriteStream(logFile, { flags: 'a' });
    const ports = await freePorts(names.length);
    const portOf = (name: ServiceName) => ports[names.indexOf(name)];
    const env = { ...options.env, ...options.envWithPorts?.(portOf) };
    const services = names.map((name, i) => new ServiceProcess(name, ports[i], { root: options.root, env, log }));
    const stack = new ServiceStack(services, log, logFile, options.stopGraceMs);
    try {
      const deadline = Date.now() + options.readyTimeoutMs;
      await Promise.all(services.map((service) => service.waitUntilReady(deadline)));
    } catch (error) {
      await stack.stop();
      await stack.printLogTail(`start-up failed: ${(error as Error).message}`);
      throw error;
    }
    return stack;
  }

  /** The `index`th process (from 0, in launch order) running `name`. */
  service(name: ServiceName, index = 0): ServiceProcess {
    const service = this.services.filter((candidate) => candidate.name === name)[index];
    if (!service) throw new Error(`${name} #${index} is not part of this stack`);
    return service;
  }

  portOf(name: ServiceName, index = 0): number {
    return this.service(name, index).port;
  }

  /**
   * SIGTERMs every service at once; returns a description of each that did not exit with code 0,
   * except those a test killed on purpose.
   */
  async stop(): Promise<string[]> {
    const exits = await Promise.all(this.services.map((service) => service.stop(this.stopGraceMs)));
    await new Promise((resolve) => this.log.end(resolve));
    return exits.flatMap((exit, i) => {
      const service = this.services[i];
      return exit.code === 0 || service.killedOnPurpose ? [] : [`${service.name} (${describeExit(exit)})`];
    });
  }

  /** Prints the end of the log, where the cause of a failure usually is. */
  async printLogTail(why: string): Promise<void> {
    const lines = (await readFile(this.logFile, 'utf8').catch(() => '')).trimEnd().split('\n');
    const tail = lines.slice(-LOG_TAIL_LINES).join('\n');
    console.error(`${why}; the platform's last ${LOG_TAIL_LINES} log lines (all of them in ${this.logFile}):\n${tail}`);
  }
}
