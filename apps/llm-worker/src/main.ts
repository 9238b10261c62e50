import { runService } from '@parley/service';
import { loadConfig } from './config';
import { LlmWorkerModule } from './llm-worker.module';

void runService({ name: 'llm-worker', loadConfig, module: LlmWorkerModule.forRoot });
