import { OccurredAtDto } from '../../shared/request-parts.dto';

export class ServeRemandOrderRequestDto extends OccurredAtDto {}
