import { ApiProperty } from '@nestjs/swagger';
import { IsISO31661Alpha2 } from 'class-validator';
import { OccurredAtDto } from '../../cases/shared/request-parts.dto';

export class EstablishNationalityRequestDto extends OccurredAtDto {
  @ApiProperty({ example: 'AF', description: 'ISO 3166-1 alpha-2' })
  @IsISO31661Alpha2()
  nationality!: string;
}
