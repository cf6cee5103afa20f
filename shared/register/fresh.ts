// What a step taken now must say that older logged steps need not: a letter says how it went (to whom by e-mail, the
// day it was posted), so the register never records as sent a letter nobody sent.
import { normaliseEmail } from "../address/email";
import { londonDateKey } from "../time/calendar";
import type { StepEvent } from "./events";

/** A step as it is logged now: a RestrictionExpired says it was judged by today's rules, so replay can tell it from older ones. */
export function asLogged<E extends StepEvent>(event: E): E {
  return event.type === "RestrictionExpired" ? ({ ...event, basis: "policy" } as E) : event;
}

/** A problem in words with a step about to be taken, or null. Logged steps are replayed without it. */
export function freshStepProblem(event: StepEvent, now: Date): string | null {
  if (event.type !== "LetterSent") return null;
  const c = event.content;
  const what = event.kind === "StaffNotice" ? "staff notice" : "letter";
  if (!c) return `Say how the ${what} went: by e-mail (to whom) or by post (the day it was posted).`;
  if (c.channel === "Email") {
    if (!c.to?.length) return `Give the address the ${what} is to be e-mailed to.`;
    for (const a of c.to) {
      const r = normaliseEmail(a);
      if (!r.ok) return r.error;
    }
    return null;
  }
  if (!c.postedOn) return `Give the day the ${what} was posted: record it once it has gone in the post.`;
  if (c.postedOn > londonDateKey(now)) return `The ${what} cannot have been posted on ${c.postedOn}, a day still to come.`;
  return null;
}
