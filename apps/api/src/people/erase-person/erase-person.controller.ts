import { Actor } from '@app/auth';
import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import { CurrentActor } from '../../auth/current-actor';
import { Policy } from '../../auth/policy';
import { uuidParam } from '../../cases/shared/request-parts.dto';
import { ApiProblemResponses } from '../../http/operation-docs';
import { ErasePersonHandler } from './erase-person.handler';
import { ErasePersonRequestDto } from './erase-person.request.dto';
import { PersonErasedResponseDto } from './erase-person.response.dto';

@ApiTags('people')
@Controller('people')
export class ErasePersonController {
  constructor(private readonly handler: ErasePersonHandler) {}

  @Post(':personId/erasure')
  @HttpCode(201)
  @Policy('person.erase')
  @ApiOperation({
    operationId: 'erasePerson',
    summary: "Erases a person's personal data by destroying their key; logged, never undone",
  })
  @ApiCreatedResponse({ type: PersonErasedResponseDto })
  @ApiProblemResponses(400, 404, 409)
  async erase(
    @Param('personId', uuidParam('personId')) personId: string,
    @Body() body: ErasePersonRequestDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request & { correlationId?: string },
  ): Promise<PersonErasedResponseDto> {
    return this.handler.execute({
      personId,
      ground: body.ground,
      reference: body.reference,
      actor,
      correlationId: req.correlationId ?? 'none',
    });
  }
}
