import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { KeysController } from './keys.controller';
import { KeysRepository } from './keys.repository';
import { KeysService } from './keys.service';

/** `/api/keys`: the dashboard's key management. */
@Module({
  imports: [IdentityModule],
  controllers: [KeysController],
  providers: [KeysRepository, KeysService],
})
export class KeysModule {}
