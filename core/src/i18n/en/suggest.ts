// "Did you mean …?" and the sentences it joins (core/src/text/suggest.ts), and the fix that applies it.
export const suggest = {
  didYouMean: 'Did you mean {names}?',
  /** A message that ends a sentence, then another sentence (a hint, a list of what is allowed). */
  thenSentence: '{message} {next}',
  /** A message without its closing full stop, then another sentence. */
  thenClause: '{message}. {next}',
  changeTo: "Change to '{name}'",
} as const;
