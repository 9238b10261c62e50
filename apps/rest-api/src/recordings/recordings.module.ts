import { Module } from '@nestjs/common';
import { REST_API_CONFIG, type RestApiConfig } from '../config';
import { CallRecordingController } from './call-recording.controller';
import { LocalRecordingReader, RECORDING_READER } from './recording-reader';
import { RecordingsController } from './recordings.controller';
import { RecordingsRepository } from './recordings.repository';
import { RecordingsService } from './recordings.service';

/**
 * Recordings of calls, read from where the gateway wrote them (`RECORDINGS_DIR`). Needs the REST
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
      useFactory: (config: RestApiConfig) => new LocalRecordingReader(config.RECORDINGS_DIR),
    },
  ],
})
export class RecordingsModule {}
