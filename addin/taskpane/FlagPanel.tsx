// The flag for the open mail, announced politely to screen readers, and what follows from it.
import { Button, Field, makeStyles, mergeClasses, Spinner, Textarea, tokens } from "@fluentui/react-components";
import { CheckmarkCircle24Regular, Eye24Filled, Info24Regular, ShieldError24Filled, Warning24Filled, type FluentIcon } from "@fluentui/react-icons";
import type { Customer } from "../../shared/domain/records";
import type { CustomerStatus } from "../../shared/domain/vocab";
import { lazy, Suspense, useState } from "react";
import { ErrorNotice, errorWords } from "../components/ErrorNotice";
import { StatusBadge } from "../components/StatusBadge";
import type { MailHost } from "../office/types";
import { addAddress } from "../pane-data/register";
import type { Flag } from "../pane-data/flag";
import { hasRole } from "../pane-data/roles";
import type { PaneServices } from "../pane-data/services";
import { CardSkeleton, Placeholder } from "./CardSkeleton";
import type { Pane } from "./usePane";

/** The card's code, fetched as soon as the pane starts so it is ready by the time the card's data is. */
export const loadCustomerPanel = () => import(/* webpackChunkName: "card" */ "./CustomerPanel");
// Only after "Start a contact log…" is chosen: the policies' names are not needed before.
const StartLogForm = lazy(() => import(/* webpackChunkName: "start-log" */ "./StartLogForm"));
const CustomerPanel = lazy(loadCustomerPanel);

export const useFlagStyles = makeStyles({
  flag: {
    minHeight: "104px",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  // A band in the status's colour down the flag's edge, with a tint, an icon and the status in words: colour is
  // never the only cue (WCAG 1.4.1), and a restricted flag reads differently from across the desk.
  band: { borderLeftWidth: "8px", borderLeftStyle: "solid" },
  Restricted: { borderLeftColor: tokens.colorPaletteRedBorder2, backgroundColor: tokens.colorPaletteRedBackground1 },
  Referred: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2, backgroundColor: tokens.colorPaletteDarkOrangeBackground1 },
  Monitoring: { borderLeftColor: tokens.colorPaletteMarigoldBorder2, backgroundColor: tokens.colorPaletteMarigoldBackground1 },
  Warned: { borderLeftColor: tokens.colorPaletteMarigoldBorder2, backgroundColor: tokens.colorPaletteMarigoldBackground1 },
  Observed: { borderLeftColor: tokens.colorBrandStroke1, backgroundColor: tokens.colorNeutralBackground2 },
  Closed: { borderLeftColor: tokens.colorNeutralStroke1, backgroundColor: tokens.colorNeutralBackground2 },
  icon: { flexShrink: 0, fontSize: "24px" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  line: { margin: 0, overflowWrap: "anywhere" },
  quiet: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

function isStaff(pane: Pane): boolean {
  return pane.me.state === "ready" && hasRole(pane.me.value.roles, "Staff", "Manager", "Decider", "Admin");
}

function isDecider(pane: Pane): boolean {
  return pane.me.state === "ready" && hasRole(pane.me.value.roles, "Decider", "Admin");
}

function stateOf(pane: Pane): string {
  if (pane.flag.state === "ready") return pane.flag.value.kind;
  return pane.flag.state === "idle" ? (pane.item === null ? "noItem" : "idle") : pane.flag.state;
}

/** `services` is null only while the pane boots (the flag is then loading, so nothing below needs them). */
export function FlagPanel({ host, services, pane }: { host: MailHost; services: PaneServices | null; pane: Pane }) {
  const styles = useFlagStyles();
  const flag = pane.flag.state === "ready" ? pane.flag.value : null;
  const status = flag?.kind === "flagged" ? shownStatus(pane, flag).status : null;
  return (
    <>
      <section
        className={mergeClasses(styles.flag, status ? styles.band : undefined, status ? styles[status] : undefined)}
        data-status={status ?? undefined}
        aria-labelledby="upc-sender-heading"
        aria-busy={pane.flag.state === "loading"}
        data-flag-state={stateOf(pane)}
        data-flag-for={pane.item?.restId ?? ""}
      >
        <div role="status" aria-live="polite" aria-atomic="true">
          <FlagSummary pane={pane} />
        </div>
        {flag && services ? <SenderActions flag={flag} host={host} services={services} pane={pane} /> : null}
      </section>
      {flag?.kind === "flagged" && pane.item && services ? (
        <Suspense fallback={<CardSkeleton />}>
          <CustomerPanel host={host} services={services} pane={pane} flag={flag} item={pane.item} />
        </Suspense>
      ) : null}
    </>
  );
}

/**
 * What the flag shows for a customer. The identity row carries only a copy of the customer's status, name and reference
 * (an import or a flow may leave it blank or stale): the customer row decides, as soon as the card holding it has loaded.
 */
function shownStatus(pane: Pane, flag: Extract<Flag, { kind: "flagged" }>): { status: CustomerStatus; name: string; caseRef: string } {
  const p = flag.primary;
  const own = pane.card.state === "ready" && pane.card.value.customer.id === p.customerId ? pane.card.value.customer : null;
  return { status: own?.status ?? p.customerStatus, name: own?.name || p.customerName || "(name not on the address's record)", caseRef: own?.caseRef || p.caseRef };
}

const STATUS_ICON: Record<CustomerStatus, FluentIcon> = {
  Restricted: ShieldError24Filled,
  Referred: Warning24Filled,
  Monitoring: Eye24Filled,
  Warned: Warning24Filled,
  Observed: Info24Regular,
  Closed: CheckmarkCircle24Regular,
};

function FlagSummary({ pane }: { pane: Pane }) {
  const styles = useFlagStyles();
  if (pane.flag.state === "loading" || pane.item === undefined) {
    return (
      <>
        <h2 id="upc-sender-heading" className={styles.heading}>
          Checking the sender…
        </h2>
        <Placeholder widths={[70, 40]} />
      </>
    );
  }
  if (pane.flag.state === "error") {
    return (
      <>
        <h2 id="upc-sender-heading" className={styles.heading}>
          Could not check this sender
        </h2>
        <ErrorNotice title="The register did not answer." error={pane.flag.error} onRetry={pane.reload} />
        <p className={styles.quiet}>Until the check works, treat this sender as unchecked: this is not the same as having no record.</p>
      </>
    );
  }
  if (pane.flag.state === "idle") {
    return (
      <h2 id="upc-sender-heading" className={styles.heading}>
        Select a mail to check its sender
      </h2>
    );
  }
  const flag = pane.flag.value;
  switch (flag.kind) {
    case "noSender":
      return (
        <h2 id="upc-sender-heading" className={styles.heading}>
          This mail has no sender address to check
        </h2>
      );
    case "uncheckable":
      return (
        <>
          <h2 id="upc-sender-heading" className={styles.heading}>
            Cannot check {flag.address}
          </h2>
          <p className={styles.quiet}>{flag.reason}</p>
        </>
      );
    case "unknown":
      return (
        <>
          <h2 id="upc-sender-heading" className={styles.heading}>
            No record for {flag.address}
          </h2>
          <p className={styles.quiet}>This sender is not on the UPC register.</p>
        </>
      );
    case "possible":
      return (
        <>
          <h2 id="upc-sender-heading" className={styles.heading}>
            Possible match
          </h2>
          <p className={styles.line}>
            {flag.address} is not on the register, but {flag.candidates.length === 1 ? "a customer has" : "customers have"} the name “{flag.name}”:
          </p>
          <ul className={styles.list}>
            {flag.candidates.map((c) => (
              <li key={c.id}>
                <span className={styles.row}>
                  {c.name} ({c.caseRef}) <StatusBadge status={c.status} size="medium" />
                </span>
              </li>
            ))}
          </ul>
          <p className={styles.line}>
            Only the name matches. Until someone who knows the customer confirms it is them, do not reply as if it were:
            pass it to their single point of contact.
          </p>
        </>
      );
    case "flagged": {
      const { status, name, caseRef } = shownStatus(pane, flag);
      const Icon = STATUS_ICON[status];
      return (
        <>
          <div className={styles.row}>
            <Icon className={styles.icon} aria-hidden="true" />
            <StatusBadge status={status} />
            <span className={styles.quiet}>Case {caseRef}</span>
          </div>
          <h2 id="upc-sender-heading" className={styles.heading}>
            {name}
          </h2>
          {flag.byDomain ? <p className={styles.quiet}>Matched on the whole domain {flag.primary.value}: this is an organisation on the register.</p> : null}
          {flag.others.length ? (
            <p className={styles.quiet}>Also on record for this mail: {flag.others.map((o) => `${o.customerName} (${o.caseRef}, ${o.customerStatus})`).join("; ")}</p>
          ) : null}
        </>
      );
    }
  }
}

/** Start a log (staff) for an unknown sender; add the address to a possible match (deciders). */
function SenderActions({ flag, host, services, pane }: { flag: Flag; host: MailHost; services: PaneServices; pane: Pane }) {
  const styles = useFlagStyles();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const [adding, setAdding] = useState<Customer | null>(null);
  const [evidence, setEvidence] = useState("");
  const [passed, setPassed] = useState<string | null>(null);
  if (flag.kind !== "unknown" && flag.kind !== "possible") return null;
  if (pane.me.state === "error") return <ErrorNotice title="Could not read your roles, so actions are hidden." error={pane.me.error} onRetry={pane.retryMe} />;
  if (pane.me.state !== "ready") return <Spinner size="tiny" label="Reading your roles…" />;
  const run = async (label: string, work: () => Promise<unknown>) => {
    setBusy(label);
    setError(null);
    try {
      await work();
      await pane.afterWrite({ forgetSenders: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  if (starting && pane.item) {
    return (
      <Suspense fallback={<Spinner size="tiny" label="Opening the form…" />}>
        <StartLogForm
          services={services}
          item={pane.item}
          me={pane.me.value.upn}
          sender={{ name: flag.name, address: flag.address }}
          onDone={() => pane.afterWrite({ forgetSenders: true })}
          onCancel={() => setStarting(false)}
        />
      </Suspense>
    );
  }
  if (adding && flag.kind === "possible") {
    return (
      <form
        className={styles.stack}
        aria-label={`Add ${flag.address} to ${adding.name}`}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void run(`add-${adding.id}`, () => addAddress(services.cases, adding, flag.address, evidence));
        }}
      >
        <p className={styles.line}>
          {adding.name} is {adding.status.toLowerCase()}: once added, every mail from {flag.address} is treated as theirs. Add it only
          with evidence beyond the name, for example the mail quotes their case reference or their earlier correspondence.
        </p>
        <Field label="How you know this address is theirs" required>
          <Textarea value={evidence} onChange={(_, d) => setEvidence(d.value)} />
        </Field>
        <div className={styles.row}>
          <Button appearance="primary" type="submit" disabled={!!busy}>
            Add the address
          </Button>
          <Button onClick={() => setAdding(null)} disabled={!!busy}>
            Cancel
          </Button>
          {busy ? <Spinner size="tiny" label="Saving…" /> : null}
        </div>
        {error ? <p role="alert" className={styles.line}>{errorWords(error)}</p> : null}
      </form>
    );
  }
  const passOn = async (c: Customer) => {
    const spoc = { name: c.spocName || c.spocUpn!, address: c.spocUpn! };
    setBusy(`spoc-${c.id}`);
    setError(null);
    try {
      await host.forwardAsAttachment(
        spoc,
        `${c.caseRef}: a mail that may be from ${c.name}`.slice(0, 255),
        `This mail came from ${flag.address}, which is not on the register, under the name "${flag.name}", the name of ${c.name} (${c.caseRef}, ${c.status}). You are recorded as their single point of contact: please check whether it is from them.`,
      );
      setPassed(`A new message to ${spoc.name} is open, with this mail attached.`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className={styles.row}>
      {flag.kind === "possible"
        ? flag.candidates.map((c) => (
            <span key={c.id} className={styles.row}>
              {c.spocUpn ? (
                <Button appearance="primary" disabled={!!busy} onClick={() => void passOn(c)}>
                  Pass to {c.spocName || c.spocUpn} ({c.name}'s SPOC)
                </Button>
              ) : null}
              {isDecider(pane) ? (
                <Button disabled={!!busy} onClick={() => setAdding(c)}>
                  Add this address to {c.name}…
                </Button>
              ) : null}
            </span>
          ))
        : null}
      {isStaff(pane) ? (
        <Button appearance={flag.kind === "unknown" ? "primary" : "secondary"} disabled={!!busy || !pane.item} onClick={() => setStarting(true)}>
          {flag.kind === "unknown" ? "Start a contact log…" : "Start a separate contact log…"}
        </Button>
      ) : (
        <p className={styles.quiet}>Only members of UPC Staff can start a contact log.</p>
      )}
      {busy ? <Spinner size="tiny" label="Saving…" /> : null}
      {passed ? (
        <p role="status" className={styles.line}>
          {passed}
        </p>
      ) : null}
      {error ? <p role="alert" className={styles.line}>{errorWords(error)}</p> : null}
    </div>
  );
}
