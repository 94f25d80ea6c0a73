import { OccurredAtDto, ShortText } from '../../shared/request-parts.dto';

export class IssueDetentionDecisionRequestDto extends OccurredAtDto {
  @ShortText('PU NM 2231-1/2024')
  reference!: string;
}
