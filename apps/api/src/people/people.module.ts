import { Module } from '@nestjs/common';
import { RepeatPersonsController } from './repeat-persons/repeat-persons.controller';
import { RepeatPersonsHandler } from './repeat-persons/repeat-persons.query';

/** People across cases: repeat apprehensions and repeat asylum intents. */
@Module({
  controllers: [RepeatPersonsController],
  providers: [RepeatPersonsHandler],
})
export class PeopleModule {}
