import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One legal clock of one person held now; the board of a person is all of their rows. */
@Entity({ schema: 'read_model', name: 'custody_clocks' })
export class CustodyClockRow {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @PrimaryColumn('uuid', { name: 'person_id' })
  personId!: string;

  @PrimaryColumn('text')
  kind!: string;

  @Column('text')
  directorate!: string;

  @Column('text')
  role!: string;

  /** Null while the nationality is unknown. */
  @Column('text', { nullable: true })
  nationality!: string | null;

  /** Where the person stands: arrested, police-detention, before-judge, remand. */
  @Column('text')
  phase!: string;

  /** When the deprivation of liberty began. */
  @Column('timestamptz', { name: 'held_since' })
  heldSince!: Date;

  @Column('timestamptz', { name: 'started_at' })
  startedAt!: Date;

  @Column('timestamptz')
  deadline!: Date;

  /** When the duty the clock measures was met (decision issued, order served); null: running. */
  @Column('timestamptz', { name: 'met_at', nullable: true })
  metAt!: Date | null;
}
