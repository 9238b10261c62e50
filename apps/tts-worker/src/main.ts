import { runService } from '@parley/service';
import { loadConfig } from './config';
import { TtsWorkerModule } from './tts-worker.module';

void runService({ name: 'tts-worker', loadConfig, module: TtsWorkerModule.forRoot });
