import type { DriverId, NeedId, OutcomeId, StateId } from '../entry-schema';
import { live, liveGroup } from '../i18n/messages';

/**
 * The check-in's words. States are named as protective responses, neutrally;
 * needs and steps are small and concrete; every screen has a way out.
 * Words: messages/<locale>/checkin.json, and state, driver, capacity, need,
 * outcome and step.json for the choices.
 */
export const stateCopy: Record<StateId, { label: string; description: string }> = /* @__PURE__ */ live('state');

export const driverCopy: Record<DriverId, { label: string; description: string }> = /* @__PURE__ */ live('driver');

/** A five-step scale in words, not numbers or faces: capacity, not mood. */
export const capacityCopy: Record<1 | 2 | 3 | 4 | 5, string> = /* @__PURE__ */ live('capacity');

export const needCopy: Record<NeedId, { label: string; description: string }> = /* @__PURE__ */ live('need');

export const outcomeCopy: Record<OutcomeId, string> = /* @__PURE__ */ live('outcome');

/**
 * Follow-up: after "A bit" or "Not really", an offer of another step now, with
 * the earlier answers filled in; its card on the first screen waits there and
 * never stands in the way. `kept`: after Esc or Close with words typed, they
 * were kept and can be let go. `clearChoice` undoes the answer to an optional
 * one-choice question; its label names the question.
 */
const words = /* @__PURE__ */ live('checkin');

/* Groups are live too: a screen keeps one in a variable (`const t = checkInCopy.followUp`) and still switches language. */
const followUp = /* @__PURE__ */ liveGroup(
  () => words.followUp,
  (f) => ({ earlier: (time: string) => f.earlier({ time }) }),
);
const clearChoice = /* @__PURE__ */ liveGroup(
  () => words.clearChoice,
  (c) => ({ label: (question: string) => c.label({ question }) }),
);

export const checkInCopy = /* @__PURE__ */ live('checkin', (m) => ({
  stepOf: (current: number, total: number) => m.stepOf({ current, total }),
  /** Read out when a step opens: "Step 2 of 3: What I need". */
  stepAnnouncement: (position: string, name: string) => m.stepAnnouncement({ position, name }),
  followUp,
  clearChoice,
}));

/** The built-in small steps' words, by id (the catalogue in src/shared/steps holds what each serves). */
export const stepCopy: Record<string, string> = /* @__PURE__ */ live('step');
