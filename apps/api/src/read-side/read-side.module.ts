import { Global, Module } from '@nestjs/common';
import { ReadModelFreshness } from './freshness';
import { ProjectionLagController } from './projection-lag/projection-lag.controller';

/** What every query shares: waiting for a position, and how far the projections are behind. */
@Global()
@Module({
  controllers: [ProjectionLagController],
  providers: [ReadModelFreshness],
  exports: [ReadModelFreshness],
})
export class ReadSideModule {}
