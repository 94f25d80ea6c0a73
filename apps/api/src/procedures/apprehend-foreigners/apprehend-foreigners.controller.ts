import type { ApprehendForeigners } from '@app/domain';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { assertMayOpenIn } from '../../cases/case-access';
import { toAdmission } from '../../cases/shared/request-parts.dto';
import { Policy } from '../../auth/policy';
import { ApiIdempotencyKey, ApiProblemResponses } from '../../http/operation-docs';
import { CommandContext, CurrentCommandContext } from '../../http/request-context';
import { ApprehendForeignersMessage } from '../procedure-command.handler';
import {
  ApprehendedForeignerDto,
  ApprehendForeignersRequestDto,
} from './apprehend-foreigners.request.dto';
import { ForeignersApprehendedResponseDto } from './apprehend-foreigners.response.dto';

const at = <Step extends { occurredAt: string }>(step: Step | undefined) =>
  step && { ...step, occurredAt: new Date(step.occurredAt) };

/** The steps recorded with a person's apprehension, with their times as instants. */
function stepsOf(person: ApprehendedForeignerDto) {
  return {
    borderDetention: at(person.borderDetention),
    intent: at(person.intent),
    referral: at(person.referral),
    handover: at(person.handover),
    release: at(person.release),
  };
}

@ApiTags('procedures')
@Controller('procedures')
export class ApprehendForeignersController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Policy('procedure.write')
  @ApiOperation({
    operationId: 'apprehendForeigners',
    summary:
      'Record one foreigner or a group apprehended after crossing illegally: one procedure each, with their intents, referrals and other steps, all or nothing',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: ForeignersApprehendedResponseDto })
  @ApiProblemResponses(400, 403, 404, 413, 415, 422, 503)
  async apprehendForeigners(
    @Body() body: ApprehendForeignersRequestDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<ForeignersApprehendedResponseDto> {
    assertMayOpenIn(context.actor, body.directorate, 'record a procedure');
    const groupId = randomUUID();
    const procedureIds = body.persons.map(() => randomUUID());
    const caseId = body.caseId?.toLowerCase() ?? null;
    const result = await this.commands.execute(
      new ApprehendForeignersMessage(
        caseId,
        body.persons.map((p) => toAdmission(p.person)),
        (admitted) =>
          ({
            type: 'ApprehendForeigners',
            groupId,
            occurredAt: new Date(body.occurredAt),
            directorate: body.directorate,
            borderSection: body.borderSection,
            cameFrom: body.cameFrom,
            place: body.place,
            caseId,
            jointOperation: body.jointOperation ?? null,
            persons: admitted.map((person, i) => ({
              ...person,
              procedureId: procedureIds[i],
              nationality: body.persons[i].nationality,
              minor: body.persons[i].minor,
              ...stepsOf(body.persons[i]),
            })),
          }) satisfies ApprehendForeigners,
        context,
        body,
      ),
    );
    const answer = result.answer as Omit<ForeignersApprehendedResponseDto, 'position'>;
    return { ...answer, position: result.position };
  }
}
