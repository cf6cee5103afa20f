// Small building blocks the views share: page and section headings, plain tables, and messages in words.
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

export const useUi = makeStyles({
  h1: { margin: `0 0 ${tokens.spacingVerticalM}`, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  h2: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: `${tokens.spacingVerticalS} 0`, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  section: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
    padding: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalL,
  },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase300,
    "& th, & td": { textAlign: "left", verticalAlign: "top", padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
    "& th": { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
    "& caption": { textAlign: "left", fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} 0` },
  },
  scroll: { overflowX: "auto" },
  // Each item may shrink to the tab's width, and a drop-down to its own (long policy names would otherwise push a
  // 320 px tab sideways: WCAG 2.2 1.4.10 Reflow).
  row: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
    alignItems: "flex-end",
    "& > *": { minWidth: 0, maxWidth: "100%" },
    // A Field is a grid whose track would otherwise grow to its drop-down's longest option.
    "& .fui-Field": { gridTemplateColumns: "minmax(0, 1fr)" },
    "& .fui-Select": { maxWidth: "100%", minWidth: 0 },
    "& select": { maxWidth: "100%", minWidth: 0, textOverflow: "ellipsis" },
  },
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground2 },
  wrap: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  quote: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    "& blockquote": { margin: 0 },
  },
  dl: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    "& dt": { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
    "& dd": { margin: 0, overflowWrap: "anywhere", whiteSpace: "pre-wrap" },
    // At a narrow tab a label column as wide as "Single point of contact" leaves the values a word a line: stack them.
    "@media (max-width: 480px)": { gridTemplateColumns: "minmax(0, 1fr)", "& dd": { marginBottom: tokens.spacingVerticalS } },
  },
});

export function Section({ id, title, children, actions }: { id: string; title: string; children: ReactNode; actions?: ReactNode }) {
  const ui = useUi();
  return (
    <section className={ui.section} aria-labelledby={id}>
      <div className={ui.row} style={{ justifyContent: "space-between", alignItems: "baseline" }}>
        <h2 id={id} className={ui.h2}>
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** The workflow's refusal, in the policy's words: shown, never hidden. */
export function Refusal({ title = "Not recorded", reason }: { title?: string; reason: string }) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle> {reason}
      </MessageBarBody>
    </MessageBar>
  );
}

export function Done({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <MessageBar intent="success" layout="multiline" role="status">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle> {children}
      </MessageBarBody>
    </MessageBar>
  );
}

export function Note({ title, children, intent = "info" }: { title?: string; children: ReactNode; intent?: "info" | "warning" }) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null} {children}
      </MessageBarBody>
    </MessageBar>
  );
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
