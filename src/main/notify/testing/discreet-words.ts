/**
 * Words that must never appear in text others may see (notification, tray,
 * window title): mental-health words, and the copy guide's "never" words.
 * Matched case-insensitively on word starts, so "stressed" or "Therapist" count.
 */
export const NOT_IN_PUBLIC_TEXT = [
  'mental',
  'health',
  'trauma',
  'ptsd',
  'anxi',
  'panic',
  'depress',
  'stress',
  'therap',
  'crisis',
  'suicid',
  'self-harm',
  'harm',
  'feel',
  'emotion',
  'mood',
  'safe',
  'ground',
  'breath',
  'cope',
  'coping',
  'heal',
  'wellbeing',
  'well-being',
  'mindful',
  'calm',
  'should',
  'must',
  'have to',
  'just',
  'simply',
  'missed',
  'streak',
] as const;

/** The offending words found in `text` (empty when it is discreet), plus any exclamation mark. */
export const publicTextProblems = (text: string): string[] => {
  const lower = text.toLowerCase();
  const found: string[] = NOT_IN_PUBLIC_TEXT.filter((word) => new RegExp(`(^|[^a-z])${word.replace('-', '\\-')}`).test(lower));
  if (text.includes('!')) found.push('!');
  return found;
};
