import { runService } from '@parley/service';
import { loadConfig } from './config';
import { DialerModule } from './dialer.module';

void runService({ name: 'dialer', loadConfig, module: DialerModule.forRoot });
