import { Controller, Get, Res } from '@nestjs/common';
import type { HttpResponse } from '../http/http-types';
import { ReadinessChecks } from './readiness-checks';

@Controller()
export class HealthController {
  constructor(private readonly readiness: ReadinessChecks) {}

  /**
   * Liveness: the process runs and serves HTTP. It checks nothing else on purpose, so a broken
   * dependency makes the service unready instead of restarting it in a loop.
   */
  @Get('healthz')
  healthz(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('readyz')
  async readyz(@Res() res: HttpResponse): Promise<void> {
    const report = await this.readiness.evaluate();
    if (report.status === 'ready') {
      res.status(200).json({ status: report.status, checks: report.checks });
    } else if (report.status === 'shutting_down') {
      res.status(503).json({ status: report.status });
    } else {
      res.status(503).json(report);
    }
  }
}
