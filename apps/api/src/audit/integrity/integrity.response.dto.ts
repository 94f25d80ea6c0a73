import { BreakKind, IntegrityReport } from '@app/audit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const BREAK_KINDS: readonly BreakKind[] = [
  'event-altered',
  'stream-gap',
  'ledger-altered',
  'ledger-gap',
  'event-missing',
  'event-unsealed',
  'published-event-missing',
  'ledger-rewritten',
  'log-altered',
  'log-truncated',
];

class IntegrityBreakDto {
  @ApiProperty({ enum: BREAK_KINDS, description: 'What the check found (see README "Audit")' })
  kind!: BreakKind;

  @ApiPropertyOptional({ description: 'Global position of the event concerned' })
  position?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  streamId?: string;

  @ApiPropertyOptional()
  version?: number;

  @ApiPropertyOptional({ description: 'Ledger or consultation log sequence number' })
  seq?: string;

  @ApiPropertyOptional({ description: 'Kafka partition of the published copy' })
  partition?: number;

  @ApiPropertyOptional({ description: 'Kafka offset of the published copy' })
  offset?: string;
}

class LedgerHeadDto {
  @ApiProperty()
  seq!: string;

  @ApiProperty({ description: 'Hex SHA-256; write it down to compare with a later check' })
  hash!: string;
}

export class IntegrityResponseDto {
  @ApiProperty({ description: 'No check found anything' })
  intact!: boolean;

  @ApiProperty({ type: [IntegrityBreakDto], description: 'The first break each check found' })
  breaks!: IntegrityBreakDto[];

  @ApiProperty()
  events!: number;

  @ApiProperty()
  streams!: number;

  @ApiProperty({ description: 'Events chained on the ledger' })
  sealed!: number;

  @ApiProperty({ description: 'Events in the outbox: committed, not yet published' })
  pending!: number;

  @ApiPropertyOptional({ type: LedgerHeadDto, nullable: true })
  ledgerHead!: LedgerHeadDto | null;

  @ApiProperty({ description: 'Entries in the consultation log' })
  consultations!: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Partitions whose last message was compared with the store',
  })
  publishedChecked!: number | null;

  static from(report: IntegrityReport): IntegrityResponseDto {
    return { ...report, breaks: report.breaks.map((b) => ({ ...b })) };
  }
}
