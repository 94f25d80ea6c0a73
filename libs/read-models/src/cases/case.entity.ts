import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per case, as investigators and prosecutors' liaison officers read it. */
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

  @Column('int')
  version!: number;

  @Column('bigint', { name: 'last_position' })
  lastPosition!: string;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

/** Cases opened per directorate: a counter, so a double-applied event would show. */
@Entity({ schema: 'read_model', name: 'directorate_caseload' })
export class DirectorateCaseloadRow {
  @PrimaryColumn('text')
  directorate!: string;

  @Column('int', { name: 'cases_opened' })
  casesOpened!: number;
}
