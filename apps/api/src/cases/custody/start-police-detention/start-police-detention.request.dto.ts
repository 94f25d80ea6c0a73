import { OccurredAtDto } from '../../shared/request-parts.dto';

export class StartPoliceDetentionRequestDto extends OccurredAtDto {}
