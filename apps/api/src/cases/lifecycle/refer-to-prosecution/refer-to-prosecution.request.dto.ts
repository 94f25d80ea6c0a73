import { OccurredAtDto, ShortText } from '../../shared/request-parts.dto';

export class ReferToProsecutionRequestDto extends OccurredAtDto {
  @ShortText('ODT Novo mesto')
  prosecutorOffice!: string;
}
