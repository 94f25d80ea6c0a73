import { OccurredAtDto, ShortText } from '../../shared/request-parts.dto';

export class BringBeforeJudgeRequestDto extends OccurredAtDto {
  @ShortText('Okrožno sodišče v Novem mestu')
  court!: string;
}
