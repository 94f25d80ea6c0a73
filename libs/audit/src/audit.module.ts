import { Global, Module } from '@nestjs/common';
import { ConsultationLog } from './consultation-log';

/** The consultation log, for every service that reads personal data or custody status. */
@Global()
@Module({
  providers: [ConsultationLog],
  exports: [ConsultationLog],
})
export class AuditLogModule {}
