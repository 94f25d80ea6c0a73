import { Body } from './plan';
import { namesOf } from './names';
import { Rng, between, pick } from './random';

/** What an identity is drawn with: the randomness, and the documents issued so far. */
interface IdentityDraw {
  readonly rng: Rng;
  readonly documents: Set<string>;
}

/** A prefix, two letters and seven digits: never a number the country issued before in the plan. */
function issueDocument(w: IdentityDraw, nationality: string, prefix: string): string {
  const { rng } = w;
  let number: string;
  do {
    const letters = String.fromCharCode(65 + between(rng, 0, 25), 65 + between(rng, 0, 25));
    number = `${prefix}${letters}${between(rng, 1_000_000, 9_999_999)}`;
  } while (w.documents.has(`${nationality}:${number}`));
  w.documents.add(`${nationality}:${number}`);
  return number;
}

/** An arrested smuggler's names, date of birth and passport (a Slovenian's identity card). */
export function smugglerIdentity(w: IdentityDraw, nationality: string, year: number): Body {
  const { rng } = w;
  const names = namesOf(nationality);
  const slovenian = nationality === 'SI';
  const number = issueDocument(w, nationality, slovenian ? 'I' : '');
  const born = Date.UTC(year - between(rng, 19, 58), between(rng, 0, 11), between(rng, 1, 28));
  return {
    givenName: pick(rng, names.given),
    familyName: pick(rng, names.family),
    dateOfBirth: new Date(born).toISOString().slice(0, 10),
    documents: [{ type: slovenian ? 'id-card' : 'passport', number, issuingCountry: nationality }],
  };
}

/** Names and a date of birth as far as known; a passport or an identity card now and then. */
export function foreignerIdentity(
  w: IdentityDraw,
  nationality: string,
  minor: boolean,
  year: number,
  document: 'passport' | 'id-card' | null,
): Body {
  const { rng } = w;
  const names = namesOf(nationality);
  const age = minor ? between(rng, 14, 17) : between(rng, 18, 45);
  const born = Date.UTC(year - age - 1, between(rng, 0, 11), between(rng, 1, 28));
  let documents: Body[] = [];
  if (document !== null) {
    const number = issueDocument(w, nationality, '');
    documents = [{ type: document, number, issuingCountry: nationality }];
  }
  return {
    givenName: pick(rng, names.given),
    familyName: pick(rng, names.family),
    dateOfBirth: new Date(born).toISOString().slice(0, 10),
    ...(documents.length > 0 ? { documents } : {}),
  };
}
