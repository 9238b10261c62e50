import {
  type DynamicModule,
  Inject,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  type OnApplicationBootstrap,
  RequestMethod,
} from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, DiscoveryModule, HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import type { Logger } from '@parley/logging';
import { httpMetricsMiddleware, InFlightRequests, LOGGER, ServiceMetrics, tracingMiddleware } from '@parley/service';
import { Redis } from 'ioredis';
import { REST_API_CONFIG, type RestApiConfig } from '../config';
import { ApiExceptionFilter } from './api-exception.filter';
import { EnvelopeInterceptor } from './envelope.interceptor';
import { OpenApiController } from './openapi/openapi.controller';
import { installFrontLane, type LaneStep } from './front-lane';
import { HotRoutes } from './hot-routes';
import { RouteCatalog } from './openapi/route-catalog';
import { HotPathRedis } from './hot-path-redis';
import { ListVersions, PageCache } from './page-cache';
import { RateLimiter } from './rate-limiter';
import { SqlPool } from './sql-pool';
import { requestIdMiddleware } from './request-context';

/**
 * What every REST route shares: the config, request ids, the envelope, the error filter, the
 * rate limiter, the kept list pages, the pool and the lane of the hot list routes and the OpenAPI
 * catalog. Global, so feature modules only add controllers.
 */
type QueryParser = (query: string) => Record<string, unknown>;
interface ExpressSettings {
  set?(name: string, value: unknown): void;
  get?(name: string): unknown;
}

@Module({})
export class RestKernelModule implements NestModule, OnApplicationBootstrap {
  static forRoot(config: RestApiConfig): DynamicModule {
    return {
      module: RestKernelModule,
      global: true,
      imports: [DiscoveryModule],
      controllers: [OpenApiController],
      providers: [
        { provide: REST_API_CONFIG, useValue: config },
        {
          provide: HotPathRedis,
          inject: [Redis, LOGGER],
          useFactory: (redis: Redis, log: Logger) => new HotPathRedis(redis, log),
        },
        {
          provide: RateLimiter,
          inject: [HotPathRedis],
          useFactory: (redis: HotPathRedis) =>
            new RateLimiter(redis.client, { keyPrefix: config.REST_REDIS_PREFIX, windowMs: config.RATE_LIMIT_WINDOW_MS }),
        },
        {
          provide: ListVersions,
          inject: [HotPathRedis],
          useFactory: (redis: HotPathRedis) => new ListVersions(redis.client, config.REST_REDIS_PREFIX),
        },
        {
          provide: PageCache,
          inject: [ListVersions],
          useFactory: (versions: ListVersions) => new PageCache(versions, config.LIST_CACHE_MS),
        },
        { provide: SqlPool, inject: [LOGGER], useFactory: (log: Logger) => new SqlPool(config.DATABASE_URL, log) },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: EnvelopeInterceptor },
        RouteCatalog,
        HotRoutes,
      ],
      exports: [REST_API_CONFIG, RateLimiter, ListVersions, PageCache, SqlPool, RouteCatalog, HotRoutes],
    };
  }

  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(HotRoutes) private readonly hotRoutes: HotRoutes,
    @Inject(InFlightRequests) private readonly inFlight: InFlightRequests,
    @Inject(ServiceMetrics) private readonly metrics: ServiceMetrics,
  ) {}

  /**
   * No ETag: Express would hash every JSON body for it (a sha1 per response, the size of a page),
   * and API clients re-read lists for fresh data, not for a 304. Then the hot routes' front lane.
   */
  onApplicationBootstrap(): void {
    const adapter = this.adapterHost.httpAdapter;
    const express = adapter?.getInstance() as ExpressSettings | undefined;
    express?.set?.('etag', false);
    const server = adapter?.getHttpServer() as Server | undefined;
    if (server && express?.get) this.installFrontLane(server, express.get('query parser fn') as QueryParser);
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requestIdMiddleware(this.logger)).forRoutes({ path: '*path', method: RequestMethod.ALL });
  }

  /** The same middlewares as Express runs, in its order: `createServiceApp`'s, then the request id. */
  private installFrontLane(server: Server, parseQuery: QueryParser): void {
    const steps = [
      this.inFlight.middleware(),
      tracingMiddleware(),
      httpMetricsMiddleware(this.metrics),
      requestIdMiddleware(this.logger),
    ] as LaneStep[];
    const filter = new ApiExceptionFilter(this.logger);
    installFrontLane(server, {
      hotRoutes: this.hotRoutes,
      steps,
      parseQuery,
      fail: (err, req, res) => filter.render(err, req, res),
    });
  }
}
