import { APP_CONFIG, AppConfig } from '@app/platform';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/policy';

export class ConsoleOidcDto {
  @ApiProperty({ example: 'https://login.policija.si/realms/police' })
  issuer!: string;

  @ApiProperty({ example: 'smuggling-console' })
  clientId!: string;

  @ApiProperty({ example: 'openid' })
  scope!: string;
}

export class ConsoleSettingsResponseDto {
  @ApiProperty({
    description: 'A local run: the console signs in as any role (POST /console/sign-in)',
  })
  localSignIn!: boolean;

  @ApiProperty({
    type: ConsoleOidcDto,
    nullable: true,
    description:
      'The identity provider the console signs in at: authorization code with PKCE, a public client',
  })
  oidc!: ConsoleOidcDto | null;
}

/**
 * How the console signs in here: the identity provider the API trusts, or the local sign-in. No
 * secret in it: the console is a public client, and the provider checks its redirect address.
 */
@ApiTags('console')
@Controller('console')
@Public()
export class ConsoleSettingsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('settings')
  @ApiOperation({ operationId: 'getConsoleSettings', summary: 'How the console signs in' })
  @ApiOkResponse({ type: ConsoleSettingsResponseDto })
  settings(): ConsoleSettingsResponseDto {
    return { localSignIn: this.config.console.localSignIn, oidc: this.config.console.oidc };
  }
}
