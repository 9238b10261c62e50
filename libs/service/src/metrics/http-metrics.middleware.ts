import type { HttpRequest, HttpResponse, NextFunction } from '../http/http-types';
import { routeOf, statusOf } from '../http/route-of';
import type { ServiceMetrics } from './service-metrics';

/** Times every HTTP request into `http_server_request_duration_seconds`. */
export function httpMetricsMiddleware(metrics: ServiceMetrics) {
  return (req: HttpRequest, res: HttpResponse, next: NextFunction): void => {
    const stopTimer = metrics.httpRequestDuration.startTimer();
    res.once('close', () => {
      stopTimer({ method: req.method, route: routeOf(req), status_code: String(statusOf(res)) });
    });
    next();
  };
}
