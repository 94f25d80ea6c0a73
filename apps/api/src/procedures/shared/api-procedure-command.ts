import { applyDecorators } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation } from '@nestjs/swagger';
import { ApiIdempotencyKey, ApiProblemResponses } from '../../http/operation-docs';
import { ProcedureAcceptedResponseDto } from '../procedure-accepted.response.dto';

/** What a later fact about a procedure documents besides its body. */
export function ApiProcedureCommand(operationId: string, summary: string) {
  return applyDecorators(
    ApiOperation({ operationId, summary }),
    ApiIdempotencyKey(),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description:
        'The procedure version the command was decided on (the ETag of the last answer). A stale version gets 409.',
    }),
    ApiCreatedResponse({
      type: ProcedureAcceptedResponseDto,
      headers: {
        ETag: { description: 'The new version of the procedure', schema: { type: 'string' } },
      },
    }),
    ApiProblemResponses(400, 404, 409, 413, 415, 422, 503),
  );
}
