import { runService } from '@parley/service';
import { loadConfig } from './config';
import { WebhooksModule } from './webhooks.module';

void runService({ name: 'webhooks', loadConfig, module: WebhooksModule.forRoot });
