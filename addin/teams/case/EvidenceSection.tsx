// The referral as it was made: who referred, the behaviours, the summary and the contacts attached as evidence.
import type { CasePage } from "../../../graph/reports/case-page";
import { behaviourWords } from "../../../shared/presets/other-behaviour";
import type { Preset } from "../../../shared/presets/schema";
import { ukDate } from "../../components/format";
import { Section, useUi } from "../app/ui";
import { ContactTable } from "./ContactTable";

export function EvidenceSection({ page, preset }: { page: CasePage; preset: Preset | undefined }) {
  const ui = useUi();
  const { file } = page.loaded;
  const evidenceIds = new Set(file.referral?.evidenceContactIds ?? []);
  const evidence = page.contacts.filter((c) => evidenceIds.has(c.id));
  // A behaviour outside the policy's list reads "Other: <their words>"; React keeps any markup in it as text.
  const label = (id: string) => behaviourWords(id, preset?.behaviours.items, file.referral?.otherBehaviour);
  return (
    <Section id="case-evidence" title="Evidence attached to the referral">
      {file.referral ? (
        <p>
          Referred by {file.referral.by} on {ukDate(file.referral.at)}
          {file.referral.serviceArea ? ` (${file.referral.serviceArea})` : ""}. Behaviours: {file.referral.behaviours.map(label).join("; ") || "none given"}.
        </p>
      ) : null}
      {file.referral?.summary ? <p className={ui.wrap}>{file.referral.summary}</p> : null}
      {evidence.length ? <ContactTable rows={evidence} caption="Evidence contacts" /> : <p>{file.referral ? "No contacts were attached as evidence." : "There is no referral."}</p>}
    </Section>
  );
}
