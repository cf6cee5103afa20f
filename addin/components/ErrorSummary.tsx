// GOV.UK's error summary: every problem with a form at once, at its top, each a link that takes focus to its field.
// Shared by the task pane and the Teams tab.
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, type MouseEvent } from "react";

export interface FormProblem {
  /** The id of the control to focus; none for a problem no single field can fix (the summary then says it as text). */
  fieldId?: string;
  text: string;
}

const useStyles = makeStyles({
  box: {
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThickest} solid ${tokens.colorStatusDangerBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
    ":focus": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  title: { margin: `0 0 ${tokens.spacingVerticalS} 0`, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { overflowWrap: "anywhere", color: tokens.colorPaletteRedForeground1 },
  // Underlined as GOV.UK's are: a link is told from text by more than its colour.
  link: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold, textDecorationLine: "underline" },
});

/** Where a problem's link leads: its field gets focus and is brought into view, as GOV.UK's script does. */
export function focusField(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: "center" });
}

/**
 * Takes focus whenever a new list of problems arrives (each failed Save), so a screen reader reads it and the
 * keyboard starts from it. Renders nothing when there is no problem.
 */
export function ErrorSummary({ problems, heading = "h2" }: { problems: readonly FormProblem[]; heading?: "h2" | "h3" | "h4" }) {
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length) ref.current?.focus();
  }, [problems]);
  if (!problems.length) return null;
  const Title = heading;
  const follow = (id: string) => (e: MouseEvent) => {
    e.preventDefault();
    focusField(id);
  };
  return (
    <div ref={ref} className={styles.box} tabIndex={-1} data-error-summary="">
      <div role="alert">
        <Title className={styles.title}>
          There is a problem
        </Title>
        <ul className={styles.list}>
          {problems.map((p) => (
            <li key={`${p.fieldId ?? ""}:${p.text}`} className={styles.item}>
              {p.fieldId ? (
                <Link href={`#${p.fieldId}`} className={styles.link} onClick={follow(p.fieldId)}>
                  {p.text}
                </Link>
              ) : (
                p.text
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
