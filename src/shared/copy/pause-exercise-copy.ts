import type { ExerciseId } from '../pauses/exercises';
import { plural } from './plural';

/**
 * The pause exercises: orienting and grounding with eyes open, each line an
 * invitation. Breathing is offered, never required, and never held.
 */
export const exerciseCopy: Record<ExerciseId, { title: string; intro: string; prompts: readonly string[] }> = {
  'look-around': {
    title: 'Look around',
    intro: 'A short look around the room, eyes open. Go at your own pace.',
    prompts: [
      'Let your eyes wander slowly around the room.',
      'Find three things you can see. You can name them quietly.',
      'Notice something with a colour you like.',
      'Find something plain and neutral to rest your eyes on.',
      'Notice where the door is, and the light.',
      'Look around once more, a little slower.',
    ],
  },
  'feel-support': {
    title: 'Feel what holds you up',
    intro: 'Noticing your body where it meets the chair or the floor, eyes open.',
    prompts: [
      'Feel your feet on the floor.',
      'Press them down a little, and notice the floor pressing back.',
      'Notice what you are sitting or standing on.',
      'Feel the weight of your hands, wherever they are.',
      'If it feels okay, let one breath be a little longer on the way out. Or skip this.',
      'Look around the room again.',
    ],
  },
  'sounds-near-far': {
    title: 'Sounds near and far',
    intro: 'Listening to what is around you, with your eyes open.',
    prompts: [
      'Listen for the farthest sound you can hear.',
      'Now a sound a little closer.',
      'Now the closest sound — maybe your own movement.',
      'Notice a moment of quiet between sounds.',
      'Let your eyes rest on something in the room.',
      'Look around, and notice where you are.',
    ],
  },
};

const MINUTES_LEFT = { one: 'About # minute left', other: 'About # minutes left' };

export const pauseCopy = {
  heading: 'A short pause',
  /** The exercise choice's own label (the heading already names the window). */
  chooseExercise: 'Which pause',
  chooseLength: 'Length',
  /** A pause's length in the picker: "1 minute", "2 minutes" (plural rules, not a fixed list). */
  length: (seconds: number) => plural(seconds / 60, { one: '# minute', other: '# minutes' }),
  begin: 'Begin',
  stop: 'Stop',
  notHelping: 'This isn’t helping',
  /**
   * The quiet line's text alternative: no numbers, and it changes only twice in
   * a pause, so a screen reader is never given a countdown.
   */
  progress: {
    start: 'Early in the pause',
    middle: 'About halfway through',
    end: 'Near the end of the pause',
  },
  /** Only when the person turns it on in Settings; whole minutes, never seconds. */
  timeLeft: (count: number) => (count < 1 ? 'Less than a minute left' : plural(count, MINUTES_LEFT)),
  notHelpingHeading: 'That’s okay.',
  notHelpingBody: 'Not every pause fits every moment. You can try a different one, or close this.',
  tryAnother: (title: string) => `Try “${title}”`,
  close: 'Close',
  doneHeading: 'That’s the pause.',
  doneBody: 'If you like, you can check in about what you need now.',
  checkIn: 'Check in',
  stoppedHeading: 'Stopped.',
  stoppedBody: 'You can close this now.',
} as const;
