import { SafeguardItem } from '@app/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A safeguard as kept in a row: instants as ISO text, as JSON has them. */
export type SafeguardCell = {
  [K in keyof SafeguardItem]: SafeguardItem[K] extends Date
    ? string
    : SafeguardItem[K] extends Date | null
      ? string | null
      : K extends 'delayed'
        ? { at: string; reason: string; authorisedBy: string } | null
        : SafeguardItem[K];
};

/**
 * One person held now in a case, with what the custody desk needs to act on the phone: the
 * case's reference and summary, where the person is held, the court, the responsible officer,
 * the months of remand used, the safeguards owed. Their clocks are `custody_clocks` rows.
 */
@Entity({ schema: 'read_model', name: 'custody_held' })
export class CustodyHeldRow {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @PrimaryColumn('uuid', { name: 'person_id' })
  personId!: string;

  @Column('text')
  directorate!: string;

  @Column('text', { name: 'case_reference' })
  caseReference!: string;

  @Column('text', { name: 'case_summary' })
  caseSummary!: string;

  @Column('text')
  role!: string;

  @Column('text', { nullable: true })
  nationality!: string | null;

  @Column('boolean')
  minor!: boolean;

  @Column('text')
  phase!: string;

  @Column('timestamptz', { name: 'held_since' })
  heldSince!: Date;

  @Column('text', { name: 'detention_place', nullable: true })
  detentionPlace!: string | null;

  @Column('text', { nullable: true })
  court!: string | null;

  @Column('text', { name: 'responsible_officer', nullable: true })
  responsibleOfficer!: string | null;

  /** Null unless on remand. */
  @Column('integer', { name: 'remand_months_used', nullable: true })
  remandMonthsUsed!: number | null;

  @Column('integer', { name: 'remand_ceiling_months', nullable: true })
  remandCeilingMonths!: number | null;

  @Column('boolean', { name: 'remand_panel_extended', nullable: true })
  remandPanelExtended!: boolean | null;

  @Column('jsonb')
  safeguards!: SafeguardCell[];
}
