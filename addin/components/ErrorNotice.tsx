// A failure in plain words with a Retry button: the pane never falls silent and never mistakes a failure for "no record".
// Plain markup rather than MessageBar keeps it in the pane's first JavaScript at little cost.
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { DataError, toDataError } from "../../graph/client/errors";

export function errorWords(e: unknown): string {
  if (e instanceof DataError) return e.userMessage;
  return toDataError(e).userMessage;
}

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}`,
    backgroundColor: tokens.colorStatusDangerBackground1,
    color: tokens.colorNeutralForeground1,
  },
  text: { margin: 0, overflowWrap: "anywhere" },
  title: { fontWeight: tokens.fontWeightSemibold },
});

export function ErrorNotice({ title, error, onRetry, retryLabel = "Retry" }: { title: string; error: unknown; onRetry?: () => void; retryLabel?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.box} role="alert">
      <p className={styles.text}>
        <span className={styles.title}>{title}</span> {errorWords(error)}
      </p>
      {onRetry ? (
        <Button appearance="primary" onClick={onRetry}>
          {retryLabel}
        </Button>
      ) : null}
    </div>
  );
}
