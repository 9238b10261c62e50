import { type DynamicModule, Inject, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { Redis } from 'ioredis';
import { REST_API_CONFIG, type RestApiConfig } from '../config';
import { ApiExceptionFilter } from './api-exception.filter';
import { EnvelopeInterceptor } from './envelope.interceptor';
import { OpenApiController } from './openapi/openapi.controller';
import { RouteCatalog } from './openapi/route-catalog';
import { RateLimiter } from './rate-limiter';
import { requestIdMiddleware } from './request-context';

/**
 * What every REST route shares: the config, request ids, the envelope, the error filter, the
 * rate limiter and the OpenAPI catalog. Global, so feature modules only add controllers.
 */
@Module({})
export class RestKernelModule implements NestModule {
  static forRoot(config: RestApiConfig): DynamicModule {
    return {
      module: RestKernelModule,
      global: true,
      imports: [DiscoveryModule],
      controllers: [OpenApiController],
      providers: [
        { provide: REST_API_CONFIG, useValue: config },
        {
          provide: RateLimiter,
          inject: [Redis],
          useFactory: (redis: Redis) =>
            new RateLimiter(redis, { keyPrefix: config.REST_REDIS_PREFIX, windowMs: config.RATE_LIMIT_WINDOW_MS }),
        },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: EnvelopeInterceptor },
        RouteCatalog,
      ],
      exports: [REST_API_CONFIG, RateLimiter, RouteCatalog],
    };
  }

  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requestIdMiddleware(this.logger)).forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
