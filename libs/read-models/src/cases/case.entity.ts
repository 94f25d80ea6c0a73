import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per case: the caseload as investigators and prosecutors' liaison officers read it. */
@Entity({ schema: 'read_model', name: 'cases' })
export class CaseRow {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('text')
  directorate!: string;

  @Column('text', { name: 'border_section' })
  borderSection!: string;

  @Column('int', { name: 'offence_article' })
  offenceArticle!: number;

  @Column('int', { name: 'offence_paragraph' })
  offenceParagraph!: number;

  @Column('text')
  status!: string;

  @Column('text')
  summary!: string;

  @Column('timestamptz', { name: 'opened_at' })
  openedAt!: Date;

  /** Codes of the joint operations the case is linked to. */
  @Column('text', { name: 'joint_operations', array: true })
  jointOperations!: string[];

  @Column('int')
  suspects!: number;

  @Column('int')
  migrants!: number;

  /** People held in the case now, on any legal clock. */
  @Column('int', { name: 'in_custody' })
  inCustody!: number;

  @Column('timestamptz', { name: 'complaint_filed_at', nullable: true })
  complaintFiledAt!: Date | null;

  @Column('timestamptz', { name: 'referred_at', nullable: true })
  referredAt!: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('int')
  version!: number;

  @Column('bigint', { name: 'last_position' })
  lastPosition!: string;

  /** When the store recorded the case's latest event. */
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

/** A referral to an asylum home, as the case detail lists them. */
export interface ReferralRow {
  readonly facility: string;
  readonly at: string;
}

/** One person in one case: their role, custody and protection as the case stands. */
@Entity({ schema: 'read_model', name: 'case_persons' })
export class CasePersonRow {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @PrimaryColumn('uuid', { name: 'person_id' })
  personId!: string;

  @Column('text')
  role!: string;

  @Column('text', { nullable: true })
  nationality!: string | null;

  @Column('boolean', { name: 'slovenian_citizen' })
  slovenianCitizen!: boolean;

  @Column('boolean')
  minor!: boolean;

  /** The first arrest or apprehension in this case. */
  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;

  @Column('int')
  apprehensions!: number;

  @Column('text', { name: 'custody_phase' })
  custodyPhase!: string;

  /** When the deprivation of liberty began; null unless held. */
  @Column('timestamptz', { name: 'held_since', nullable: true })
  heldSince!: Date | null;

  @Column('text')
  protection!: string;

  @Column('timestamptz', { name: 'protection_since', nullable: true })
  protectionSince!: Date | null;

  @Column('int', { name: 'asylum_intents' })
  asylumIntents!: number;

  @Column('jsonb')
  referrals!: ReferralRow[];
}
