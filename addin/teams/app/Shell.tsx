// The tab's frame: Fluent theme (Teams' own when hosted), sign-in, the navigation landmarks and the current view.
// Each view is its own chunk, loaded when first visited.
import { FluentProvider, Link, Spinner, makeStyles, teamsLightTheme, tokens, type Theme } from "@fluentui/react-components";
import { QueryClientProvider, useQuery } from "@tanstack/react-query";
import { Suspense, lazy, useEffect, useRef, useState, type ReactNode } from "react";
import { makeQueryClient } from "../../components/query-client";
import { ErrorNotice } from "../../components/ErrorNotice";
import type { TabHost, TabTheme } from "../host";
import { href, useRoute, type Route } from "./route";
import { ServicesContext } from "./services";
import { teamsKeys } from "./query-keys";

const VIEWS = {
  queue: () => import(/* webpackChunkName: "teams-queue" */ "../queue/QueueView"),
  case: () => import(/* webpackChunkName: "teams-case" */ "../case/CaseView"),
  reviews: () => import(/* webpackChunkName: "teams-reviews" */ "../reviews/CalendarView"),
  reports: () => import(/* webpackChunkName: "teams-reports" */ "../reports/ReportsView"),
  access: () => import(/* webpackChunkName: "teams-access" */ "../access/AccessView"),
  problems: () => import(/* webpackChunkName: "teams-problems" */ "../problems/ProblemsView"),
  offices: () => import(/* webpackChunkName: "teams-offices" */ "../offices/OfficesView"),
};
const QueueView = lazy(VIEWS.queue);
const CaseView = lazy(VIEWS.case);
const CalendarView = lazy(VIEWS.reviews);
const ReportsView = lazy(VIEWS.reports);
const AccessView = lazy(VIEWS.access);
const ProblemsView = lazy(VIEWS.problems);
const OfficesView = lazy(VIEWS.offices);

const useStyles = makeStyles({
  root: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  skip: {
    position: "absolute",
    left: "-10000px",
    ":focus": { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalS, zIndex: 10, backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalS },
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  product: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  who: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  navList: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, listStyleType: "none", margin: 0, padding: 0 },
  current: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: "underline", textUnderlineOffset: "4px" },
  main: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`, maxWidth: "1200px", outlineStyle: "none" },
});

const NAV: { route: Route; label: string; adminOnly?: boolean }[] = [
  { route: { view: "queue" }, label: "Referral queue" },
  { route: { view: "reviews" }, label: "Reviews and appeals" },
  { route: { view: "reports" }, label: "Reports" },
  { route: { view: "access" }, label: "Subject access" },
  { route: { view: "problems" }, label: "Register problems", adminOnly: true },
  { route: { view: "offices" }, label: "Offices", adminOnly: true },
];

function useTheme(initial: TabTheme, host: Promise<TabHost>): Theme {
  const [name, setName] = useState<TabTheme>(initial);
  const [themes, setThemes] = useState<typeof import("./themes") | null>(null);
  useEffect(() => {
    let live = true;
    host.then((h) => {
      if (!live) return;
      setName(h.theme);
      h.onThemeChange((t) => live && setName(t));
    });
    return () => {
      live = false;
    };
  }, [host]);
  // The dark and high-contrast themes are a chunk of their own, fetched the first time either is asked for.
  useEffect(() => {
    if (name === "light" || themes) return;
    let live = true;
    import(/* webpackChunkName: "teams-themes" */ "./themes").then((m) => live && setThemes(m));
    return () => {
      live = false;
    };
  }, [name, themes]);
  if (name === "light" || !themes) return teamsLightTheme;
  return name === "dark" ? themes.teamsDarkTheme : themes.teamsHighContrastTheme;
}

export function Shell({ url, initialTheme, host }: { url: URL; initialTheme: TabTheme; host: Promise<TabHost> }) {
  const theme = useTheme(initialTheme, host);
  const [queries] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queries}>
      <FluentProvider theme={theme}>
        <Frame url={url} />
      </FluentProvider>
    </QueryClientProvider>
  );
}

function Frame({ url }: { url: URL }) {
  const styles = useStyles();
  const route = useRoute();
  // Sign-in and the first view's code are fetched side by side while the shell shows.
  const session = useQuery({
    queryKey: teamsKeys.session(url.href),
    queryFn: () => {
      VIEWS[route.view]().catch(() => undefined);
      return import(/* webpackChunkName: "teams-session" */ "./session").then((m) => m.startSession(url));
    },
    // One sign-in for the tab's lifetime; the services hold clients, which are not data to compare or refresh.
    staleTime: Infinity,
    structuralSharing: false,
  });
  const services = session.data?.ok ? session.data.services : null;
  const me = services?.me;
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [route]);

  let body: ReactNode;
  if (session.data && !session.data.ok) body = <p role="alert">{session.data.problem}</p>;
  else if (session.error) body = <ErrorNotice title="Could not sign you in." error={session.error} onRetry={() => void session.refetch()} />;
  else if (!services) body = <Spinner label="Signing in…" />;
  else
    body = (
      <ServicesContext.Provider value={services}>
        <Suspense fallback={<Spinner label="Loading…" />}>
          <View route={route} />
        </Suspense>
      </ServicesContext.Provider>
    );

  return (
    <div className={styles.root}>
      <a className={styles.skip} href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        Skip to main content
      </a>
      <header className={styles.header}>
        <span className={styles.product}>UPC cases</span>
        <nav aria-label="Sections">
          <ul className={styles.navList}>
            {NAV.filter((n) => !n.adminOnly || me?.roles.includes("Admin")).map((n) => {
              const current = n.route.view === route.view || (route.view === "case" && n.route.view === "queue");
              return (
                <li key={n.label}>
                  <Link href={href(n.route)} aria-current={n.route.view === route.view ? "page" : undefined} className={current ? styles.current : undefined}>
                    {n.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <span className={styles.who}>{me ? `Signed in as ${me.name || me.upn} (${me.roles.join(", ") || "no UPC role"})` : ""}</span>
      </header>
      <main id="main" ref={main} tabIndex={-1} className={styles.main}>
        {body}
      </main>
    </div>
  );
}

function View({ route }: { route: Route }) {
  switch (route.view) {
    case "queue":
      return <QueueView />;
    case "case":
      return <CaseView key={route.id} customerId={route.id} />;
    case "reviews":
      return <CalendarView />;
    case "reports":
      return <ReportsView />;
    case "access":
      return <AccessView key={route.id ?? ""} customerId={route.id} />;
    case "problems":
      return <ProblemsView />;
    case "offices":
      return <OfficesView />;
  }
}
