// Rows that are votes, not comments. A collation holds a row for every respondent on every
// question: many carry only the Response column ("Approve") with an empty comment cell, or a
// placeholder in it ("N/A", "No comment", "-"), or the vote again in words ("Yes", "Agree").
// Such a row still counts as a vote where votes are shown, but there is nothing in it for the
// Working Group to answer, so the publication gate does not ask for a response to it.
import { RESPONSES, moreAsciiThan } from './common';
import type { ConsultationComment } from './types';

/** What respondents write in a comment cell when they have nothing to say (lower case, no end punctuation). */
const PLACEHOLDERS: ReadonlySet<string> = new Set([
  '', '-', '--', '–', '—', 'n/a', 'na', 'n.a', 'n a', 'not applicable', 'none', 'nil', 'nothing', 'nothing to add', 'nothing further to add',
  'no comment', 'no comments', 'no further comment', 'no further comments', 'no additional comment', 'no additional comments',
  'no comment to make', 'no comments to make', 'no comment at this time', 'no comments at this time', 'no response', 'no view', 'no views',
  'no further views', 'not answered', 'no answer', 'blank',
]);

const VOTE_WORDS: ReadonlySet<string> = new Set(RESPONSES.map(r => r.toLowerCase()));

/** The cell's words as compared: lower case, one space, without surrounding quotes, brackets or end punctuation. */
function normalised(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim()
    .replace(/^["'“‘(\[]+|["'”’)\]]+$/g, '')
    .replace(/[.!;:,]+$/, '')
    .trim();
}

/** The most letters and figures a vote alone can hold ("no comments at this time"). */
const LONGEST_VOTE = Math.max(...[...PLACEHOLDERS, ...VOTE_WORDS].map(w => w.length));

/** The text of a row that is only a vote (empty, a placeholder, or the vote in one word). */
export function isVoteOnlyText(text: string): boolean {
  if (moreAsciiThan(text, LONGEST_VOTE, true)) return false; // a comment, told without normalising it
  const t = normalised(text);
  return PLACEHOLDERS.has(t) || VOTE_WORDS.has(t);
}

/** Does this row hold a comment the Working Group must answer (not a vote alone)? */
export function needsAnswer(comment: Pick<ConsultationComment, 'text'>): boolean {
  return !isVoteOnlyText(comment.text);
}
