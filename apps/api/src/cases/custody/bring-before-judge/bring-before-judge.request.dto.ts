import { OccurredAtDto, OccurredAtExample, ShortText } from '../../shared/request-parts.dto';

@OccurredAtExample('2024-03-15T11:30:00+01:00')
export class BringBeforeJudgeRequestDto extends OccurredAtDto {
  @ShortText('Okrožno sodišče v Novem mestu')
  court!: string;
}
