// Remarks about the modification as a whole: "We support this modification", "we agree that
// the proposed solution better facilitates the SEC objectives", "Implementation will help to
// ensure the protection and security of … Smart Metering Systems". They share words with the
// clauses (the objectives' and the topic's vocabulary) without being about any one of them,
// so the words a comment is matched by leave them out: a comment made only of such remarks
// stays general, and one that goes on to a particular point is matched by that point.
//
// A remark is a stretch of a sentence between punctuation or a new clause of it ("…, and
// therefore meets the SEC objectives") that cites the SEC objectives, or that names the
// modification as a whole (this modification, the proposed solution, any change, SECMP0059,
// implementation, the legal text, an alternative approach) and judges it (support, agree, welcome, better, ensure,
// concerns …). A stretch that goes on to give the reason ("…, as a new Party will be able to
// …", "…, which gives …") is part of the same remark. Characters are blanked, not removed, so
// that offsets into the text still hold.

/** Where a sentence divides into stretches: punctuation, or a conjunction that starts a new clause. */
const BREAK = /,(?!\d)|[;:]|[.!?](?=\s|$)|\n|\b(?:and|but|while|whereas|although|though|thus|therefore|however|so)\s+(?=(?:we|it|this|they|therefore|thus|also|welcome|believe|support|agree|meets?|furthers?|is|are|will|would)\b)/gi;

/** Naming the modification, or its legal text, as a whole. */
const WHOLE = /\b(?:(?:this|the|these|that|its|any|such\s+a)\s+(?:(?:proposed|overall|intended)\s+)?(?:modifications?|mods?|changes?|proposals?|solutions?|approach|amendments?|legal\s+text)|proposed\s+(?:solution|changes?|modification)|(?:an?\s+)?alternative\s+(?:approach|solution)|(?:sec)?mp\s*-?\s*\d{2,}|implementation(?!\s+(?:date|period|timescales?|plan)))\b/i;

/** Words that judge what they name. */
const JUDGING = /\b(?:support\w*|agree\w*|approv\w*|welcome\w*|endorse\w*|benefi\w*|better|facilitat\w*|ensur\w*|enhanc\w*|help\w*|improv\w*|proportionate|concerns?|oppos\w*|reject\w*|clarif\w*|intent|raises?|believe|think|consider\w*|appreciate|protects?|content|no\s+view)\b/i;

/** The General SEC Objectives, however cited: "SEC objectives a and f", "relevant objective (g)". */
const OBJECTIVES = /\b(?:sec|relevant|general|applicable|code)\s+(?:sec\s+)?objectives?\b|\bobjectives?\s+\(?[a-g]\)?(?![a-z])/i;

/** A stretch that gives the reason for what came before it in the sentence. */
const REASON = /^[\s,;:]*(?:and\s+)?(?:as|which|because|since|given|so\s+that|such\s+as|in\s+that|thus|therefore)\b/i;

/** Is this stretch of text a remark about the modification as a whole? */
export function isGeneralRemark(stretch: string): boolean {
  return OBJECTIVES.test(stretch) || (WHOLE.test(stretch) && JUDGING.test(stretch));
}

/**
 * Does this stretch carry on the remark before it in the same sentence: the reason for it
 * (", as …", ", which …"), or no words of its own (", (f) and (g)")? A stretch that starts a
 * new sentence starts with its full stop, so never does.
 */
const carriesOn = (stretch: string) => REASON.test(stretch) || !/[a-z]{2}/i.test(stretch.replace(/\b(?:and|or)\b/gi, ''));

/** The text with its remarks about the modification as a whole blanked (same length, line breaks kept). */
export function withoutGeneralRemarks(text: string): string {
  let out = '';
  let from = 0;
  let inRemark = false;
  const cut = (to: number) => {
    const stretch = text.slice(from, to);
    inRemark = isGeneralRemark(stretch) || (inRemark && carriesOn(stretch) && !/^[.!?\n]/.test(stretch));
    out += inRemark ? stretch.replace(/[^\n]/g, ' ') : stretch;
    from = to;
  };
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(text); m; m = BREAK.exec(text)) {
    if (m[0].length === 0) {
      BREAK.lastIndex++;
      continue;
    }
    cut(m.index);
  }
  cut(text.length);
  return out;
}
