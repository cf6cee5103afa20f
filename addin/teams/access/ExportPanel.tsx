// The chosen customer's bundle: a summary to read or print, a spreadsheet per kind of record and the raw data, in one
// ZIP. Health notes follow the register's rule: deciders (and administrators) read them, managers do not.
import { Button, Spinner } from "@fluentui/react-components";
import { useMutation, useQuery } from "@tanstack/react-query";
import { getCustomer } from "../../../graph/repos/customers";
import { exportSubjectAccess } from "../../../graph/reports/subject-access";
import { accessBundle } from "../../../shared/access/bundle";
import { ErrorNotice } from "../../components/ErrorNotice";
import { href } from "../app/route";
import { hasRole, useServices } from "../app/services";
import { Done, Section, plural, useUi } from "../app/ui";
import { downloadFile } from "../app/download";
import { teamsKeys } from "../app/query-keys";

export function ExportPanel({ customerId }: { customerId: string }) {
  const ui = useUi();
  const { site, me } = useServices();
  const withHealth = hasRole(me, "Decider", "Admin");
  const customer = useQuery({ queryKey: teamsKeys.accessCustomer(site.siteId, customerId), queryFn: () => getCustomer(site, customerId) });
  const exported = useMutation({
    mutationFn: async () => {
      const data = await exportSubjectAccess(site, customerId, { exportedBy: me.upn, includeSensitive: withHealth });
      const bundle = accessBundle(data);
      downloadFile(bundle.fileName, "application/zip", bundle.bytes);
      const records = Object.values(data.counts).reduce((a, b) => a + b, 0);
      return `${bundle.fileName}: ${plural(records, "record")} from ${plural(Object.keys(data.lists).length, "list")}, with every change to each. Open summary.html in a browser to read it or print it as a PDF; each kind of record is also a spreadsheet (CSV), and raw.json holds the data exactly as SharePoint keeps it.`;
    },
  });

  if (customer.isPending) return <Spinner label="Loading the customer…" />;
  if (customer.isError) return <ErrorNotice title="Could not load the customer." error={customer.error} onRetry={() => void customer.refetch()} />;
  const c = customer.data;
  return (
    <Section id="access-export" title={`Export for ${c.caseRef}`}>
      <div className={ui.stack}>
        <p>
          Everything held about <strong>{c.name}</strong> ({c.caseRef}) in every list of the register: each record with its history of changes, every step in the case's log and every notice sent about them.{" "}
          {withHealth ? "Health and vulnerability notes are included." : "Health and vulnerability notes are readable by deciders only and are not included: ask a decider to run the export."}
        </p>
        <p>Staff names and addresses are marked in the summary, and listed in each spreadsheet row: review each one before anything is released.</p>
        <p>
          <a href={href({ view: "case", id: customerId })}>Open the case</a>
        </p>
        <div>
          <Button appearance="primary" onClick={() => exported.mutate()} disabled={exported.isPending}>
            Download subject access bundle (ZIP)
          </Button>
          {exported.isPending ? <Spinner size="tiny" label="Collecting records and their changes…" /> : null}
        </div>
        {exported.isSuccess ? <Done title="Downloaded.">{exported.data}</Done> : null}
        {exported.isError ? <ErrorNotice title="The export could not be made." error={exported.error} onRetry={() => exported.mutate()} /> : null}
      </div>
    </Section>
  );
}
