// The case's history: every step in its log (who did what, and when), and on request the lists' own version history,
// which also shows any row someone changed by hand.
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
  const log = page.loaded.history.length ? (
    <DataTable columns={["When", "Who", "What happened"]} label="Steps in the case's log" lead={<p>{plural(page.loaded.history.length, "step")} in the case's log, newest first.</p>}>
      {page.loaded.history.map((e) => (
        <tr key={e.seq}>
          <td>{ukDateTime(e.at)}</td>
          <td>{e.by}</td>
          <td className={ui.wrap}>
            {e.what}
            {e.changes.length ? (
              <ul style={{ margin: 0, paddingLeft: "1.2em" }}>
                {e.changes.map((c) => (
                  <li key={c.field}>
                    {c.field}: {c.from || "(empty)"} → {c.to || "(empty)"}
                  </li>
                ))}
              </ul>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  ) : null;
  if (!entries) {
    return (
      <div className={ui.stack}>
        {log}
        <p className={ui.muted}>What was written to the lists, from SharePoint's version history: the case service's own writes, and any change made by hand (the contact log is listed above).</p>
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
    <div className={ui.stack}>
      {log}
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
    </div>
  );
}
