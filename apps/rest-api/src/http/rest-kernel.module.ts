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
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { Redis } from 'ioredis';
import { REST_API_CONFIG, type RestApiConfig } from '../config';
import { ApiExceptionFilter } from './api-exception.filter';
import { EnvelopeInterceptor } from './envelope.interceptor';
import { OpenApiController } from './openapi/openapi.controller';
import { HotRoutes } from './hot-routes';
import { RouteCatalog } from './openapi/route-catalog';
import { RateLimitRedis } from './rate-limit-redis';
import { RateLimiter } from './rate-limiter';
import { SqlPool } from './sql-pool';
import { requestIdMiddleware } from './request-context';

/**
 * What every REST route shares: the config, request ids, the envelope, the error filter, the
 * rate limiter, the pool and the lane of the hot list routes and the OpenAPI catalog. Global, so
 * feature modules only add controllers.
 */
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
          provide: RateLimitRedis,
          inject: [Redis, LOGGER],
          useFactory: (redis: Redis, log: Logger) => new RateLimitRedis(redis, log),
        },
        {
          provide: RateLimiter,
          inject: [RateLimitRedis],
          useFactory: (redis: RateLimitRedis) =>
            new RateLimiter(redis.client, { keyPrefix: config.REST_REDIS_PREFIX, windowMs: config.RATE_LIMIT_WINDOW_MS }),
        },
        { provide: SqlPool, inject: [LOGGER], useFactory: (log: Logger) => new SqlPool(config.DATABASE_URL, log) },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: EnvelopeInterceptor },
        RouteCatalog,
        HotRoutes,
      ],
      exports: [REST_API_CONFIG, RateLimiter, SqlPool, RouteCatalog, HotRoutes],
    };
  }

  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(HotRoutes) private readonly hotRoutes: HotRoutes,
  ) {}

  /**
   * No ETag: Express would hash every JSON body for it (a sha1 per response, the size of a page),
   * and API clients re-read lists for fresh data, not for a 304.
   */
  onApplicationBootstrap(): void {
    const express = this.adapterHost.httpAdapter?.getInstance() as { set?(name: string, value: unknown): void } | undefined;
    express?.set?.('etag', false);
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(requestIdMiddleware(this.logger), this.hotRoutes.middleware())
      .forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
