// "Restrictions": each restriction in plain words, its state, when it started and ends, and its review.
import type { CasePage } from "../../../graph/reports/case-page";
import { describeRestriction } from "../../../shared/restrictions";
import { ukDate } from "../../components/format";
import { Section } from "../app/ui";
import { DataTable } from "../common/DataTable";

export function RestrictionsSection({ page }: { page: CasePage }) {
  const { restrictions } = page.loaded;
  return (
    <Section id="case-restrictions" title="Restrictions">
      {restrictions.length ? (
        <DataTable columns={["Restriction", "State", "From", "Ends", "Review"]} label="Restrictions">
          {restrictions.map((r) => (
            <tr key={r.id}>
              <td>{describeRestriction(r)}</td>
              <td>{r.state}</td>
              <td>{ukDate(r.startsAt)}</td>
              <td>{r.endsAt ? ukDate(r.endsAt) : "At the review"}</td>
              <td>{r.reviewDue ? ukDate(r.reviewDue) : "—"}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>No restrictions.</p>
      )}
    </Section>
  );
}
