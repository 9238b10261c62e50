import { runService } from '@parley/service';
import { loadConfig } from './config';
import { BillingModule } from './billing.module';

void runService({ name: 'billing', loadConfig, module: BillingModule.forRoot });
