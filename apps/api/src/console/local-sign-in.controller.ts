import { Role, issueLocalToken } from '@app/auth';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/policy';
import { ApiRefusal } from '../http/api-refusal';
import { ApiProblemResponses } from '../http/operation-docs';
import { LocalSignInRequestDto, LocalSignInResponseDto } from './local-sign-in.request.dto';

const EIGHT_HOURS = 8 * 3600;

/**
 * The console's sign-in on a local run: a token for any role and directorate, signed with the
 * API's local shared secret. Off (404) unless CONSOLE_LOCAL_SIGN_IN is set, which the
 * configuration allows only with that secret: with an identity provider the console signs in
 * there, and this route signs nothing.
 */
@ApiTags('console')
@Controller('console')
@Public()
export class LocalSignInController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Post('sign-in')
  @HttpCode(201)
  @ApiOperation({
    operationId: 'signInLocally',
    summary: 'A local run only: a token for any role and directorate (CONSOLE_LOCAL_SIGN_IN)',
  })
  @ApiCreatedResponse({ type: LocalSignInResponseDto })
  @ApiProblemResponses(400, 404)
  async signIn(@Body() body: LocalSignInRequestDto): Promise<LocalSignInResponseDto> {
    if (!this.config.console.localSignIn) {
      throw new ApiRefusal('CONSOLE.LOCAL_SIGN_IN_OFF', 'This API offers no local sign-in.');
    }
    const subject = `console-${body.role}${body.directorate ? `-${body.directorate}` : ''}`;
    try {
      const token = await issueLocalToken(this.config.auth, {
        role: body.role as Role,
        directorate: body.directorate,
        subject,
        ttlSeconds: EIGHT_HOURS,
      });
      return { token, subject };
    } catch (error) {
      // The claims the verifier would refuse: a bound role without its directorate.
      throw new ApiRefusal('CONSOLE.INVALID_SIGN_IN', (error as Error).message);
    }
  }
}
