// The customers a search found, for the officer to pick the one the request is about; or, in words, that none was.
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import type { SubjectSearch } from "../../../graph/reports/subject-access-search";
import { StatusBadge } from "../../components/StatusBadge";
import { href } from "../app/route";
import { Note, plural, useUi } from "../app/ui";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { padding: tokens.spacingHorizontalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, overflowWrap: "anywhere" },
  name: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  line: { margin: `${tokens.spacingVerticalXS} 0 0`, display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

function nothingFound(r: SubjectSearch): string {
  switch (r.kind) {
    case "caseRef":
      return `No customer has the case reference ${r.value}.`;
    case "email":
      return `No customer is known by the address ${r.value}, or by its whole domain.`;
    case "phone":
      return `No customer is known by the telephone number ${r.value}.`;
    case "domain":
      return `No customer is known by the whole domain ${r.value}.`;
    case "name":
      return `No customer's name begins with “${r.value}”. Try the name as it was recorded (first name first), or search by e-mail address or case reference.`;
  }
}

export function SearchResults({ result }: { result: SubjectSearch }) {
  const ui = useUi();
  const styles = useStyles();
  if (result.matches.length === 0) return <Note title="No match.">{nothingFound(result)}</Note>;
  return (
    <div className={ui.stack}>
      <h3 className={ui.h3} id="access-found">
        {result.matches.length === 1 ? "1 customer found" : `${plural(result.matches.length, "customer")} found`}: choose the one the request is about
      </h3>
      {result.more ? <Note intent="warning">More customers match than are listed here: type more of the name.</Note> : null}
      <ul className={styles.list} aria-labelledby="access-found">
        {result.matches.map((m) => (
          <li key={m.id} className={styles.item}>
            <Link className={styles.name} href={href({ view: "access", id: m.id })}>
              {m.name}
            </Link>
            <p className={styles.line}>
              <span>{m.caseRef}</span>
              <StatusBadge status={m.status} size="medium" />
            </p>
            <p className={styles.line}>{m.addresses.length ? `Known by: ${m.addresses.join(", ")}` : "No address on record."}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
