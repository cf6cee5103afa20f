// "Contacts per week": the chart (its own chunk) of what they sent, week by week, against any quota in force.
import { Spinner } from "@fluentui/react-components";
import { Suspense, lazy, useMemo } from "react";
import type { CasePage } from "../../../graph/reports/case-page";
import { useServices } from "../app/services";
import { Section } from "../app/ui";
import { weeklyContacts } from "./weekly";

const ContactChart = lazy(() => import(/* webpackChunkName: "teams-chart" */ "./ContactChart"));

export function ChartSection({ page }: { page: CasePage }) {
  const { now } = useServices();
  const { restrictions } = page.loaded;
  const chart = useMemo(() => weeklyContacts(page.contacts, restrictions, now()), [page.contacts, restrictions, now]);
  return (
    <Section id="case-chart" title="Contacts per week">
      <Suspense fallback={<Spinner size="tiny" label="Drawing the chart…" />}>
        <ContactChart chart={chart} id="contact-chart" />
      </Suspense>
    </Section>
  );
}
