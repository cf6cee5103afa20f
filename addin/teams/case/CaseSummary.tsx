// "The customer": reference, status, policy, addresses, the single point of contact, adjustments and the dates that bind.
import type { CasePage } from "../../../graph/reports/case-page";
import type { Preset } from "../../../shared/presets/schema";
import { spocOf } from "../../../shared/restrictions/spoc";
import { StatusBadge } from "../../components/StatusBadge";
import { ukDate } from "../../components/format";
import { Section, useUi } from "../app/ui";

const KIND_WORDS = { Email: "e-mail", Phone: "phone", Domain: "domain" } as const;

export function CaseSummary({ page, preset }: { page: CasePage; preset: Preset | undefined }) {
  const ui = useUi();
  const { customer, file, restrictions } = page.loaded;
  const emails = page.identities;
  // The record's SPOC, else the named-officer restriction's: after such a restriction the page never says "—".
  const spoc = spocOf(customer, restrictions.filter((r) => r.state === "Active"));
  return (
    <Section id="case-summary" title="The customer">
      <dl className={ui.dl}>
        <dt>Case reference</dt>
        <dd>{customer.caseRef}</dd>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={customer.status} size="medium" />
        </dd>
        <dt>Policy</dt>
        <dd>{preset ? `${preset.organisation}: ${preset.title}` : `${customer.policyId} (not set up here)`}</dd>
        <dt>Kind</dt>
        <dd>{customer.kind}</dd>
        <dt>Service areas</dt>
        <dd>{customer.serviceAreas || "—"}</dd>
        <dt>Known addresses</dt>
        <dd>{emails.length ? emails.map((i) => `${i.value} (${KIND_WORDS[i.kind]})`).join("\n") : "—"}</dd>
        <dt>Single point of contact</dt>
        <dd>{spoc ? `${spoc.name} (${spoc.address})${spoc.inbox ? ", a team inbox" : ""}` : "None named"}</dd>
        <dt>Reasonable adjustments</dt>
        <dd>{customer.adjustments || "None recorded"}</dd>
        <dt>What staff should do</dt>
        <dd>{customer.staffGuidance || "—"}</dd>
        {file.monitoring ? (
          <>
            <dt>Monitoring</dt>
            <dd>
              {file.monitoring.startsAt && file.monitoring.endsAt ? `${ukDate(file.monitoring.startsAt)} to ${ukDate(file.monitoring.endsAt)}` : "Starts when the letter is received"}
              {file.monitoring.outcome ? ` (${file.monitoring.outcome.toLowerCase()})` : ""}
            </dd>
          </>
        ) : null}
        {file.reviewDue ? (
          <>
            <dt>Next review</dt>
            <dd>{ukDate(file.reviewDue)}</dd>
          </>
        ) : null}
      </dl>
    </Section>
  );
}
