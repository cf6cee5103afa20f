// Words in a recorded reasonable adjustment that suggest a restriction may undo it: broad on purpose, for a human to read.
import type { ContactChannel } from "../../domain/vocab";

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

export const EXTRA_TIME = /\b(extra|more|additional|longer|processing)\s+time\b|\blonger\s+(calls?|appointments?|meetings?)\b|\bbreaks?\b|\bnot\s+(be\s+)?rushed\b|\btime\s+to\s+(process|respond|understand|think)\b/i;
export const TIMING = /\bmornings?\b|\bafternoons?\b|\bevenings?\b|\bflexible\s+(times?|hours)\b|\bany\s+time\b|\bshifts?\b|\bnight\s+work\b/i;
export const REPLY = /\brepl(y|ies)\b|\brespon(d|se|ses)\b|\backnowledg/i;
export const ADVOCATE = /\badvocate\b|\bsupport\s+worker\b|\bcarer\b|\binterpreter\b/i;

/** Cues for every channel but the kept ones. */
export function cuesExcept(keep: readonly ContactChannel[]): RegExp[] {
  return Object.entries(CHANNEL_CUES)
    .filter(([channel]) => !keep.includes(channel as ContactChannel))
    .map(([, cue]) => cue);
}

export function cuesFor(channels: readonly ContactChannel[]): RegExp[] {
  return channels.flatMap((c) => (CHANNEL_CUES[c] ? [CHANNEL_CUES[c]] : []));
}
