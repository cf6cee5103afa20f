// A customer's case: who they are, their status and policy, the contact chart with any quota, the evidence,
// local resolution and warnings, restrictions, letters, reviews and appeals, decisions and the change history.
import { Spinner } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import type { Effect } from "../../../shared/workflow";
import { ErrorNotice } from "../../components/ErrorNotice";
import { effectsInWords } from "../app/useStep";
import { CaseBody, type Flash } from "./CaseBody";
import { useCasePage } from "./useCasePage";

export default function CaseView({ customerId }: { customerId: string }) {
  const page = useCasePage(customerId);
  const [flash, setFlash] = useState<Flash | null>(null);
  // The step itself invalidates this page (useStep): here only what it did is said.
  const onDone = useCallback((effects: Effect[], what: string) => setFlash({ what, lines: effectsInWords(effects) }), []);
  const { refetch } = page;
  const reload = useCallback(() => void refetch(), [refetch]);
  if (page.error && !page.data) return <ErrorNotice title="Could not load this case." error={page.error} onRetry={reload} />;
  if (!page.data) return <Spinner label="Loading the case…" />;
  return (
    <>
      {page.error ? <ErrorNotice title="Could not refresh this case." error={page.error} onRetry={reload} /> : null}
      {page.isFetching ? <Spinner size="tiny" label="Refreshing…" /> : null}
      <CaseBody page={page.data} flash={flash} onDone={onDone} onReload={reload} />
    </>
  );
}
