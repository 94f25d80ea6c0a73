import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One police procedure with a foreigner apprehended after crossing illegally, as its facts say
 * when they happened. Each step keeps its instant; null means not on record (yet).
 */
@Entity({ schema: 'read_model', name: 'procedures' })
export class ProcedureRow {
  @PrimaryColumn('uuid', { name: 'procedure_id' })
  procedureId!: string;

  @Column('uuid', { name: 'person_id' })
  personId!: string;

  /** Shared by the people apprehended together. */
  @Column('uuid', { name: 'group_id' })
  groupId!: string;

  @Column('text')
  directorate!: string;

  @Column('text', { name: 'border_section' })
  borderSection!: string;

  /** The neighbouring country the person came from: HR, HU, AT or IT. */
  @Column('text', { name: 'came_from' })
  cameFrom!: string;

  @Column('text')
  place!: string;

  @Column('timestamptz', { name: 'apprehended_at' })
  apprehendedAt!: Date;

  /** The nationality established last (by when it was established); null while unknown. */
  @Column('text', { nullable: true })
  nationality!: string | null;

  /** When that nationality was established: the apprehension, or a later finding. */
  @Column('timestamptz', { name: 'nationality_at' })
  nationalityAt!: Date;

  @Column('boolean')
  minor!: boolean;

  /** The smuggling case the person was found in, if any: they are counted once, here. */
  @Column('uuid', { name: 'case_id', nullable: true })
  caseId!: string | null;

  @Column('text', { name: 'joint_operation', nullable: true })
  jointOperation!: string | null;

  /** When the 48 hours of border detention began. */
  @Column('timestamptz', { name: 'border_detention_at', nullable: true })
  borderDetentionAt!: Date | null;

  @Column('timestamptz', { name: 'intent_at', nullable: true })
  intentAt!: Date | null;

  /** asylum-home-ljubljana, asylum-home-logatec or aliens-centre. */
  @Column('text', { name: 'referral_destination', nullable: true })
  referralDestination!: string | null;

  @Column('timestamptz', { name: 'referred_at', nullable: true })
  referredAt!: Date | null;

  @Column('timestamptz', { name: 'handed_over_at', nullable: true })
  handedOverAt!: Date | null;

  @Column('timestamptz', { name: 'released_at', nullable: true })
  releasedAt!: Date | null;

  @Column('timestamptz', { name: 'left_asylum_home_at', nullable: true })
  leftAsylumHomeAt!: Date | null;

  @Column('int')
  version!: number;

  @Column('bigint', { name: 'last_position' })
  lastPosition!: string;

  /** When the store recorded the procedure's latest event. */
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
