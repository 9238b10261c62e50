import { runService } from '@parley/service';
import { loadConfig } from './config';
import { RestApiModule } from './rest-api.module';

void runService({ name: 'rest-api', loadConfig, module: RestApiModule.forRoot });
