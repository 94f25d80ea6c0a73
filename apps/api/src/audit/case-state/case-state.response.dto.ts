import { CaseFile, chronology, isHeld, personClocks } from '@app/domain';
import { EventEnvelope } from '@app/event-store';
import { ApiProperty, OmitType } from '@nestjs/swagger';
import { CaseResponseDto, CasePersonDto } from '../../cases/get-case/case.response.dto';
import { CustodyClockDto } from '../../custody/custody-board/custody-board.response.dto';
import { InstantDto } from '../../http/instant.dto';

const iso = (at: Date | null) => at?.toISOString() ?? null;

/** A person in the case as of that moment, with the legal clocks then running. */
export class CaseStatePersonDto extends CasePersonDto {
  @ApiProperty({
    type: [CustodyClockDto],
    description: 'Legal clocks running then; overdue means past its deadline at asOf',
  })
  clocks!: CustodyClockDto[];
}

/**
 * A case as GET /cases/:caseId shows it, rebuilt from the events recorded up to a past point
 * with the domain's fold, plus the point itself.
 */
export class CaseStateResponseDto extends OmitType(CaseResponseDto, ['persons'] as const) {
  @ApiProperty({
    format: 'date-time',
    description:
      'The moment this state is of: the asOf asked, or when the version asked (by default the ' +
      'latest) was recorded',
  })
  asOf!: string;

  @ApiProperty({ format: 'date-time', description: 'When the last event folded was recorded' })
  recordedAt!: string;

  @ApiProperty({ type: [CaseStatePersonDto], description: 'In the order they were first recorded' })
  persons!: CaseStatePersonDto[];

  static of(file: CaseFile, last: EventEnvelope, asOf: Date): CaseStateResponseDto {
    const persons = Object.values(file.persons).sort(
      (a, b) =>
        a.recordedAt.getTime() - b.recordedAt.getTime() || a.personId.localeCompare(b.personId),
    );
    const facts = chronology(file.history);
    return {
      caseId: file.caseId,
      directorate: file.directorate,
      borderSection: file.borderSection,
      offence: { article: file.offence.article, paragraph: file.offence.paragraph },
      status: file.status,
      summary: file.summary,
      openedAt: file.openedAt.toISOString(),
      jointOperations: [...file.jointOperations],
      suspects: persons.filter((p) => p.role === 'suspect').length,
      migrants: persons.filter((p) => p.role === 'migrant').length,
      inCustody: persons.filter((p) => isHeld(p.custody)).length,
      version: last.streamVersion,
      complaintFiledAt: iso(file.complaintFiledAt),
      referredAt: iso(file.referredAt),
      closedAt: iso(file.closedAt),
      position: last.position,
      asOf: asOf.toISOString(),
      recordedAt: last.recordedAt,
      persons: persons.map((p) => ({
        personId: p.personId,
        role: p.role,
        nationality: p.nationality,
        slovenianCitizen: p.slovenianCitizen,
        minor: p.minor,
        recordedAt: p.recordedAt.toISOString(),
        apprehensions: p.apprehensions,
        custody: {
          phase: p.custody.phase,
          heldSince:
            isHeld(p.custody) && 'deprivedAt' in p.custody ? iso(p.custody.deprivedAt) : null,
        },
        protection: {
          status: p.protection,
          since: iso(p.protectionSince),
          asylumIntents: p.asylumIntents,
          referrals: facts
            .filter(
              (e) =>
                e.type === 'protection.referred-to-asylum-centre' && e.data.personId === p.personId,
            )
            .map((e) => ({
              facility: (e.data as { facility: string }).facility,
              at: e.occurredAt.toISOString(),
            })),
        },
        clocks: isHeld(p.custody)
          ? personClocks(p).map((clock) => ({
              kind: clock.kind,
              startedAt: InstantDto.of(clock.startedAt),
              deadline: InstantDto.of(clock.deadline),
              metAt: clock.metAt ? InstantDto.of(clock.metAt) : null,
              overdue: clock.metAt === null && clock.deadline < asOf,
            }))
          : [],
      })),
    };
  }
}
