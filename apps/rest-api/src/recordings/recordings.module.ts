import { Module } from '@nestjs/common';
import { recordingStoreFromEnv } from '@parley/recordings';
import { REST_API_CONFIG, type RestApiConfig } from '../config';
import { CallRecordingController } from './call-recording.controller';
import { RECORDING_READER } from './recording-reader';
import { RecordingsController } from './recordings.controller';
import { RecordingsRepository } from './recordings.repository';
import { RecordingsService } from './recordings.service';

/**
 * Recordings of calls, read from where the gateway wrote them (`RECORDINGS_DIR` or the S3 bucket). Needs the REST
 * kernel, auth and `DatabaseModule` (all global).
 */
@Module({
  controllers: [RecordingsController, CallRecordingController],
  providers: [
    RecordingsRepository,
    RecordingsService,
    {
      provide: RECORDING_READER,
      inject: [REST_API_CONFIG],
      useFactory: (config: RestApiConfig) => recordingStoreFromEnv(config),
    },
  ],
})
export class RecordingsModule {}
