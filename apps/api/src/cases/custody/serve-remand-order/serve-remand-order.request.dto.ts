import { OccurredAtDto, OccurredAtExample } from '../../shared/request-parts.dto';

@OccurredAtExample('2024-03-15T15:00:00+01:00')
export class ServeRemandOrderRequestDto extends OccurredAtDto {}
