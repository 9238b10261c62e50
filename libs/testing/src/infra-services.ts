/** The URLs a test needs to reach the platform's infrastructure. */
export interface TestInfra {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly natsUrl: string;
}

/** How to find one piece of infrastructure, and how to bring it up when it is missing. */
export interface InfraService {
  readonly name: string;
  readonly key: keyof TestInfra;
  readonly envVar: string;
  readonly defaultUrl: string;
  /** What a developer runs on a Debian machine to start it. */
  readonly startCommand: string;
  readonly container: {
    readonly image: string;
    readonly port: number;
    readonly environment?: Record<string, string>;
    readonly command?: string[];
    /** A log line that means the server accepts connections, and how many times it must appear. */
    readonly readyLog: RegExp;
    readonly readyLogTimes?: number;
    readonly url: (host: string, port: number) => string;
  };
}

export const INFRA_SERVICES: readonly InfraService[] = [
  {
    name: 'PostgreSQL',
    key: 'databaseUrl',
    envVar: 'DATABASE_URL',
    defaultUrl: 'postgresql://postgres@127.0.0.1:5432/parley',
    startCommand: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
    container: {
      image: 'postgres:16',
      port: 5432,
      environment: { POSTGRES_HOST_AUTH_METHOD: 'trust' },
      // The entrypoint starts a temporary server for initdb scripts first, so the line shows twice.
      readyLog: /database system is ready to accept connections/,
      readyLogTimes: 2,
      url: (host, port) => `postgresql://postgres@${host}:${port}/parley`,
    },
  },
  {
    name: 'Redis',
    key: 'redisUrl',
    envVar: 'REDIS_URL',
    defaultUrl: 'redis://127.0.0.1:6379',
    startCommand:
      'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no ' +
      '--dir /var/lib/redis --logfile /var/log/redis/ci.log',
    container: {
      image: 'redis:7',
      port: 6379,
      readyLog: /Ready to accept connections/,
      url: (host, port) => `redis://${host}:${port}`,
    },
  },
  {
    name: 'NATS',
    key: 'natsUrl',
    envVar: 'NATS_URL',
    defaultUrl: 'nats://127.0.0.1:4222',
    startCommand:
      'start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- ' +
      '-a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log',
    container: {
      image: 'nats:2',
      port: 4222,
      command: ['-js'],
      readyLog: /Server is ready/,
      url: (host, port) => `nats://${host}:${port}`,
    },
  },
];
