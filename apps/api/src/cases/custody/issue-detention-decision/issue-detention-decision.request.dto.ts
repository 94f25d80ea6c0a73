import { OccurredAtDto, OccurredAtExample, ShortText } from '../../shared/request-parts.dto';

@OccurredAtExample('2024-03-14T13:00:00+01:00')
export class IssueDetentionDecisionRequestDto extends OccurredAtDto {
  @ShortText('PU NM 2231-1/2024')
  reference!: string;
}
