// The counts each service area must report: invocations per service area and reason, restrictions in force, reviews
// overdue and appeal outcomes, with a chart, a CSV download and a summary a board can read (counts only).
import { Button, Field, Select, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Suspense, lazy, useCallback, useMemo, useState } from "react";
import { boardSummary, periodOf, reportCsv, type Count, type PeriodKind, type Report } from "../../../graph/reports/aggregate";
import { loadReport } from "../../../graph/reports/load";
import { ErrorNotice } from "../../components/ErrorNotice";
import { ukDate } from "../../components/format";
import { downloadFile, safeFileName } from "../app/download";
import { PrintView, type Printable } from "../app/print";
import { useServices } from "../app/services";
import { Section, useUi } from "../app/ui";
import { teamsKeys } from "../app/query-keys";

const BarChart = lazy(() => import(/* webpackChunkName: "teams-bar-chart" */ "./BarChart"));

const useStyles = makeStyles({
  figures: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(180px, 1fr))", gap: tokens.spacingHorizontalM, margin: 0 },
  figure: { backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, "& dd": { margin: 0, fontSize: tokens.fontSizeHero800, fontWeight: tokens.fontWeightSemibold } },
});

export default function ReportsView() {
  const ui = useUi();
  const styles = useStyles();
  const { site, now } = useServices();
  const [kind, setKind] = useState<PeriodKind>("Quarter");
  const [offset, setOffset] = useState(0);
  const [clock] = useState(() => now());
  const period = useMemo(() => periodOf(kind, clock, -offset), [kind, offset, clock]);
  const report = useQuery({ queryKey: teamsKeys.report(period.kind, period.start), queryFn: () => loadReport(site, period, now()), placeholderData: keepPreviousData });
  const [printing, setPrinting] = useState<Printable | null>(null);
  const stopPrinting = useCallback(() => setPrinting(null), []);
  const choices = useMemo(() => Array.from({ length: kind === "Month" ? 12 : kind === "Quarter" ? 8 : 4 }, (_, i) => periodOf(kind, clock, -i)), [kind, clock]);
  const r = report.data;
  const summary = r ? boardSummary(r) : [];

  return (
    <>
      <h1 className={ui.h1}>Reports</h1>
      <Section id="report-period" title="Period">
        <div className={ui.row}>
          <Field label="Report by">
            <Select
              value={kind}
              onChange={(_, v) => {
                setKind(v.value as PeriodKind);
                setOffset(0);
              }}
            >
              <option value="Quarter">Quarter</option>
              <option value="Month">Month</option>
              <option value="Year">Calendar year</option>
            </Select>
          </Field>
          <Field label="Period">
            <Select value={String(offset)} onChange={(_, v) => setOffset(Number(v.value))}>
              {choices.map((p, i) => (
                <option key={p.start} value={String(i)}>
                  {p.label}
                </option>
              ))}
            </Select>
          </Field>
          <Button appearance="primary" disabled={!r} onClick={() => r && downloadFile(`${safeFileName("upc-report", period.label)}.csv`, "text/csv;charset=utf-8", `\ufeff${reportCsv(r)}`)}>
            Download CSV
          </Button>
        </div>
        {report.error ? <ErrorNotice title="Could not load the report." error={report.error} onRetry={() => void report.refetch()} /> : null}
        {report.isFetching ? <Spinner size="tiny" label="Counting…" /> : null}
      </Section>
      {r ? (
        <>
          <Section id="report-figures" title={`${period.label} at a glance`}>
            <dl className={styles.figures}>
              <div className={styles.figure}>
                <dt>Times the policy was applied</dt>
                <dd>{r.invocations}</dd>
              </div>
              <div className={styles.figure}>
                <dt>Restrictions in force today</dt>
                <dd>{r.restrictionsInForce}</dd>
              </div>
              <div className={styles.figure}>
                <dt>Reviews overdue today</dt>
                <dd>{r.reviewsOverdue}</dd>
              </div>
              <div className={styles.figure}>
                <dt>Appeals decided</dt>
                <dd>{r.appealsDecided}</dd>
              </div>
            </dl>
            <p className={ui.muted}>
              “Applied” counts decisions to monitor or restrict, on the day they were decided. Counted on {ukDate(r.generatedAt)}.
            </p>
          </Section>
          <Section id="report-areas" title="Times the policy was applied, by service area">
            <Suspense fallback={<Spinner size="tiny" label="Drawing the chart…" />}>
              <BarChart title={`Times the policy was applied per service area, ${period.label}`} counts={r.invocationsByServiceArea} id="chart-areas" />
            </Suspense>
            <CountTable caption="Times the policy was applied, by service area" counts={r.invocationsByServiceArea} total={r.invocations} />
          </Section>
          <Section id="report-reasons" title="Behaviours cited when the policy was applied">
            <CountTable caption="Behaviours cited (a decision may cite more than one)" counts={r.invocationsByReason} />
            <CountTable caption="All decisions by outcome" counts={r.decisionsByOutcome} />
          </Section>
          <Section id="report-in-force" title="Restrictions in force">
            <CountTable caption="Restrictions in force by kind" counts={r.restrictionsByKind} total={r.restrictionsInForce} />
            <CountTable caption="Customers with restrictions in force by service area" counts={r.restrictedCustomersByServiceArea} />
          </Section>
          <Section id="report-overdue" title="Reviews overdue">
            <CountTable caption="Overdue today by kind" counts={r.reviewsOverdueByKind} total={r.reviewsOverdue} />
          </Section>
          <Section id="report-appeals" title="Outcomes of appeals">
            <CountTable caption="Appeals decided in the period" counts={r.appealOutcomes} total={r.appealsDecided} />
            <p>Decided after the deadline: {r.appealsDecidedLate}</p>
          </Section>
          <Section
            id="report-board"
            title="Summary for the board"
            actions={
              <div className={ui.row}>
                <Button onClick={() => downloadFile(`${safeFileName("upc-board-summary", period.label)}.txt`, "text/plain;charset=utf-8", boardText(r, summary))}>Download summary</Button>
                <Button onClick={() => setPrinting({ title: `Unreasonably persistent contact: ${period.label}`, body: summary.join("\n\n") })}>Print summary</Button>
              </div>
            }
          >
            {summary.map((p) => (
              <p key={p}>{p}</p>
            ))}
          </Section>
        </>
      ) : null}
      {printing ? <PrintView doc={printing} onDone={stopPrinting} /> : null}
    </>
  );
}

function boardText(r: Report, paragraphs: string[]): string {
  return `Unreasonably persistent contact: ${r.period.label}\n\n${paragraphs.join("\n\n")}\n`;
}

function CountTable({ caption, counts, total }: { caption: string; counts: Count[]; total?: number }) {
  const ui = useUi();
  return (
    <table className={ui.table} style={{ marginBottom: tokens.spacingVerticalM }}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Count</th>
        </tr>
      </thead>
      <tbody>
        {counts.map((c) => (
          <tr key={c.key}>
            <th scope="row">{c.label}</th>
            <td>{c.count}</td>
          </tr>
        ))}
        {!counts.length ? (
          <tr>
            <td colSpan={2}>None</td>
          </tr>
        ) : null}
        {total !== undefined ? (
          <tr>
            <th scope="row">Total</th>
            <td>{total}</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
