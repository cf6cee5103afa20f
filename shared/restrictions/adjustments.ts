// Flags a restriction that may clash with a recorded reasonable adjustment: a keyword prompt for a human, not a verdict.
import type { RestrictionParams } from "../domain/restriction-params";
import type { ContactChannel } from "../domain/vocab";
import { describeRestriction } from "./describe";

/**
 * Words that suggest an adjustment relies on a channel. Deliberately broad: a false alarm costs a decider a moment's
 * reading, a missed clash can breach the Equality Act duty.
 */
const CHANNEL_CUES: Partial<Record<ContactChannel, RegExp>> = {
  Email: /\be[\s-]?mails?\b|\be[\s-]?mailing\b|\be[\s-]?mailed\b/i,
  Phone: /\b(tele)?phon(e|es|ed|ing)\b|\bcall(s|ed|ing)?\b|\bmobile\b|\bring(s|ing)?\s+(us|them|him|her)\b/i,
  Letter: /\bletters?\b|\bpost(al)?\b|\bin writing\b|\bbraille\b|\blarge print\b/i,
  InPerson: /\bface[\s-]to[\s-]face\b|\bin[\s-]person\b|\bvisits?\b|\bvisiting\b|\bmeetings?\b|\bmeet\b/i,
  Web: /\bweb\s?(site|form)s?\b|\bonline\b/i,
};

const EXTRA_TIME = /\b(extra|more|additional|longer|processing)\s+time\b|\blonger\s+(calls?|appointments?|meetings?)\b|\bbreaks?\b|\bnot\s+(be\s+)?rushed\b|\btime\s+to\s+(process|respond|understand|think)\b/i;
const TIMING = /\bmornings?\b|\bafternoons?\b|\bevenings?\b|\bflexible\s+(times?|hours)\b|\bany\s+time\b|\bshifts?\b|\bnight\s+work\b/i;
const REPLY = /\brepl(y|ies)\b|\brespon(d|se|ses)\b|\backnowledg/i;
const ADVOCATE = /\badvocate\b|\bsupport\s+worker\b|\bcarer\b|\binterpreter\b/i;

/** The sentence or line of the adjustment text that contains the match, for quoting back. */
function quoted(text: string, cue: RegExp): string | null {
  const fragments = text.split(/\r?\n|(?<=[.;!?])\s+/).map((f) => f.trim()).filter(Boolean);
  const hit = fragments.find((f) => cue.test(f));
  return hit ? hit.replace(/[.;]+$/, "") : null;
}

function firstQuote(text: string, cues: readonly RegExp[]): string | null {
  for (const cue of cues) {
    const q = quoted(text, cue);
    if (q) return q;
  }
  return null;
}

function cuesExcept(keep: ContactChannel | null): RegExp[] {
  return Object.entries(CHANNEL_CUES)
    .filter(([channel]) => channel !== keep)
    .map(([, cue]) => cue);
}

function cuesFor(channels: readonly ContactChannel[]): RegExp[] {
  return channels.flatMap((c) => (CHANNEL_CUES[c] ? [CHANNEL_CUES[c]] : []));
}

function cuesToCheck(params: RestrictionParams): RegExp[] {
  switch (params.kind) {
    case "SingleChannel":
      return cuesExcept(params.channel);
    case "ContactQuota":
      return params.channel ? cuesExcept(params.channel) : [];
    case "BlockElectronic":
      return cuesFor(params.includePhone ? ["Email", "Web", "Phone"] : ["Email", "Web"]);
    case "CallLength":
      return [EXTRA_TIME];
    case "CallSlots":
      return [TIMING];
    case "PremisesAccess":
    case "Witness":
      return cuesFor(["InPerson"]);
    case "FiledWithoutReply":
      return [REPLY];
    case "NoContact":
      return [...cuesFor(["Email", "Phone", "Letter", "InPerson", "Web"]), ADVOCATE];
    // Who deals, which matter, and what is new or serious do not turn on how the customer can communicate.
    case "NamedOfficer":
    case "NoSameMatter":
    case "NewIssuesOnly":
    case "SeriousOnly":
      return [];
  }
}

/**
 * A sentence for the decider when the restriction may undo a recorded reasonable adjustment, e.g. "Letters only
 * conflicts with the recorded adjustment: 'prefers e-mail because of dyslexia'"; null when no cue is found. It is a
 * prompt to think again, found by keywords, never a decision that the restriction is unlawful.
 */
export function conflictsWithAdjustments(params: RestrictionParams, adjustments: string): string | null {
  if (!adjustments.trim()) return null;
  const quote = firstQuote(adjustments, cuesToCheck(params));
  return quote ? `${describeRestriction(params)} conflicts with the recorded adjustment: '${quote}'` : null;
}
