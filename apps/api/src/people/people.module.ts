import { PersonalDataModule } from '@app/personal-data';
import { Module } from '@nestjs/common';
import { ErasePersonController } from './erase-person/erase-person.controller';
import { ErasePersonHandler } from './erase-person/erase-person.handler';
import { PersonalDataController } from './personal-data/personal-data.controller';
import { PersonalDataReader } from './personal-data/personal-data.query';
import { RepeatPersonsController } from './repeat-persons/repeat-persons.controller';
import { RepeatPersonsHandler } from './repeat-persons/repeat-persons.query';

/**
 * People across cases: repeat apprehensions and repeat asylum intents; a person's personal
 * data, read with a stated justification; and its erasure.
 */
@Module({
  imports: [PersonalDataModule],
  controllers: [RepeatPersonsController, PersonalDataController, ErasePersonController],
  providers: [RepeatPersonsHandler, PersonalDataReader, ErasePersonHandler],
})
export class PeopleModule {}
