// One scrolling table with column headings, so every list in the tab reads and scrolls alike on a narrow pane.
import type { ReactNode } from "react";
import { useUi } from "../app/ui";

export function DataTable({ columns, label, caption, lead, children }: { columns: string[]; label?: string; caption?: string; lead?: ReactNode; children: ReactNode }) {
  const ui = useUi();
  return (
    <div className={ui.scroll}>
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
