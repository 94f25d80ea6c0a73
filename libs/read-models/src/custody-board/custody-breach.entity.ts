import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A legal duty met late or never, kept after the phase ended (the board shows only the running). */
@Entity({ schema: 'read_model', name: 'custody_breaches' })
export class CustodyBreachRow {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @PrimaryColumn('uuid', { name: 'person_id' })
  personId!: string;

  @PrimaryColumn('text')
  kind!: string;

  /** When the clock started: one person may breach the same kind of duty in two custodies. */
  @PrimaryColumn('timestamptz', { name: 'started_at' })
  startedAt!: Date;

  @Column('text')
  directorate!: string;

  @Column('timestamptz')
  deadline!: Date;

  /** When the duty was met, late; null when never. */
  @Column('timestamptz', { name: 'met_at', nullable: true })
  metAt!: Date | null;

  /** When the clock stopped unmet; null when met late. */
  @Column('timestamptz', { name: 'ended_at', nullable: true })
  endedAt!: Date | null;
}
