import { OccurredAtDto, ShortText } from '../../shared/request-parts.dto';

export class RecordDetentionPlaceRequestDto extends OccurredAtDto {
  @ShortText('PP Novo mesto, detention rooms')
  facility!: string;
}
