// The case's change history from SharePoint's item versions: who changed what, and when. Loaded when asked for.
import { Button, Spinner } from "@fluentui/react-components";
import { useState } from "react";
import { toDataError } from "../../../graph/client/errors";
import { historyItems, type CasePage } from "../../../graph/reports/case-page";
import { loadChangeHistory, type HistoryEntry } from "../../../graph/reports/history";
import { ErrorNotice } from "../../components/ErrorNotice";
import { ukDateTime } from "../../components/format";
import { useServices } from "../app/services";
import { plural, useUi } from "../app/ui";
import { DataTable } from "../common/DataTable";

export function History({ page }: { page: CasePage }) {
  const ui = useUi();
  const { site } = useServices();
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const load = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setEntries(await loadChangeHistory(site, historyItems(page)));
    } catch (e) {
      setError(toDataError(e));
    } finally {
      setBusy(false);
    }
  };
  if (!entries) {
    return (
      <div className={ui.stack}>
        <p className={ui.muted}>Every change to this case's records, from SharePoint's version history (the contact log is listed above).</p>
        {error ? <ErrorNotice title="Could not load the change history." error={error} onRetry={() => void load()} /> : null}
        <div>
          <Button onClick={() => void load()} disabled={busy}>
            Show change history
          </Button>
          {busy ? <Spinner size="tiny" label="Loading versions…" /> : null}
        </div>
      </div>
    );
  }
  return (
    <DataTable columns={["When", "Who", "Record", "What changed"]} label="Change history" lead={<p role="status">{plural(entries.length, "change")}, newest first.</p>}>
      {entries.map((e) => (
        <tr key={`${e.list}-${e.itemId}-${e.version}`}>
          <td>{ukDateTime(e.at)}</td>
          <td>{e.by}</td>
          <td>
            {e.item} <span className={ui.muted}>(version {e.version})</span>
          </td>
          <td>
            {e.created ? <strong>Created. </strong> : null}
            {e.changes.length ? (
              <ul style={{ margin: 0, paddingLeft: "1.2em" }}>
                {e.changes.map((c) => (
                  <li key={c.field} className={ui.wrap}>
                    {c.field}: {e.created ? c.to : `${c.from || "(empty)"} → ${c.to || "(empty)"}`}
                  </li>
                ))}
              </ul>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
