// What a transition gives back: the new case file and what must follow, or the reason it was refused, in words.
import type { CustomerStatus, LetterKind, ReviewKind } from "../domain/vocab";
import type { StaffNoticeEvent } from "../presets/schema";
import type { CaseFile } from "./state";

export type Effect =
  | { type: "StatusChanged"; from: CustomerStatus; to: CustomerStatus }
  | { type: "OpenReview"; kind: ReviewKind; dueBy: string }
  | { type: "LetterOwed"; kind: LetterKind }
  | { type: "NotifyStaff"; event: StaffNoticeEvent; offices: string[]; recipients: string[] }
  | { type: "NotifySpoc"; message: string }
  | { type: "Note"; message: string };

export type Transition = { ok: true; file: CaseFile; effects: Effect[] } | { ok: false; reason: string };

export function refused(reason: string): Transition {
  return { ok: false, reason };
}
