import { EventMetadata, NewEvent } from '@app/event-store';
import { randomUUID } from 'node:crypto';

export function metadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  const commandId = randomUUID();
  return {
    actorId: 'investigator-7',
    role: 'investigator',
    directorate: 'novo-mesto',
    correlationId: randomUUID(),
    causationId: commandId,
    commandId,
    idempotencyKey: null,
    ...overrides,
  };
}

export function caseOpened(caseId: string, directorate = 'novo-mesto'): NewEvent {
  return {
    type: 'case.opened',
    schemaVersion: 1,
    occurredAt: new Date('2024-03-13T22:15:00Z'),
    data: {
      caseId,
      directorate,
      borderSection: 'Obrežje',
      offence: { article: 308, paragraph: 3 },
      summary: 'Van with 12 migrants stopped near Obrežje.',
    },
  };
}

/** A later event on a case stream: its summary amended, as the n-th note. */
export function noted(n: number): NewEvent {
  return {
    type: 'case.details-amended',
    schemaVersion: 1,
    occurredAt: new Date('2024-03-14T08:00:00Z'),
    data: { changes: { summary: `Note ${n}.` } },
  };
}
