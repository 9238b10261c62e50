import { runService } from '@parley/service';
import { loadConfig } from './config';
import { GatewayModule } from './gateway.module';

void runService({ name: 'gateway', loadConfig, module: GatewayModule.forRoot });
