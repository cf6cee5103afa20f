// The harness page's layout: a bar of controls, then the inbox, the open mail and the pane side by side.
import { makeStyles, tokens } from "@fluentui/react-components";

export const useHarnessStyles = makeStyles({
  page: { minHeight: "100vh", display: "grid", gridTemplateRows: "auto 1fr", backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground1 },
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "end", padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, backgroundColor: tokens.colorNeutralBackground1, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  h1: { margin: 0, fontSize: tokens.fontSizeBase500, marginRight: "auto", alignSelf: "center" },
  body: { display: "grid", gridTemplateColumns: "minmax(220px, 300px) minmax(300px, 1fr) 380px", gap: tokens.spacingHorizontalM, padding: tokens.spacingHorizontalM, minHeight: 0 },
  panel: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, overflow: "auto", minHeight: 0 },
  h2: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase400 },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  msg: { width: "100%", justifyContent: "flex-start", textAlign: "left", display: "block", whiteSpace: "normal", height: "auto", padding: tokens.spacingHorizontalS },
  from: { display: "block", fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  subject: { display: "block", overflowWrap: "anywhere" },
  headers: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: `0 0 ${tokens.spacingVerticalM}` },
  dd: { margin: 0, overflowWrap: "anywhere" },
  text: { whiteSpace: "pre-wrap", overflowWrap: "anywhere", margin: 0, fontFamily: "inherit" },
  frame: { width: "100%", height: "calc(100vh - 120px)", minHeight: "520px", border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1 },
  forms: { marginTop: tokens.spacingVerticalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  chips: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
});
