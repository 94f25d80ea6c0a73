import { Actor } from '@app/auth';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Consulted } from '../../audit/consultation-log/consulted';
import { CurrentActor } from '../../auth/current-actor';
import { Policy } from '../../auth/policy';
import { uuidParam } from '../../cases/shared/request-parts.dto';
import { ApiProblemResponses } from '../../http/operation-docs';
import { PersonalDataReader } from './personal-data.query';
import { PersonalDataResponseDto } from './personal-data.response.dto';

@ApiTags('people')
@Controller('people')
export class PersonalDataController {
  constructor(private readonly reader: PersonalDataReader) {}

  @Get(':personId/personal-data')
  @Policy('person.read')
  @Consulted<PersonalDataResponseDto>('required', (answer) => [
    { kind: 'person', id: answer.personId },
  ])
  @ApiOperation({
    operationId: 'getPersonalData',
    summary: "A person's names, date of birth and documents as recorded (justification required)",
  })
  @ApiOkResponse({ type: PersonalDataResponseDto })
  @ApiProblemResponses(400, 404, 410)
  async get(
    @Param('personId', uuidParam('personId')) personId: string,
    @CurrentActor() actor: Actor,
  ): Promise<PersonalDataResponseDto> {
    return PersonalDataResponseDto.of(personId, await this.reader.read(personId, actor));
  }
}
