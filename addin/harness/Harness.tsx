// The browser harness: a demo user's inbox from the emulator, the selected mail with the add-in's info bar, and the
// real task pane beside it, driven by an Office.js stand-in backed by that message.
import { inboxMessages, messageText, peopleWithGroups } from "../../graph/mail/harness-reads";
import { Badge, Button, Field, FluentProvider, makeStyles, MessageBar, MessageBarBody, Select, Spinner, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Graph } from "../../graph/client/factory";
import { ErrorNotice } from "../components/ErrorNotice";
import { ukDateTime } from "../components/format";
import { fluentTheme } from "../components/theme";
import type { WireItem } from "../office/harness-protocol";
import type { HostTheme, InfoBarKind, MailAddress } from "../office/types";
import { listen, type CapturedForm } from "./stand-in";

interface GraphAddress {
  emailAddress?: { name?: string; address?: string };
}

interface GraphMessage {
  id: string;
  subject?: string;
  from?: GraphAddress;
  sender?: GraphAddress;
  toRecipients?: GraphAddress[];
  ccRecipients?: GraphAddress[];
  receivedDateTime?: string;
  internetMessageId?: string;
  bodyPreview?: string;
  categories?: string[];
}

export interface DemoUser {
  upn: string;
  name: string;
  groups: string[];
}

const SELECT = "id,subject,from,sender,toRecipients,ccRecipients,receivedDateTime,internetMessageId,bodyPreview,categories";

const address = (a?: GraphAddress): MailAddress | null => (a?.emailAddress?.address ? { name: a.emailAddress.name ?? "", address: a.emailAddress.address } : null);
const addresses = (l?: GraphAddress[]) => (l ?? []).map(address).filter((a): a is MailAddress => !!a);
const show = (a: MailAddress | null) => (a ? (a.name ? `${a.name} <${a.address}>` : a.address) : "");

export function toWire(m: GraphMessage): WireItem {
  return {
    restId: m.id,
    internetMessageId: m.internetMessageId ?? "",
    subject: m.subject ?? "",
    from: address(m.from),
    sender: address(m.sender),
    to: addresses(m.toRecipients),
    cc: addresses(m.ccRecipients),
    received: m.receivedDateTime ?? null,
  };
}

const useStyles = makeStyles({
  page: { minHeight: "100vh", display: "grid", gridTemplateRows: "auto 1fr", backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground1 },
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "end", padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, backgroundColor: tokens.colorNeutralBackground1, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  h1: { margin: 0, fontSize: tokens.fontSizeBase500, marginRight: "auto", alignSelf: "center" },
  body: { display: "grid", gridTemplateColumns: "minmax(220px, 300px) minmax(300px, 1fr) 380px", gap: tokens.spacingHorizontalM, padding: tokens.spacingHorizontalM, minHeight: 0 },
  panel: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, overflow: "auto", minHeight: 0 },
  h2: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase400 },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  msg: { width: "100%", justifyContent: "flex-start", textAlign: "left", display: "block", whiteSpace: "normal", height: "auto", padding: tokens.spacingHorizontalS },
  from: { display: "block", fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  subject: { display: "block", overflowWrap: "anywhere" },
  headers: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: `0 0 ${tokens.spacingVerticalM}` },
  dd: { margin: 0, overflowWrap: "anywhere" },
  text: { whiteSpace: "pre-wrap", overflowWrap: "anywhere", margin: 0, fontFamily: "inherit" },
  frame: { width: "100%", height: "calc(100vh - 120px)", minHeight: "520px", border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1 },
  forms: { marginTop: tokens.spacingVerticalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  chips: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
});

export interface HarnessProps {
  graph: Graph;
  user: string;
  initialMessage: string | null;
  initialTheme: HostTheme;
}

export function Harness(props: HarnessProps) {
  const [theme, setTheme] = useState<HostTheme>(props.initialTheme);
  return (
    <FluentProvider theme={fluentTheme(theme)}>
      <HarnessPage {...props} theme={theme} setTheme={setTheme} />
    </FluentProvider>
  );
}

type Load<T> = { state: "loading" } | { state: "ready"; value: T } | { state: "error"; error: unknown };

function HarnessPage({ graph, user, initialMessage, theme, setTheme }: HarnessProps & { theme: HostTheme; setTheme: (t: HostTheme) => void }) {
  const styles = useStyles();
  const [users, setUsers] = useState<Load<DemoUser[]>>({ state: "loading" });
  const [inbox, setInbox] = useState<Load<GraphMessage[]>>({ state: "loading" });
  const [selected, setSelected] = useState<string | null>(initialMessage);
  const [body, setBody] = useState<Load<string> | null>(null);
  const [bars, setBars] = useState<Record<string, Record<string, { kind: InfoBarKind; text: string }>>>({});
  const [forms, setForms] = useState<CapturedForm[]>([]);
  const frame = useRef<HTMLIFrameElement>(null);
  const state = useRef({ selected, inbox, theme });
  state.current = { selected, inbox, theme };

  const loadInbox = useCallback(() => {
    setInbox({ state: "loading" });
    inboxMessages<GraphMessage>(graph, user, SELECT).then(
      (r) => {
        setInbox({ state: "ready", value: r.value });
        setSelected((s) => (s && r.value.some((m) => m.id === s) ? s : (r.value[0]?.id ?? null)));
      },
      (error) => setInbox({ state: "error", error }),
    );
  }, [graph, user]);

  const loadUsers = useCallback(() => {
    setUsers({ state: "loading" });
    peopleWithGroups(graph).then(
      (value) => setUsers({ state: "ready", value }),
      (error) => setUsers({ state: "error", error }),
    );
  }, [graph]);

  useEffect(() => {
    loadInbox();
    loadUsers();
  }, [loadInbox, loadUsers]);

  const current = useMemo(() => (inbox.state === "ready" ? (inbox.value.find((m) => m.id === selected) ?? null) : null), [inbox, selected]);

  // The stand-in answers the pane for whatever message is selected at the time of the call.
  useEffect(
    () =>
      listen(window, () => frame.current?.contentWindow ?? null, {
        user: () => user,
        theme: () => state.current.theme,
        item: () => {
          const { inbox: box, selected: id } = state.current;
          const m = box.state === "ready" ? box.value.find((x) => x.id === id) : undefined;
          return m ? toWire(m) : null;
        },
        setInfoBar: (itemId, key, bar) =>
          setBars((all) => {
            const mine = { ...(all[itemId] ?? {}) };
            if (bar) mine[key] = bar;
            else delete mine[key];
            return { ...all, [itemId]: mine };
          }),
        captureForm: (form) => setForms((f) => [form, ...f]),
      }),
    [user],
  );

  // Selecting a mail is Outlook's ItemChanged for a pinned pane; the URL follows so a state can be linked to.
  const first = useRef(true);
  useEffect(() => {
    const url = new URL(window.location.href);
    if (selected) url.searchParams.set("message", selected);
    else url.searchParams.delete("message");
    window.history.replaceState(null, "", url);
    if (first.current) {
      first.current = false;
      return;
    }
    frame.current?.contentWindow?.postMessage({ channel: "upc-host-event", event: "itemChanged" }, window.location.origin);
  }, [selected]);

  useEffect(() => {
    frame.current?.contentWindow?.postMessage({ channel: "upc-host-event", event: "theme", theme }, window.location.origin);
  }, [theme]);

  useEffect(() => {
    if (!selected) {
      setBody(null);
      return;
    }
    let live = true;
    setBody({ state: "loading" });
    messageText(graph, user, selected).then(
      (text) => live && setBody({ state: "ready", value: text }),
      (error) => live && setBody({ state: "error", error }),
    );
    return () => {
      live = false;
    };
  }, [graph, user, selected]);

  // Tests and the benchmark drive the harness the way a person would, through this small handle.
  useEffect(() => {
    (window as unknown as { __harness?: unknown }).__harness = { select: (id: string) => setSelected(id), selected: () => state.current.selected };
  }, []);

  const switchUser = (upn: string) => {
    const url = new URL(window.location.href);
    url.searchParams.set("user", upn);
    url.searchParams.delete("message");
    window.location.assign(url.toString());
  };

  // The pane opens with the theme of the moment; later changes reach it as theme events, without a reload.
  const openingTheme = useRef(theme).current;
  const paneSrc = useMemo(() => `/taskpane.html?${new URLSearchParams({ user, theme: openingTheme }).toString()}`, [user, openingTheme]);
  const itemBars = current ? Object.entries(bars[current.id] ?? {}) : [];

  return (
    <div className={styles.page}>
      <header className={styles.bar}>
        <h1 className={styles.h1}>UPC add-in harness</h1>
        <Field label="Signed in as">
          {users.state === "ready" ? (
            <Select value={user} onChange={(_, d) => switchUser(d.value)}>
              {users.value.map((u) => (
                <option key={u.upn} value={u.upn}>
                  {u.name} — {u.groups.length ? u.groups.map((g) => g.replace(/^UPC /, "")).join(", ") : "shared mailbox"}
                </option>
              ))}
            </Select>
          ) : users.state === "loading" ? (
            <Spinner size="tiny" label="Loading users…" />
          ) : (
            <ErrorNotice title="Could not list the demo users." error={users.error} onRetry={loadUsers} />
          )}
        </Field>
        <Field label="Theme">
          <Select value={theme} onChange={(_, d) => setTheme(d.value as HostTheme)}>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
            <option value="highContrast">High contrast</option>
          </Select>
        </Field>
      </header>
      <div className={styles.body}>
        <nav className={styles.panel} aria-labelledby="inbox-heading">
          <h2 id="inbox-heading" className={styles.h2}>
            Inbox of {user}
          </h2>
          {inbox.state === "loading" ? <Spinner size="tiny" label="Loading the inbox…" /> : null}
          {inbox.state === "error" ? <ErrorNotice title="Could not read the inbox." error={inbox.error} onRetry={loadInbox} /> : null}
          {inbox.state === "ready" && inbox.value.length === 0 ? <p>No mail in this inbox.</p> : null}
          {inbox.state === "ready" ? (
            <ul className={styles.list}>
              {inbox.value.map((m) => (
                <li key={m.id}>
                  <Button
                    className={styles.msg}
                    appearance={m.id === selected ? "primary" : "subtle"}
                    aria-current={m.id === selected ? "true" : undefined}
                    onClick={() => setSelected(m.id)}
                    data-message-id={m.id}
                  >
                    <span className={styles.from}>{m.from?.emailAddress?.name || m.from?.emailAddress?.address || "(no sender)"}</span>
                    <span className={styles.subject}>{m.subject || "(no subject)"}</span>
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
        </nav>
        <main className={styles.panel} aria-labelledby="mail-heading">
          {current ? (
            <article aria-labelledby="mail-heading">
              {itemBars.map(([key, bar]) => (
                <MessageBar key={key} intent={bar.kind === "error" ? "error" : "info"} layout="multiline" data-info-bar={key}>
                  <MessageBarBody>{bar.text}</MessageBarBody>
                </MessageBar>
              ))}
              <h2 id="mail-heading" className={styles.h2}>
                {current.subject || "(no subject)"}
              </h2>
              <dl className={styles.headers}>
                <dt>From</dt>
                <dd className={styles.dd}>{show(address(current.from))}</dd>
                <dt>To</dt>
                <dd className={styles.dd}>{addresses(current.toRecipients).map(show).join("; ")}</dd>
                {current.ccRecipients?.length ? (
                  <>
                    <dt>Cc</dt>
                    <dd className={styles.dd}>{addresses(current.ccRecipients).map(show).join("; ")}</dd>
                  </>
                ) : null}
                <dt>Received</dt>
                <dd className={styles.dd}>{ukDateTime(current.receivedDateTime)}</dd>
                {current.categories?.length ? (
                  <>
                    <dt>Categories</dt>
                    <dd className={styles.dd}>
                      <span className={styles.chips}>
                        {current.categories.map((c) => (
                          <Badge key={c} appearance="outline">
                            {c}
                          </Badge>
                        ))}
                      </span>
                    </dd>
                  </>
                ) : null}
              </dl>
              {body?.state === "loading" ? <Spinner size="tiny" label="Loading the mail…" /> : null}
              {body?.state === "error" ? <ErrorNotice title="Could not read this mail." error={body.error} /> : null}
              {body?.state === "ready" ? <pre className={styles.text}>{body.value}</pre> : null}
            </article>
          ) : (
            <h2 id="mail-heading" className={styles.h2}>
              No mail selected
            </h2>
          )}
          <section className={styles.forms} aria-labelledby="forms-heading">
            <h2 id="forms-heading" className={styles.h2}>
              New messages opened by the add-in
            </h2>
            {forms.length === 0 ? <p>None yet. “Send to SPOC” opens one here, as Outlook would open a new message window.</p> : null}
            {forms.map((f) => (
              <MessageBar key={f.at + f.subject} intent="info" layout="multiline" data-captured-form={f.kind}>
                <MessageBarBody>
                  <div>To: {f.to.map(show).join("; ")}</div>
                  <div>Subject: {f.subject}</div>
                  {f.attachment ? <div>Attached: {f.attachment}</div> : null}
                  <div>{f.body}</div>
                </MessageBarBody>
              </MessageBar>
            ))}
          </section>
        </main>
        <aside className={styles.panel} aria-label="Add-in task pane">
          <iframe ref={frame} className={styles.frame} src={paneSrc} title="UPC task pane" />
        </aside>
      </div>
    </div>
  );
}
