import { missingOnRecord, returnedDespiteIntent } from '@app/domain';
import { ProcedureRow } from '@app/read-models';
import { ApiProperty } from '@nestjs/swagger';
import { ProcedureItemDto, procedureOf } from '../list-procedures/list-procedures.response.dto';

/** A procedure, with what its record lacks and whether a return was unlawful. */
export class ProcedureResponseDto extends ProcedureItemDto {
  @ApiProperty({
    type: [String],
    enum: ['asylum-intent', 'referral'],
    description:
      'Steps whose predecessor is not on record (entered late, or never): an asylum-home ' +
      'referral without an intent before it, a departure from the asylum home without a referral',
  })
  missingOnRecord!: ('asylum-intent' | 'referral')[];

  @ApiProperty({
    description: 'Handed over although an intent to seek protection was expressed before it',
  })
  returnedDespiteIntent!: boolean;

  static of(row: ProcedureRow): ProcedureResponseDto {
    const procedure = procedureOf(row);
    return {
      ...ProcedureItemDto.from(row),
      missingOnRecord: missingOnRecord(procedure),
      returnedDespiteIntent: returnedDespiteIntent(procedure),
    };
  }
}
