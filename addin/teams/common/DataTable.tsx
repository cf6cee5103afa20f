// One scrolling table with column headings, so every list in the tab reads and scrolls alike on a narrow pane.
import type { ReactNode } from "react";
import { useUi } from "../app/ui";

export function DataTable({ columns, label, caption, lead, children }: { columns: string[]; lead?: ReactNode; children: ReactNode } & ({ label: string; caption?: string } | { label?: string; caption: string })) {
  const ui = useUi();
  // A table wider than a narrow tab scrolls in its own box; keyboard users reach that box with Tab and scroll it with
  // the arrow keys, so it is a focusable, named region (WCAG 2.1.1, axe's scrollable-region-focusable).
  return (
    <div className={ui.scroll} role="region" aria-label={label ?? caption} tabIndex={0}>
      {lead}
      <table className={ui.table} aria-label={label}>
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
