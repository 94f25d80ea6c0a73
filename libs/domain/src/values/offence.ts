import { DomainError } from '../shared/domain-error';
import { RULES } from '../shared/rules';

/** The offence a smuggling case is opened for: KZ-1 Article 308 and one of its paragraphs. */
export interface Offence {
  readonly article: 308;
  readonly paragraph: number;
}

export const Offence = {
  article308(paragraph: number): Offence {
    if (!(RULES.article308Paragraphs as readonly number[]).includes(paragraph)) {
      throw new DomainError(
        'CASE.UNKNOWN_OFFENCE_PARAGRAPH',
        `Article 308 KZ-1 has no paragraph ${paragraph}.`,
        { allowed: RULES.article308Paragraphs },
      );
    }
    return { article: 308, paragraph };
  },
};
