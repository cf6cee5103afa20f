// What is due and overdue: scheduled reviews, ends of monitoring and appeals with their deadlines, overdue first and
// then month by month, as a calendar a reviewer can work down.
import { Field, Link, Select, Spinner } from "@fluentui/react-components";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { loadCalendar } from "../../../graph/reports/queue";
import { addCalendarMonths, endOfLondonDay, londonDateKey } from "../../../shared/time/calendar";
import { ErrorNotice } from "../../components/ErrorNotice";
import { ukDate } from "../../components/format";
import { href } from "../app/route";
import { useServices } from "../app/services";
import { plural, useUi } from "../app/ui";
import { DataTable } from "../common/DataTable";
import { teamsKeys } from "../app/query-keys";
import { KIND_WORDS, calendarGroups } from "./calendar";

export default function CalendarView() {
  const ui = useUi();
  const { site, now } = useServices();
  const [months, setMonths] = useState("3");
  const due = useQuery({
    queryKey: teamsKeys.calendar(Number(months)),
    queryFn: () => {
      const at = now();
      return loadCalendar(site, at, endOfLondonDay(addCalendarMonths(londonDateKey(at), Number(months))));
    },
    // A wider window keeps the shorter one's list on screen until its own answer comes.
    placeholderData: keepPreviousData,
  });
  const [kind, setKind] = useState("");
  const entries = useMemo(() => (due.data ?? []).filter((e) => !kind || e.kind === kind), [due.data, kind]);
  const groups = calendarGroups(entries);
  const overdue = entries.filter((e) => e.overdue).length;
  return (
    <>
      <h1 className={ui.h1}>Reviews and appeals</h1>
      <section className={ui.section} aria-labelledby="calendar-summary">
        <h2 id="calendar-summary" className={ui.h2}>
          What is due and overdue
        </h2>
        <div className={ui.row}>
          <Field label="Due within">
            <Select value={months} onChange={(_, v) => setMonths(v.value)}>
              <option value="1">1 month</option>
              <option value="3">3 months</option>
              <option value="6">6 months</option>
              <option value="12">12 months</option>
            </Select>
          </Field>
          <Field label="Show">
            <Select value={kind} onChange={(_, v) => setKind(v.value)}>
              <option value="">Everything due</option>
              <option value="ScheduledReview">Scheduled reviews</option>
              <option value="MonitoringEnd">Ends of monitoring</option>
              <option value="Appeal">Appeals</option>
            </Select>
          </Field>
        </div>
        {due.error ? <ErrorNotice title="Could not load what is due." error={due.error} onRetry={() => void due.refetch()} /> : null}
        {due.isFetching && !due.data ? <Spinner label="Loading the calendar…" /> : null}
        {due.data ? (
          <p role="status">
            {plural(entries.length, "item")} due within {plural(Number(months), "month")}, {overdue} overdue.
          </p>
        ) : null}
      </section>
      {groups.map((g, i) => (
        <section key={g.title} className={ui.section} aria-labelledby={`cal-${i}`}>
          <h2 id={`cal-${i}`} className={ui.h2}>
            {g.title}
          </h2>
          <DataTable columns={["Due by", "What", "Customer", "Case", "When", "Reviewer"]} label={g.title}>
            {g.entries.map((e) => (
              <tr key={e.reviewId}>
                <td>{ukDate(e.dueBy)}</td>
                <td>{KIND_WORDS[e.kind]}</td>
                <td>
                  <Link href={href({ view: "case", id: e.customerId })}>{e.customerName}</Link>
                </td>
                <td>{e.caseRef}</td>
                <td>{e.overdue ? <strong>{plural(-e.daysLeft, "day")} overdue</strong> : e.daysLeft === 0 ? "Today" : `In ${plural(e.daysLeft, "day")}`}</td>
                <td>{e.reviewer ?? "—"}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      ))}
    </>
  );
}
