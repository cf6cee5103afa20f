// Register problems, for administrators: each row someone typed into a list that the product cannot read, what is
// wrong with it in words, and a link to mend it in SharePoint. The product left each out and carried on.
import { Link, Spinner } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { loadProblems } from "../../../graph/reports/problems";
import { ErrorNotice } from "../../components/ErrorNotice";
import { ukDateTime } from "../../components/format";
import { hasRole, useServices } from "../app/services";
import { plural, useUi } from "../app/ui";
import { teamsKeys } from "../app/query-keys";
import { DataTable } from "../common/DataTable";

export default function ProblemsView() {
  const ui = useUi();
  const { site, me } = useServices();
  const admin = hasRole(me, "Admin");
  // Only an administrator's tab asks: the list names rows and columns others have no need to see.
  const problems = useQuery({ queryKey: teamsKeys.problems(), queryFn: () => loadProblems(site), enabled: admin });
  if (!admin) {
    return (
      <>
        <h1 className={ui.h1}>Register problems</h1>
        <p>Only members of UPC Admins can see the register's problems.</p>
      </>
    );
  }
  return (
    <>
      <h1 className={ui.h1}>Register problems</h1>
      <p className={ui.muted}>
        Rows in the register's lists that the product cannot read, usually because they were typed or imported by hand. Each was left out and
        everything else carried on. Mend the row in SharePoint (or delete it); it leaves this list within a minute of being mended.
      </p>
      {problems.error ? <ErrorNotice title="Could not load the register's problems." error={problems.error} onRetry={() => void problems.refetch()} /> : null}
      {problems.isFetching && !problems.data ? <Spinner label="Loading the register's problems…" /> : null}
      {problems.data ? (
        <DataTable columns={["List", "Item", "Column", "What is wrong", "Found"]} label="Register problems" lead={<p role="status">{problems.data.length ? plural(problems.data.length, "row") + " to mend." : "No problems: every row reads."}</p>}>
          {problems.data.map((p) => (
            <tr key={`${p.list}-${p.itemId}`}>
              <td>{p.list}</td>
              <td>
                <Link href={p.link} target="_blank" rel="noreferrer">
                  Item {p.itemId}
                </Link>
              </td>
              <td>{p.column || "—"}</td>
              <td className={ui.wrap}>{p.problem}</td>
              <td>{p.foundAt ? ukDateTime(p.foundAt) : "—"}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
