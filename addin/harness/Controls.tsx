// The harness's bar: who is signed in (switching reloads the page as that user) and the host's theme.
import { Field, Select, Spinner } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { peopleWithGroups } from "../../graph/mail/harness-reads";
import type { Graph } from "../../graph/client/factory";
import { ErrorNotice } from "../components/ErrorNotice";
import type { HostTheme } from "../office/types";
import { harnessKeys } from "./query-keys";
import { useHarnessStyles } from "./styles";

function switchUser(upn: string) {
  const url = new URL(window.location.href);
  url.searchParams.set("user", upn);
  url.searchParams.delete("message");
  window.location.assign(url.toString());
}

export function Controls({ graph, user, theme, setTheme }: { graph: Graph; user: string; theme: HostTheme; setTheme(t: HostTheme): void }) {
  const styles = useHarnessStyles();
  const users = useQuery({ queryKey: harnessKeys.users(), queryFn: () => peopleWithGroups(graph), staleTime: Infinity });
  return (
    <header className={styles.bar}>
      <h1 className={styles.h1}>UPC add-in harness</h1>
      <Field label="Signed in as">
        {users.isSuccess ? (
          <Select value={user} onChange={(_, d) => switchUser(d.value)}>
            {users.data.map((u) => (
              <option key={u.upn} value={u.upn}>
                {u.name} — {u.groups.length ? u.groups.map((g) => g.replace(/^UPC /, "")).join(", ") : "shared mailbox"}
              </option>
            ))}
          </Select>
        ) : users.isError ? (
          <ErrorNotice title="Could not list the demo users." error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <Spinner size="tiny" label="Loading users…" />
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
  );
}
