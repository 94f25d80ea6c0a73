import { CaseDraft } from './draft-cases';
import { Rng, pick } from './random';

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four'];

/** The summary an investigator writes when opening the case: what was found, who was arrested. */
export function summaryOf(rng: Rng, draft: CaseDraft): string {
  const migrants = draft.groups.reduce((n, g) => n + g.migrants.length, 0);
  const where = draft.section.name;
  const found = draft.jointOperation
    ? `Mixed patrol with the Croatian police near ${where}: ${migrants} migrants found`
    : migrants > 12
      ? `${pick(rng, ['Van', 'Lorry', 'Minibus'])} with ${migrants} migrants stopped near ${where}`
      : migrants > 4
        ? `${pick(rng, ['Car', 'Van'])} with ${migrants} migrants stopped near ${where}`
        : `${migrants === 1 ? 'One migrant' : `${migrants} migrants`} found on foot near ${where}`;
  const n = draft.smugglers.length;
  const who =
    n === 0
      ? 'smuggler not identified'
      : `${COUNT_WORDS[n]} ${n === 1 ? 'smuggler' : 'smugglers'} (${draft.smugglers
          .map((s) => s.nationality)
          .join(', ')}) arrested`;
  return `${found}; ${who}.`;
}
