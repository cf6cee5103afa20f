// A table of logged contacts: when, how, which way, what about, who took it and the matter.
import type { CasePage } from "../../../graph/reports/case-page";
import { ukDateTime } from "../../components/format";
import { useUi } from "../app/ui";
import { DataTable } from "../common/DataTable";

export function ContactTable({ rows, caption }: { rows: CasePage["contacts"]; caption: string }) {
  const ui = useUi();
  return (
    <DataTable columns={["When", "Channel", "Direction", "Subject or summary", "Officer", "Matter"]} caption={caption}>
      {rows.map((c) => (
        <tr key={c.id}>
          <td>{ukDateTime(c.contactAt)}</td>
          <td>{c.channel}</td>
          <td>{c.direction === "In" ? "From them" : "To them"}</td>
          <td className={ui.wrap}>{c.title}</td>
          <td>{c.staffUpn}</td>
          <td>{c.matterRef || "—"}</td>
        </tr>
      ))}
    </DataTable>
  );
}
