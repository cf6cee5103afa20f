// "Letters": what is owed, and every letter sent or withheld, newest first.
import type { CasePage } from "../../../graph/reports/case-page";
import { ukDate } from "../../components/format";
import { Section, useUi } from "../app/ui";
import { letterWords } from "../app/useStep";
import { DataTable } from "../common/DataTable";

export function LettersSection({ page }: { page: CasePage }) {
  const ui = useUi();
  const { file, letters } = page.loaded;
  return (
    <Section id="case-letters" title="Letters">
      {file.lettersOwed.length ? <p>Owed: {file.lettersOwed.map(letterWords).join(", ")}.</p> : null}
      {letters.length ? (
        <DataTable columns={["Letter", "Sent", "How", "Subject or reason"]} label="Letters">
          {[...letters]
            .sort((a, b) => (b.sentAt ?? "").localeCompare(a.sentAt ?? ""))
            .map((l) => (
              <tr key={l.id}>
                <td>{letterWords(l.kind)}</td>
                <td>{ukDate(l.sentAt)}</td>
                <td>{l.withheldReason ? "Not sent" : (l.channel ?? "—")}</td>
                <td className={ui.wrap}>{l.withheldReason ? `Withheld: ${l.withheldReason}` : l.title}</td>
              </tr>
            ))}
        </DataTable>
      ) : (
        <p>No letters yet.</p>
      )}
    </Section>
  );
}
