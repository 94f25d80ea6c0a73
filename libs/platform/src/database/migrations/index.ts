import { EventStore1732262400000 } from './1732262400000-event-store';
import { ReadModels1732262400001 } from './1732262400001-read-models';
import { PersonalData1732262400002 } from './1732262400002-personal-data';
import { CaseFacts1732262400003 } from './1732262400003-case-facts';
import { CustodyBoard1732262400004 } from './1732262400004-custody-board';
import { ReadSide1732262400005 } from './1732262400005-read-side';
import { TamperEvidence1732262400006 } from './1732262400006-tamper-evidence';
import { AuditHistory1732262400007 } from './1732262400007-audit-history';
import { CustodyBreaches1732262400008 } from './1732262400008-custody-breaches';
import { NationalityAt1732262400009 } from './1732262400009-nationality-at';
import { Procedures1732262400010 } from './1732262400010-procedures';
import { CustodyDesk1732262400011 } from './1732262400011-custody-desk';
import { OutboxWake1732262400012 } from './1732262400012-outbox-wake';
import { CommandEvents1732262400013 } from './1732262400013-command-events';

/** Every schema change, in order. Explicit, never a glob: a bundler or a rename cannot lose one. */
export const MIGRATIONS = [
  EventStore1732262400000,
  ReadModels1732262400001,
  PersonalData1732262400002,
  CaseFacts1732262400003,
  CustodyBoard1732262400004,
  ReadSide1732262400005,
  TamperEvidence1732262400006,
  AuditHistory1732262400007,
  CustodyBreaches1732262400008,
  NationalityAt1732262400009,
  Procedures1732262400010,
  CustodyDesk1732262400011,
  OutboxWake1732262400012,
  CommandEvents1732262400013,
];
