import { RULES } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { ReadAfterDto } from '../../read-side/freshness';

export class GetJointOperationRequestDto extends ReadAfterDto {
  @ApiProperty({
    example: 'HR-SI-2024-03',
    maxLength: RULES.shortTextMaxLength,
    description: 'The operation code, as cases, procedures and partner reports name it',
  })
  @IsString()
  @Length(1, RULES.shortTextMaxLength)
  code!: string;
}
