// The one search box: a case reference, an e-mail address or telephone number, or the start of a name.
import { Button, Field, Input, Spinner } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { searchSubjects } from "../../../graph/reports/subject-access-search";
import { classifySubjectQuery } from "../../../shared/access/search-query";
import { ErrorNotice } from "../../components/ErrorNotice";
import { useServices } from "../app/services";
import { Refusal, Section, useUi } from "../app/ui";
import { SearchResults } from "./SearchResults";
import { teamsKeys } from "../app/query-keys";

export function FindCustomer() {
  const ui = useUi();
  const { site } = useServices();
  const [typed, setTyped] = useState("");
  const [asked, setAsked] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const search = useQuery({
    queryKey: teamsKeys.accessSearch(site.siteId, asked),
    queryFn: () => searchSubjects(site, asked!),
    enabled: asked !== null,
    // A search is for now: a customer added a minute ago must be found.
    staleTime: 0,
  });

  const submit = () => {
    // Said at once, in words, without asking the register: "UPC-12", "jo@", one letter.
    const q = classifySubjectQuery(typed);
    if (q.kind === "invalid") {
      setRefused(q.reason);
      setAsked(null);
      return;
    }
    setRefused(null);
    if (asked === typed.trim()) void search.refetch();
    else setAsked(typed.trim());
  };

  return (
    <Section id="access-find" title="Find the customer">
      <form
        noValidate
        role="search"
        aria-label="Find the customer"
        className={ui.stack}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className={ui.row}>
          <Field label="Name, e-mail address or case reference" hint="A name is found by how it begins, as it was recorded: “Dana” or “Dana Wh”. A telephone number works too.">
            <Input value={typed} onChange={(_, v) => setTyped(v.value)} autoComplete="off" />
          </Field>
          <Button type="submit" appearance="primary" disabled={search.isFetching}>
            Search
          </Button>
        </div>
      </form>
      {refused ? <Refusal title="Cannot search for that." reason={refused} /> : null}
      {search.isFetching ? <Spinner size="tiny" label="Searching the register…" /> : null}
      {search.isError ? <ErrorNotice title="The search could not be made." error={search.error} onRetry={() => void search.refetch()} /> : null}
      {search.data && !search.isFetching ? <SearchResults result={search.data} /> : null}
    </Section>
  );
}
