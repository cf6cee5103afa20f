// Naming who took part in a step: one directory picker for each office the policy says decides jointly or is
// consulted, each required. The case service checks that whoever is named holds that office once it is mapped.
import { useState, type ReactElement } from "react";
import type { ActorRule, Preset } from "../../../shared/presets/schema";
import { officeTitle, type Participant } from "../../../shared/workflow/offices";
import { PeoplePicker, type PickedPerson } from "./PeoplePicker";

interface Needed {
  office: string;
  label: string;
  missing: string;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The offices to name with a step under this rule, each with its picker's label in the policy's words. */
export function participantsNeeded(preset: Preset, rule: Pick<ActorRule, "jointly" | "consulted"> | null | undefined): Needed[] {
  if (!rule) return [];
  const one = (office: string, how: string, missing: string) => ({ office, label: `${cap(officeTitle(preset, office))} (${how})`, missing: `${missing} ${officeTitle(preset, office)}.` });
  return [
    ...(rule.jointly ?? []).map((o) => one(o, "decides this jointly with you", "Name who decided this jointly with you as")),
    ...(rule.consulted ?? []).map((o) => one(o, "consulted", "Name who was consulted as")),
  ];
}

export interface ParticipantsState {
  /** What is still missing, in the words shown to the person. */
  missing: string[];
  /** What is sent with the step; absent when the rule names no one else. */
  participants: Participant[] | undefined;
  pickers: ReactElement | null;
}

export function useParticipants(preset: Preset, rule: Pick<ActorRule, "jointly" | "consulted"> | null | undefined, tried: boolean): ParticipantsState {
  const [chosen, setChosen] = useState<Record<string, PickedPerson[]>>({});
  const needed = participantsNeeded(preset, rule);
  const missing = needed.filter((n) => !chosen[n.office]?.length).map((n) => n.missing);
  const participants = needed.length ? needed.flatMap((n) => (chosen[n.office] ?? []).slice(0, 1).map((p) => ({ office: n.office, upn: p.mail }))) : undefined;
  const pickers = needed.length ? (
    <>
      {needed.map((n) => (
        <PeoplePicker
          key={n.office}
          label={n.label}
          required
          value={chosen[n.office] ?? []}
          onChange={(v) => setChosen((all) => ({ ...all, [n.office]: v }))}
          hint="They are recorded as taking part, so they cannot review or hear an appeal on this step."
          error={tried && !chosen[n.office]?.length ? n.missing : undefined}
        />
      ))}
    </>
  ) : null;
  return { missing, participants, pickers };
}
