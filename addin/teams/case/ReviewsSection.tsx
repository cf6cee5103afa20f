// "Reviews and appeals": every scheduled review, end of monitoring and appeal, newest first, with its outcome.
import type { CasePage } from "../../../graph/reports/case-page";
import { ukDate } from "../../components/format";
import { Section, useUi } from "../app/ui";
import { DataTable } from "../common/DataTable";

const KIND_WORDS = { Appeal: "Appeal", MonitoringEnd: "End of monitoring", ScheduledReview: "Scheduled review" } as const;

export function ReviewsSection({ page }: { page: CasePage }) {
  const ui = useUi();
  const { reviews } = page.loaded;
  return (
    <Section id="case-reviews" title="Reviews and appeals">
      {reviews.length ? (
        <DataTable columns={["What", "Opened", "Due by", "Outcome", "By", "Reasons or grounds"]} label="Reviews and appeals">
          {[...reviews]
            .sort((a, b) => b.openedAt.localeCompare(a.openedAt))
            .map((r) => (
              <tr key={r.id}>
                <td>{KIND_WORDS[r.kind]}</td>
                <td>{ukDate(r.openedAt)}</td>
                <td>{ukDate(r.dueBy)}</td>
                <td>{r.outcome ? `${r.outcome} on ${ukDate(r.decidedAt)}` : "Open"}</td>
                <td>{r.reviewer ?? "—"}</td>
                <td className={ui.wrap}>{r.reasons ?? ""}</td>
              </tr>
            ))}
        </DataTable>
      ) : (
        <p>No reviews or appeals.</p>
      )}
    </Section>
  );
}
