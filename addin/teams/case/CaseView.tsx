// A customer's case: who they are, their status and policy, the contact chart with any quota, the evidence,
// local resolution and warnings, restrictions, letters, reviews and appeals, decisions and the change history.
// Deciding, letters and reviews are their own chunks, loaded only for someone who can act on this case.
import { Button, Link, Spinner } from "@fluentui/react-components";
import { Fragment, Suspense, lazy, useCallback, useMemo, useState } from "react";
import { getPreset } from "../../../shared/presets/registry";
import { describeRestriction } from "../../../shared/restrictions";
import type { Effect } from "../../../shared/workflow";
import { loadCasePage, type CasePage } from "../../../graph/reports/case-page";
import { ErrorNotice } from "../../components/ErrorNotice";
import { StatusBadge } from "../../components/StatusBadge";
import { ukDate, ukDateTime } from "../../components/format";
import { href } from "../app/route";
import { hasRole, useServices } from "../app/services";
import { Done, Note, Section, plural, useUi } from "../app/ui";
import { DataTable } from "../common/DataTable";
import { effectsInWords, letterWords } from "../app/useStep";
import { useLoad } from "../app/useLoad";
import { decidableOutcomes, decidersInWords, reviewOptions } from "../decide/options";
import { History } from "./History";
import { weeklyContacts } from "./weekly";
import { spocOf } from "../../../shared/restrictions/spoc";

const ContactChart = lazy(() => import(/* webpackChunkName: "teams-chart" */ "./ContactChart"));
const DecidePanel = lazy(() => import(/* webpackChunkName: "teams-decide" */ "../decide/DecidePanel"));
const LettersPanel = lazy(() => import(/* webpackChunkName: "teams-letters" */ "../letters/LettersPanel"));
const ReviewsPanel = lazy(() => import(/* webpackChunkName: "teams-review-forms" */ "../reviews/ReviewsPanel"));

const SHOWN_CONTACTS = 25;

export default function CaseView({ customerId }: { customerId: string }) {
  const { site, me } = useServices();
  const ui = useUi();
  // Only deciders may read UpcSensitive: nobody else's page asks for it (the store would answer 403).
  const withSensitive = hasRole(me, "Decider");
  const page = useLoad(() => loadCasePage(site, customerId, { withSensitive }), [site, customerId, withSensitive]);
  const [flash, setFlash] = useState<{ what: string; lines: string[] } | null>(null);
  const reload = page.reload;
  const onDone = useCallback(
    (effects: Effect[], what: string) => {
      setFlash({ what, lines: effectsInWords(effects) });
      reload();
    },
    [reload],
  );
  if (page.error && !page.data) return <ErrorNotice title="Could not load this case." error={page.error} onRetry={page.reload} />;
  if (!page.data) return <Spinner label="Loading the case…" />;
  return (
    <>
      {page.error ? <ErrorNotice title="Could not refresh this case." error={page.error} onRetry={page.reload} /> : null}
      {page.loading ? <Spinner size="tiny" label="Refreshing…" /> : null}
      <CaseBody page={page.data} flash={flash} onDone={onDone} onReload={page.reload} ui={ui} />
    </>
  );
}

function CaseBody({ page, flash, onDone, onReload, ui }: { page: CasePage; flash: { what: string; lines: string[] } | null; onDone(e: Effect[], what: string): void; onReload(): void; ui: ReturnType<typeof useUi> }) {
  const { me, now } = useServices();
  const { customer, file, cases, restrictions, reviews, letters } = page.loaded;
  const preset = getPreset(customer.policyId);
  const chart = useMemo(() => weeklyContacts(page.contacts, restrictions, now()), [page.contacts, restrictions, now]);
  const evidenceIds = new Set(file.referral?.evidenceContactIds ?? []);
  const evidence = page.contacts.filter((c) => evidenceIds.has(c.id));
  const [allContacts, setAllContacts] = useState(false);
  const contacts = allContacts ? page.contacts : page.contacts.slice(0, SHOWN_CONTACTS);
  const outcomes = preset ? decidableOutcomes(preset, file, me.roles) : [];
  const reviewing = preset ? reviewOptions(preset, file, me) : null;
  const showReviews = !!reviewing && (!!reviewing.appeal || reviewing.canLodgeAppeal || !!reviewing.scheduledReview || reviewing.monitoringOpen);
  const label = (id: string) => preset?.behaviours.items.find((b) => b.id === id)?.label ?? id;
  const lrLabel = (id: string) => preset?.localResolution.steps.find((s) => s.id === id)?.label ?? id;
  const emails = page.identities;
  // The record's SPOC, else the named-officer restriction's: after such a restriction the page never says "—".
  const spoc = spocOf(customer, restrictions.filter((r) => r.state === "Active"));
  const decidePart = (
    <Fragment key="decide">
      {preset && outcomes.length ? (
        <Suspense fallback={<Spinner size="tiny" label="Loading the decision form…" />}>
          <DecidePanel key={`decide-${file.decisions.length}-${file.status}`} page={page} preset={preset} onDone={onDone} onReload={onReload} />
        </Suspense>
      ) : preset && decidersInWords(preset, file).length ? (
        <p className={ui.muted}>Decisions at this stage are taken by {decidersInWords(preset, file).join(" or ")}, under the policy.</p>
      ) : null}
    </Fragment>
  );
  const reviewsPart = (
    <Fragment key="reviews">
      {preset && showReviews ? (
        <Suspense fallback={<Spinner size="tiny" label="Loading reviews and appeals…" />}>
          <ReviewsPanel key={`reviews-${file.reviews.length}-${file.status}-${file.reviews.filter((r) => r.outcome).length}`} page={page} preset={preset} onDone={onDone} onReload={onReload} />
        </Suspense>
      ) : null}
    </Fragment>
  );

  return (
    <>
      <h1 className={ui.h1}>{customer.name}</h1>
      <Section id="case-summary" title="The customer">
        <dl className={ui.dl}>
          <dt>Case reference</dt>
          <dd>{customer.caseRef}</dd>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={customer.status} size="medium" />
          </dd>
          <dt>Policy</dt>
          <dd>{preset ? `${preset.organisation}: ${preset.title}` : `${customer.policyId} (not set up here)`}</dd>
          <dt>Kind</dt>
          <dd>{customer.kind}</dd>
          <dt>Service areas</dt>
          <dd>{customer.serviceAreas || "—"}</dd>
          <dt>Known addresses</dt>
          <dd>{emails.length ? emails.map((i) => `${i.value} (${i.kind === "Email" ? "e-mail" : i.kind === "Phone" ? "phone" : "domain"})`).join("\n") : "—"}</dd>
          <dt>Single point of contact</dt>
          <dd>{spoc ? `${spoc.name} (${spoc.address})${spoc.inbox ? ", a team inbox" : ""}` : "None named"}</dd>
          <dt>Reasonable adjustments</dt>
          <dd>{customer.adjustments || "None recorded"}</dd>
          <dt>What staff should do</dt>
          <dd>{customer.staffGuidance || "—"}</dd>
          {file.monitoring ? (
            <>
              <dt>Monitoring</dt>
              <dd>
                {ukDate(file.monitoring.startsAt)} to {ukDate(file.monitoring.endsAt)}
                {file.monitoring.outcome ? ` (${file.monitoring.outcome.toLowerCase()})` : ""}
              </dd>
            </>
          ) : null}
          {file.reviewDue ? (
            <>
              <dt>Next review</dt>
              <dd>{ukDate(file.reviewDue)}</dd>
            </>
          ) : null}
        </dl>
      </Section>

      <Section id="case-chart" title="Contacts per week">
        <Suspense fallback={<Spinner size="tiny" label="Drawing the chart…" />}>
          <ContactChart chart={chart} id="contact-chart" />
        </Suspense>
      </Section>

      <Section id="case-evidence" title="Evidence attached to the referral">
        {file.referral ? (
          <p>
            Referred by {file.referral.by} on {ukDate(file.referral.at)}
            {file.referral.serviceArea ? ` (${file.referral.serviceArea})` : ""}. Behaviours: {file.referral.behaviours.map(label).join("; ") || "none given"}.
          </p>
        ) : null}
        {file.referral?.summary ? <p className={ui.wrap}>{file.referral.summary}</p> : null}
        {evidence.length ? <ContactTable rows={evidence} caption="Evidence contacts" /> : <p>{file.referral ? "No contacts were attached as evidence." : "There is no referral."}</p>}
      </Section>

      <Section id="case-lr" title="Local resolution and warnings">
        {file.localResolution.length || file.warnings.length ? (
          <ul>
            {file.localResolution.map((s, i) => (
              <li key={`lr-${i}`}>
                {ukDate(s.at)}: {lrLabel(s.step)}
                {s.note ? ` — ${s.note}` : ""}
              </li>
            ))}
            {file.warnings.map((w, i) => (
              <li key={`w-${i}`}>
                {ukDate(w.at)}: {w.level} warning — {w.note}
              </li>
            ))}
          </ul>
        ) : (
          <p>No local-resolution attempts or warnings are recorded.</p>
        )}
        {file.warningException ? (
          <p>
            No warning was given: {preset?.warning.exceptions.find((x) => x.id === file.warningException!.id)?.label ?? file.warningException.id} — {file.warningException.reason}
          </p>
        ) : null}
      </Section>

      {/* The evidence, the history of local resolution and the chart come before the step, so a decision is taken on them. */}
      <Section id="case-actions" title="Next steps">
        <div className={ui.stack}>
          {flash ? (
            <Done title={flash.what}>
              {flash.lines.join(" ")}
            </Done>
          ) : null}
          {!preset ? <Note intent="warning">This customer's policy is not set up here, so no step can be taken.</Note> : null}
          {preset && file.lettersOwed.length ? (
            <Suspense fallback={<Spinner size="tiny" label="Loading the letters…" />}>
              <LettersPanel page={page} preset={preset} onDone={onDone} />
            </Suspense>
          ) : null}
          {/* An open appeal comes first: it is what the case waits on, and a decision beside it is rarely meant. */}
          {reviewing?.appeal ? [reviewsPart, decidePart] : [decidePart, reviewsPart]}
          {preset && !file.lettersOwed.length && !outcomes.length && !showReviews && !decidersInWords(preset, file).length ? <p>Nothing is waiting on this case.</p> : null}
        </div>
      </Section>

      <Section id="case-decisions" title="Decisions">
        {cases.filter((k) => k.stage !== "Referred").length ? (
          <DataTable columns={["Decided", "Outcome", "By", "Reasons"]}>
            {[...cases]
              .filter((k) => k.stage !== "Referred")
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

      <Section id="case-restrictions" title="Restrictions">
        {restrictions.length ? (
          <DataTable columns={["Restriction", "State", "From", "Ends", "Review"]}>
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

      <Section id="case-letters" title="Letters">
        {file.lettersOwed.length ? <p>Owed: {file.lettersOwed.map(letterWords).join(", ")}.</p> : null}
        {letters.length ? (
          <DataTable columns={["Letter", "Sent", "How", "Subject or reason"]}>
            {[...letters]
              .sort((a, b) => (b.sentAt ?? "").localeCompare(a.sentAt ?? ""))
              .map((l) => (
                <tr key={l.id}>
                  <td>{letterWords(l.kind)}</td>
                  <td>{ukDate(l.sentAt)}</td>
                  <td>{l.withheldReason ? "Not sent" : (l.channel ?? "—")}</td>
                  <td className={ui.wrap}>{l.withheldReason ? `Withheld: ${l.withheldReason}` : l.title}</td>
                </tr>
              ))}
          </DataTable>
        ) : (
          <p>No letters yet.</p>
        )}
      </Section>

      <Section id="case-reviews" title="Reviews and appeals">
        {reviews.length ? (
          <DataTable columns={["What", "Opened", "Due by", "Outcome", "By", "Reasons or grounds"]}>
            {[...reviews]
              .sort((a, b) => b.openedAt.localeCompare(a.openedAt))
              .map((r) => (
                <tr key={r.id}>
                  <td>{r.kind === "Appeal" ? "Appeal" : r.kind === "MonitoringEnd" ? "End of monitoring" : "Scheduled review"}</td>
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

      <Section id="case-contacts" title="Contact log">
        <p>{plural(page.contacts.length, "contact")} logged, newest first.</p>
        <ContactTable rows={contacts} caption="Logged contacts" />
        {page.contacts.length > SHOWN_CONTACTS && !allContacts ? <Button onClick={() => setAllContacts(true)}>Show all {page.contacts.length} contacts</Button> : null}
      </Section>

      {page.sensitive ? (
        <Section id="case-sensitive" title="Health and vulnerability notes">
          <p className={ui.muted}>Seen by deciders only (UK GDPR Art 9 special category data).</p>
          {page.sensitive.length ? (
            <ul>
              {page.sensitive.map((n) => (
                <li key={n.id} className={ui.wrap}>
                  {n.notes} <span className={ui.muted}>— {n.recordedBy}, {ukDate(n.recordedAt)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>None recorded.</p>
          )}
        </Section>
      ) : null}

      <Section id="case-history" title="Change history">
        <History page={page} />
      </Section>

      {hasRole(me, "Manager", "Decider", "Admin") ? (
        <p>
          <Link href={href({ view: "access", id: customer.id! })}>Subject access export for this customer</Link>
        </p>
      ) : null}
    </>
  );
}

function ContactTable({ rows, caption }: { rows: CasePage["contacts"]; caption: string }) {
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
