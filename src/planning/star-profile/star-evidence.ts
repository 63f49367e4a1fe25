// A score a star profile cites, in words: its round, its code and name, and
// the number the results pages publish for the whole of government. Pure.
import type { Messages } from '../../platform/i18n/messages.ts';
import type { ScoreChoice } from './star-lookup.ts';
import { scoreKey } from './star-rules.ts';

/** A cited score in words, with the number the results pages publish for the whole of government. */
export function scoreEvidenceText(
  messages: Messages,
  evidence: { roundId: string; code: string },
  scores: ReadonlyMap<string, ScoreChoice>,
): string {
  const choice = scores.get(scoreKey(evidence.roundId, evidence.code));
  const named = {
    round: choice?.roundName ?? '—',
    code: evidence.code,
    name: choice?.name ?? '',
  };
  return choice?.score === undefined
    ? messages.t('starProfile.evidence.score', named)
    : messages.t('starProfile.evidence.scoreValue', {
        ...named,
        score: messages.number(choice.score, {
          minimumFractionDigits: 2,
          maximumFractionDigits: 2,
        }),
      });
}
