// The referral queue: open referrals oldest first, with age, service area, behaviours and evidence; filters narrow it.
// Members of staff who take no decisions see only the referrals they made, to follow them up.
import { OTHER_BEHAVIOUR } from "../../../shared/presets/other-behaviour";
import { Button, Field, Input, Link, Select, Spinner } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { loadQueue, type QueueEntry } from "../../../graph/reports/queue";
import { getPreset } from "../../../shared/presets/registry";
import { ErrorNotice } from "../../components/ErrorNotice";
import { ukDate } from "../../components/format";
import { href } from "../app/route";
import { hasRole, useServices } from "../app/services";
import { plural, useUi } from "../app/ui";
import { DataTable } from "../common/DataTable";
import { teamsKeys } from "../app/query-keys";
import { filterQueue, NO_FILTER, type QueueFilter } from "./filter";

const OTHER_FILTER_LABEL = "Other (described by the referrer)";

export default function QueueView() {
  const ui = useUi();
  const { site, now, me } = useServices();
  const queue = useQuery({ queryKey: teamsKeys.queue(), queryFn: () => loadQueue(site, now()) });
  const [filter, setFilter] = useState<QueueFilter>(NO_FILTER);
  const mineOnly = !hasRole(me, "Manager", "Decider", "Reviewer", "Admin");
  const entries = useMemo(() => {
    const all = queue.data ?? [];
    return mineOnly ? all.filter((e) => e.referredBy.toLowerCase() === me.upn.toLowerCase()) : all;
  }, [queue.data, mineOnly, me.upn]);
  const shown = useMemo(() => filterQueue(entries, filter), [entries, filter]);
  const areas = useMemo(() => [...new Set(entries.map((e) => e.serviceArea).filter(Boolean))].sort(), [entries]);
  const policies = useMemo(() => [...new Set(entries.map((e) => e.policyId).filter(Boolean))].sort(), [entries]);
  const behaviours = useMemo(() => {
    const m = new Map<string, string>();
    // Every "Other: …" is one choice in the filter, whatever each referrer wrote.
    for (const e of entries) for (const b of e.behaviours) m.set(b.id, b.id === OTHER_BEHAVIOUR ? OTHER_FILTER_LABEL : b.label);
    return [...m.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  }, [entries]);
  const set = (k: keyof QueueFilter) => (_: unknown, d: { value: string }) => setFilter((f) => ({ ...f, [k]: d.value }));

  return (
    <>
      <h1 className={ui.h1}>{mineOnly ? "Your referrals" : "Referral queue"}</h1>
      {mineOnly ? <p className={ui.muted}>You see the referrals you made. Managers, deciders and reviewers see every open referral.</p> : null}
      <section className={ui.section} aria-labelledby="queue-filters">
        <h2 id="queue-filters" className={ui.h2}>
          Filters
        </h2>
        <div className={ui.row}>
          <Field label="Name or case reference">
            <Input value={filter.text} onChange={set("text")} />
          </Field>
          <Field label="Service area">
            <Select value={filter.serviceArea} onChange={set("serviceArea")}>
              <option value="">All service areas</option>
              {areas.map((a) => (
                <option key={a}>{a}</option>
              ))}
            </Select>
          </Field>
          <Field label="Policy">
            <Select value={filter.policyId} onChange={set("policyId")}>
              <option value="">All policies</option>
              {policies.map((p) => (
                <option key={p} value={p}>
                  {getPreset(p)?.organisation ?? p}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Behaviour">
            <Select value={filter.behaviour} onChange={set("behaviour")}>
              <option value="">Any behaviour</option>
              {behaviours.map(([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Waiting at least">
            <Select value={filter.minAge} onChange={set("minAge")}>
              <option value="">Any time</option>
              <option value="7">7 days</option>
              <option value="14">14 days</option>
              <option value="28">28 days</option>
            </Select>
          </Field>
          <Button onClick={() => setFilter(NO_FILTER)}>Clear filters</Button>
        </div>
      </section>
      <section className={ui.section} aria-labelledby="queue-list">
        <h2 id="queue-list" className={ui.h2}>
          {mineOnly ? "Your open referrals, oldest first" : "Open referrals, oldest first"}
        </h2>
        {queue.error ? <ErrorNotice title="Could not load the referral queue." error={queue.error} onRetry={() => void queue.refetch()} /> : null}
        {queue.isFetching && !queue.data ? <Spinner label="Loading the queue…" /> : null}
        {queue.data ? (
          <>
            <p className={ui.muted} role="status">
              {mineOnly ? plural(entries.length, "open referral of yours", "open referrals of yours") : plural(entries.length, "open referral")}
              {shown.length !== entries.length ? `, ${shown.length} shown` : ""}
            </p>
            <QueueTable entries={shown} />
          </>
        ) : null}
      </section>
    </>
  );
}

export function QueueTable({ entries }: { entries: QueueEntry[] }) {
  if (!entries.length) return <p>No open referrals match.</p>;
  return (
    <DataTable columns={["Customer", "Case", "Waiting", "Service area", "Behaviours", "Evidence", "Referred", "Policy"]} label="Open referrals">
      {entries.map((e) => (
        <tr key={e.caseId}>
          <td>
            <Link href={href({ view: "case", id: e.customerId })}>{e.customerName}</Link>
          </td>
          <td>{e.caseRef}</td>
          <td>{plural(e.ageDays, "day")}</td>
          <td>{e.serviceArea || "—"}</td>
          <td>{e.behaviours.map((b) => b.label).join("; ") || "—"}</td>
          <td>{plural(e.evidenceCount, "contact")}</td>
          <td>
            {ukDate(e.referredAt)} by {e.referredBy}
          </td>
          <td>{e.organisation || e.policyId}</td>
        </tr>
      ))}
    </DataTable>
  );
}
