// The case page's sections in their order: the facts and evidence come before the next steps, so a step is taken on them.
import { Link } from "@fluentui/react-components";
import type { CasePage } from "../../../graph/reports/case-page";
import { getPreset } from "../../../shared/presets/registry";
import type { Effect } from "../../../shared/workflow";
import { href } from "../app/route";
import { hasRole, useServices } from "../app/services";
import { Section, useUi } from "../app/ui";
import { CaseSummary } from "./CaseSummary";
import { ChartSection } from "./ChartSection";
import { ContactsSection } from "./ContactsSection";
import { DecisionsSection } from "./DecisionsSection";
import { EvidenceSection } from "./EvidenceSection";
import { History } from "./History";
import { LettersSection } from "./LettersSection";
import { LocalResolutionSection } from "./LocalResolutionSection";
import { NextSteps } from "./NextSteps";
import { RestrictionsSection } from "./RestrictionsSection";
import { ReviewsSection } from "./ReviewsSection";
import { SensitiveSection } from "./SensitiveSection";

export interface Flash {
  what: string;
  lines: string[];
}

export function CaseBody({ page, flash, onDone, onReload }: { page: CasePage; flash: Flash | null; onDone(e: Effect[], what: string): void; onReload(): void }) {
  const ui = useUi();
  const { me } = useServices();
  const { customer } = page.loaded;
  const preset = getPreset(customer.policyId);
  return (
    <>
      <h1 className={ui.h1}>{customer.name}</h1>
      <CaseSummary page={page} preset={preset} />
      <ChartSection page={page} />
      <EvidenceSection page={page} preset={preset} />
      <LocalResolutionSection page={page} preset={preset} />
      <NextSteps page={page} preset={preset} flash={flash} onDone={onDone} onReload={onReload} />
      <DecisionsSection page={page} />
      <RestrictionsSection page={page} />
      <LettersSection page={page} />
      <ReviewsSection page={page} />
      <ContactsSection page={page} />
      {page.sensitive ? <SensitiveSection notes={page.sensitive} /> : null}
      <Section id="case-history" title="Change history">
        <History page={page} />
      </Section>
      {hasRole(me, "Manager", "Decider", "Admin") ? (
        <p>
          <Link href={href({ view: "access", id: customer.id! })}>Subject access export for this customer</Link>
        </p>
      ) : null}
    </>
  );
}
