import { DIRECTORATES } from '@app/domain';
import { ROLES } from '@app/auth';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class LocalSignInRequestDto {
  @ApiProperty({ enum: ROLES, example: 'prosecutor-liaison' })
  @IsIn(ROLES)
  role!: string;

  @ApiPropertyOptional({
    enum: DIRECTORATES,
    description: 'Required for the directorate-bound roles (investigator, border-officer)',
  })
  @IsOptional()
  @IsIn(DIRECTORATES)
  directorate?: string;
}

export class LocalSignInResponseDto {
  @ApiProperty({ description: 'A bearer token for the API, valid for eight hours' })
  token!: string;

  @ApiProperty({ example: 'console-prosecutor-liaison' })
  subject!: string;
}
