// Subject access: everything the register holds about one customer, from every list with every version, as a JSON
// download for the information governance team to review before it is released.
import { Button, Field, Input, Spinner } from "@fluentui/react-components";
import { useState } from "react";
import { toDataError } from "../../../graph/client/errors";
import { getCustomer } from "../../../graph/repos/customers";
import { exportSubjectAccess, findByCaseRef } from "../../../graph/reports/subject-access";
import { ErrorNotice } from "../../components/ErrorNotice";
import { downloadFile } from "../app/download";
import { href } from "../app/route";
import { hasRole, useServices } from "../app/services";
import { Done, Note, Refusal, Section, useUi } from "../app/ui";
import { useLoad } from "../app/useLoad";

export default function AccessView({ customerId }: { customerId?: string }) {
  const ui = useUi();
  const { site, me } = useServices();
  const allowed = hasRole(me, "Manager", "Decider", "Admin");
  const [ref, setRef] = useState("");
  const [found, setFound] = useState<{ id: string; name: string; caseRef: string } | null>(null);
  const [notFound, setNotFound] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const given = useLoad(async () => (customerId && allowed ? getCustomer(site, customerId) : null), [site, customerId, allowed]);
  const target = found ?? (given.data ? { id: given.data.id!, name: given.data.name, caseRef: given.data.caseRef } : null);

  if (!allowed) {
    return (
      <>
        <h1 className={ui.h1}>Subject access</h1>
        <Note>Subject access exports are made by managers and deciders. Pass the request to your manager or information governance.</Note>
      </>
    );
  }

  const find = async () => {
    setNotFound(null);
    setError(undefined);
    setFound(null);
    if (!/^UPC-\d{4,}$/i.test(ref.trim())) {
      setNotFound("A case reference looks like UPC-0007.");
      return;
    }
    setBusy(true);
    try {
      const c = await findByCaseRef(site, ref);
      if (c) setFound(c);
      else setNotFound(`No customer has the case reference ${ref.trim().toUpperCase()}.`);
    } catch (e) {
      setError(toDataError(e));
    } finally {
      setBusy(false);
    }
  };

  const run = async () => {
    if (!target) return;
    setBusy(true);
    setError(undefined);
    setDone(null);
    try {
      const data = await exportSubjectAccess(site, target.id, { exportedBy: me.upn, includeSensitive: hasRole(me, "Decider", "Admin") });
      const name = `subject-access-${data.caseRef}-${data.exportedAt.slice(0, 10)}.json`;
      downloadFile(name, "application/json", JSON.stringify(data, null, 2));
      const items = Object.values(data.counts).reduce((a, b) => a + b, 0);
      setDone(`${name}: ${items} records from ${Object.keys(data.lists).length} lists, with their versions.`);
    } catch (e) {
      setError(toDataError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1 className={ui.h1}>Subject access</h1>
      <Section id="access-find" title="Find the customer">
        <form
          noValidate
          className={ui.row}
          onSubmit={(e) => {
            e.preventDefault();
            void find();
          }}
        >
          <Field label="Case reference">
            <Input value={ref} onChange={(_, v) => setRef(v.value)} placeholder="UPC-0007" />
          </Field>
          <Button type="submit" disabled={busy}>
            Find
          </Button>
        </form>
        {notFound ? <Refusal title="Not found." reason={notFound} /> : null}
        {given.error ? <ErrorNotice title="Could not load the customer." error={given.error} onRetry={given.reload} /> : null}
      </Section>
      {target ? (
        <Section id="access-export" title={`Export for ${target.caseRef}`}>
          <div className={ui.stack}>
            <p>
              Everything held about <strong>{target.name}</strong> ({target.caseRef}) in every list of the register, each record with its version history.{" "}
              {hasRole(me, "Decider", "Admin") ? "Health and vulnerability notes are included." : "Health and vulnerability notes are readable by deciders only and are not included: ask a decider to run the export."}
            </p>
            <p>
              <a href={href({ view: "case", id: target.id })}>Open the case</a>
            </p>
            <div>
              <Button appearance="primary" onClick={() => void run()} disabled={busy}>
                Download subject access export (JSON)
              </Button>
              {busy ? <Spinner size="tiny" label="Collecting records and versions…" /> : null}
            </div>
            {done ? <Done title="Downloaded.">{done}</Done> : null}
          </div>
        </Section>
      ) : null}
      {error ? <ErrorNotice title="The export could not be made." error={error} onRetry={() => void (target ? run() : find())} /> : null}
    </>
  );
}
