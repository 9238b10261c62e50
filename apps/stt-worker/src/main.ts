// Must come first: sizes libuv's thread pool before anything starts it (see thread-pool.ts).
import './thread-pool';
import { runService } from '@parley/service';
import { loadConfig } from './config';
import { SttWorkerModule } from './stt-worker.module';

void runService({ name: 'stt-worker', loadConfig, module: SttWorkerModule.forRoot });
