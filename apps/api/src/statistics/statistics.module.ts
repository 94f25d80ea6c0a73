import { Module } from '@nestjs/common';
import { PressStatisticsController } from './press-statistics/press-statistics.controller';
import { PressStatisticsHandler } from './press-statistics/press-statistics.query';

/** The figures the police publish, from the statistics projection. */
@Module({
  controllers: [PressStatisticsController],
  providers: [PressStatisticsHandler],
})
export class StatisticsModule {}
