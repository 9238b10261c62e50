// Runs the services as child processes and stops them. Each child gets its own process group, so a
// Ctrl-C in the terminal reaches only start.mjs, which then sends SIGTERM to each child once and
// waits while it drains, instead of every process racing its own SIGINT.
import { spawn } from 'node:child_process';

export class Supervisor {
  #children = new Map();

  constructor({ root, env, onOutput }) {
    this.root = root;
    this.env = env;
    this.onOutput = onOutput;
    // A crash of start.mjs itself must not leave eight services holding their ports.
    process.on('exit', () => this.#running().forEach(({ child }) => child.kill('SIGKILL')));
  }

  start(service, index) {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${service.name}/src/main.ts`], {
      cwd: this.root,
      env: { ...this.env, PORT: String(service.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const entry = { service, child, exit: undefined };
    entry.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        entry.exit = { code, signal };
        resolve(entry.exit);
      });
    });
    this.#children.set(service.name, entry);
    this.onOutput({ child, name: service.name, index });
  }

  /** The first child that has exited, as "name exited with code N", or undefined. */
  firstExit() {
    const entry = [...this.#children.values()].find(({ exit }) => exit);
    return entry && `${entry.service.name} exited with ${describeExit(entry.exit)}`;
  }

  /** Resolves with the first child to exit, whenever that happens. */
  nextExit() {
    return Promise.race([...this.#children.values()].map((entry) => entry.exited.then(() => entry)));
  }

  /** SIGTERM to every running child; SIGKILL to those still running after `graceMs`. */
  async stopAll(graceMs) {
    const stopping = this.#running();
    stopping.forEach(({ child }) => child.kill('SIGTERM'));
    const timer = setTimeout(() => this.#running().forEach((entry) => {
      entry.killed = true;
      entry.child.kill('SIGKILL');
    }), graceMs);
    await Promise.all(stopping.map(({ exited }) => exited));
    clearTimeout(timer);
    return stopping.map(({ service, exit, killed }) => ({
      name: service.name,
      clean: exit.code === 0,
      how: killed ? `killed after ${graceMs / 1000} s without exiting` : describeExit(exit),
    }));
  }

  /** Kills every child at once (a second Ctrl-C). */
  killAll() {
    this.#running().forEach(({ child }) => child.kill('SIGKILL'));
  }

  #running() {
    return [...this.#children.values()].filter(({ exit }) => !exit);
  }
}

export function describeExit({ code, signal }) {
  return signal ? `signal ${signal}` : `code ${code}`;
}
