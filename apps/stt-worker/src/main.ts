import { runService } from '@parley/service';
import { loadConfig } from './config';
import { SttWorkerModule } from './stt-worker.module';

void runService({ name: 'stt-worker', loadConfig, module: SttWorkerModule.forRoot });
