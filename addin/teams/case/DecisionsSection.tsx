// "Decisions": every decided or withdrawn referral, newest first, with who decided and why.
import type { CasePage } from "../../../graph/reports/case-page";
import { ukDate } from "../../components/format";
import { Section, useUi } from "../app/ui";
import { DataTable } from "../common/DataTable";

export function DecisionsSection({ page }: { page: CasePage }) {
  const ui = useUi();
  const decided = page.loaded.cases.filter((k) => k.stage !== "Referred");
  return (
    <Section id="case-decisions" title="Decisions">
      {decided.length ? (
        <DataTable columns={["Decided", "Outcome", "By", "Reasons"]} label="Decisions">
          {decided
            .sort((a, b) => (b.decidedAt ?? b.referredAt).localeCompare(a.decidedAt ?? a.referredAt))
            .map((k) => (
              <tr key={k.id}>
                <td>{ukDate(k.decidedAt ?? k.referredAt)}</td>
                <td>{k.stage === "Withdrawn" ? "Referral withdrawn" : k.outcome}</td>
                <td>{k.decidedBy ?? "—"}</td>
                <td className={ui.wrap}>{k.reasons ?? ""}</td>
              </tr>
            ))}
        </DataTable>
      ) : (
        <p>No decisions yet.</p>
      )}
    </Section>
  );
}
