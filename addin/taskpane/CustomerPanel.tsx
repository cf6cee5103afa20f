// The customer's card: adjustments first, what the restrictions mean for this mail, the SPOC, contacts and actions.
import { Button, makeStyles, ProgressBar, Spinner, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { ErrorNotice, errorWords } from "../components/ErrorNotice";
import { SavedMessage } from "../components/SavedMessage";
import { ukDate, ukDateTime } from "../components/format";
import type { CustomerCard } from "../../graph/lookup/card";
import type { MailHost, ReadItem } from "../office/types";
import type { Flag } from "../pane-data/flag";
import { hasRole } from "../pane-data/roles";
import type { PaneServices } from "../pane-data/services";
import { cardView, infoBarText, type CardView } from "../pane-data/view";
import { CardSkeleton } from "./CardSkeleton";
import { EmailLog } from "./EmailLog";
import { INFO_BAR_KEY, type Pane } from "./usePane";
import { getPreset } from "../../shared/presets/registry";

// Not needed for the first flag: loaded when the officer opens them.
const LogContactForm = lazy(() => import(/* webpackChunkName: "log-contact" */ "./LogContactForm"));
const ReferralForm = lazy(() => import(/* webpackChunkName: "referral" */ "./ReferralForm"));

export const useCardStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase300 },
  p: { margin: 0, overflowWrap: "anywhere", whiteSpace: "pre-wrap" },
  quiet: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  adjustments: {
    padding: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteMarigoldBorderActive}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  dl: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  dd: { margin: 0 },
});

const REFERRABLE = new Set(["Observed", "Warned", "Closed"]);

export interface CustomerPanelProps {
  host: MailHost;
  services: PaneServices;
  pane: Pane;
  flag: Extract<Flag, { kind: "flagged" }>;
  item: ReadItem;
}

/** Loaded on demand (its own chunk, fetched while the sender is looked up): the flag does not wait for it. */
export default function CustomerPanel({ host, services, pane, flag, item }: CustomerPanelProps) {
  if (pane.card.state === "loading" || pane.card.state === "idle") return <CardSkeleton />;
  if (pane.card.state === "error") {
    return <ErrorNotice title={`Could not load ${flag.primary.customerName}'s details.`} error={pane.card.error} onRetry={pane.retryCard} />;
  }
  return <CardBody host={host} services={services} pane={pane} card={pane.card.value} item={item} flag={flag} />;
}

function CardBody({ host, services, pane, card, item, flag }: { host: MailHost; services: PaneServices; pane: Pane; card: CustomerCard; item: ReadItem; flag: Flag }) {
  const styles = useCardStyles();
  const view = useMemo(() => cardView(card, item, host.userAddress()), [card, item, host]);
  // With the card in, the info bar says what matters most for this mail, so it is seen with the pane collapsed.
  useEffect(() => {
    const text = infoBarText(flag, view);
    if (text) host.showInfoBar(INFO_BAR_KEY, "informational", text).catch(() => undefined);
  }, [host, flag, view]);
  const c = view.customer;
  return (
    <div className={styles.stack}>
      <section className={styles.section} aria-labelledby="upc-advice">
        <h3 id="upc-advice" className={styles.h3}>
          What this means for this mail
        </h3>
        {view.advice.length ? (
          <ul className={styles.list}>
            {view.advice.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          <p className={styles.p}>No restriction is in force: deal with it as usual and log the contact.</p>
        )}
        {c.staffGuidance.trim() ? <p className={styles.p}>Guidance: {c.staffGuidance}</p> : null}
      </section>

      {/* The instruction and the SPOC come first, so both are seen without scrolling in a 320 × 600 pane. */}
      <Spoc host={host} view={view} item={item} />
      {c.adjustments.trim() ? (
        <section className={styles.adjustments} aria-labelledby="upc-adjustments">
          <h3 id="upc-adjustments" className={styles.h3}>
            Reasonable adjustments: you must honour these
          </h3>
          <p className={styles.p}>{c.adjustments}</p>
        </section>
      ) : null}

      {view.otherRestrictions.length ? (
        <section className={styles.section} aria-labelledby="upc-other-restrictions">
          <h3 id="upc-other-restrictions" className={styles.h3}>
            Also in force: calls
          </h3>
          <ul className={styles.list}>
            {view.otherRestrictions.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <Contacts view={view} />

      <section className={styles.section} aria-labelledby="upc-dates">
        <h3 id="upc-dates" className={styles.h3}>
          Dates
        </h3>
        <dl className={styles.dl}>
          <dt>Review date</dt>
          <dd className={styles.dd}>{c.reviewDue ? `${ukDate(c.reviewDue)}${view.reviewOverdue ? " (overdue: the restrictions still apply; tell a manager)" : ""}` : "None set"}</dd>
          {c.monitoringEnds ? (
            <>
              <dt>Monitoring ends</dt>
              <dd className={styles.dd}>{ukDate(c.monitoringEnds)}</dd>
            </>
          ) : null}
          <dt>Policy</dt>
          <dd className={styles.dd}>{getPreset(c.policyId)?.organisation ?? c.policyId}</dd>
        </dl>
      </section>

      <Actions services={services} pane={pane} card={card} view={view} item={item} host={host} />
    </div>
  );
}

function Spoc({ host, view, item }: { host: MailHost; view: CardView; item: ReadItem }) {
  const styles = useCardStyles();
  const [state, setState] = useState<{ busy: boolean; done?: string; error?: unknown }>({ busy: false });
  if (!view.spoc && !view.isSpoc) return null;
  const send = async () => {
    const spoc = view.spoc!;
    setState({ busy: true });
    // The case reference already reads "UPC-0027": no second "UPC" in front of it.
    const subject = `${view.customer.caseRef}: ${item.subject || "mail from the customer"}`.slice(0, 255);
    const body = `This mail is from ${view.customer.name} (${view.customer.caseRef}, ${view.customer.status}). You are recorded as their single point of contact, so I am passing it to you.`;
    try {
      try {
        await host.forwardAsAttachment({ name: spoc.name, address: spoc.address }, subject, body);
      } catch {
        // Where an item cannot be attached, a plain new message to the SPOC still gets it to them.
        await host.newMessage([{ name: spoc.name, address: spoc.address }], subject, `${body}\n\nThe mail: "${item.subject}" from ${item.from?.address ?? "the customer"}.`);
      }
      setState({ busy: false, done: `A new message to ${spoc.name} is open${spoc.inbox ? " (the team inbox)" : ""}.` });
    } catch (error) {
      setState({ busy: false, error });
    }
  };
  return (
    <section className={styles.section} aria-labelledby="upc-spoc">
      <h3 id="upc-spoc" className={styles.h3}>
        Single point of contact
      </h3>
      {view.isSpoc ? (
        <p className={styles.p}>
          <strong>You are the SPOC</strong> for this customer: deal with it yourself.
        </p>
      ) : (
        <>
          <p className={styles.p}>
            {view.spoc!.name}
            {view.spoc!.inbox ? " (team inbox)" : ""} — {view.spoc!.address}
          </p>
          <div className={styles.row}>
            <Button appearance="primary" onClick={send} disabled={state.busy} aria-describedby="upc-spoc">
              Send to SPOC
            </Button>
            {state.busy ? <Spinner size="tiny" label="Opening a new message…" /> : null}
          </div>
          {state.done ? <p className={styles.quiet} role="status">{state.done}</p> : null}
          {state.error ? <p className={styles.p} role="alert">Outlook could not open the message: {errorWords(state.error)}</p> : null}
        </>
      )}
    </section>
  );
}

function Contacts({ view }: { view: CardView }) {
  const styles = useCardStyles();
  return (
    <section className={styles.section} aria-labelledby="upc-contacts">
      <h3 id="upc-contacts" className={styles.h3}>
        Contacts
      </h3>
      <p className={styles.p}>
        From them this week: {view.contactsThisWeek} · this month: {view.contactsThisMonth}
      </p>
      {view.quotas.map((q) => (
        <div key={q.restrictionId ?? q.label}>
          <p className={styles.p}>
            Limit: <strong>{q.label}</strong>
            {q.channels.length ? ` (${q.channels.map((c) => (c === "InPerson" ? "in person" : c.toLowerCase())).join(" or ")})` : ""}
            {q.used >= q.max ? " — the limit is reached" : ""}
          </p>
          <ProgressBar value={Math.min(1, q.used / q.max)} color={q.used >= q.max ? "error" : "brand"} aria-label={`Contacts used: ${q.label}`} thickness="large" />
        </div>
      ))}
      {view.recent.length ? (
        <>
          <h4 className={styles.h3}>Last contacts</h4>
          <ul className={styles.list}>
            {view.recent.map((r) => (
              <li key={r.id}>
                {ukDateTime(r.contactAt)} · {r.channel === "InPerson" ? "in person" : r.channel.toLowerCase()} {r.direction === "In" ? "from them" : "from us"}: {r.title}
                {r.breach ? ` (breach: ${r.breach})` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className={styles.quiet}>No contacts logged yet.</p>
      )}
    </section>
  );
}

function Actions({ host, services, pane, card, view, item }: { host: MailHost; services: PaneServices; pane: Pane; card: CustomerCard; view: CardView; item: ReadItem }) {
  const styles = useCardStyles();
  const [open, setOpen] = useState<"log" | "refer" | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (pane.me.state === "error") return <ErrorNotice title="Could not read your roles, so actions are hidden." error={pane.me.error} onRetry={pane.retryMe} />;
  if (pane.me.state !== "ready") return <Spinner size="tiny" label="Reading your roles…" />;
  const me = pane.me.value;
  if (!hasRole(me.roles, "Staff", "Manager", "Decider", "Admin")) {
    return <p className={styles.quiet}>Only members of UPC Staff can log contacts or refer a case.</p>;
  }
  const toggle = (which: "log" | "refer") => {
    setMessage(null);
    setOpen((o) => (o === which ? null : which));
  };
  const done = async (text: string, opts: { forgetSenders?: boolean } = {}) => {
    setOpen(null);
    setMessage(text);
    await pane.afterWrite(opts);
  };
  return (
    <section className={styles.section} aria-labelledby="upc-actions">
      <h3 id="upc-actions" className={styles.h3}>
        Actions
      </h3>
      <EmailLog services={services} card={card} view={view} item={item} me={host.userAddress()} onLogged={() => pane.afterWrite()} />
      <div className={styles.row}>
        <Button onClick={() => toggle("log")} aria-expanded={open === "log"} aria-controls="upc-log-form">
          Log a call, visit or letter
        </Button>
        {REFERRABLE.has(view.customer.status) ? (
          <Button onClick={() => toggle("refer")} aria-expanded={open === "refer"} aria-controls="upc-refer-form">
            Refer a case
          </Button>
        ) : null}
      </div>
      {message ? <SavedMessage text={message} /> : null}
      <Suspense fallback={<Spinner size="tiny" label="Opening the form…" />}>
        {open === "log" ? (
          <div id="upc-log-form">
            <LogContactForm services={services} card={card} view={view} me={host.userAddress()} onSaved={(t) => done(t)} onCancel={() => setOpen(null)} />
          </div>
        ) : null}
        {open === "refer" ? (
          <div id="upc-refer-form">
            <ReferralForm services={services} card={card} view={view} onSaved={(t) => done(t, { forgetSenders: true })} onCancel={() => setOpen(null)} />
          </div>
        ) : null}
      </Suspense>
    </section>
  );
}
