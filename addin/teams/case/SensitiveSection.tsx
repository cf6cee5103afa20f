// Health and vulnerability notes, on deciders' pages only (the only people whose page loads them).
import type { CasePage } from "../../../graph/reports/case-page";
import { ukDate } from "../../components/format";
import { Section, useUi } from "../app/ui";

export function SensitiveSection({ notes }: { notes: NonNullable<CasePage["sensitive"]> }) {
  const ui = useUi();
  return (
    <Section id="case-sensitive" title="Health and vulnerability notes">
      <p className={ui.muted}>Seen by deciders only (UK GDPR Art 9 special category data).</p>
      {notes.length ? (
        <ul>
          {notes.map((n) => (
            <li key={n.id} className={ui.wrap}>
              {n.notes} <span className={ui.muted}>— {n.recordedBy}, {ukDate(n.recordedAt)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>None recorded.</p>
      )}
    </Section>
  );
}
