// The space the customer's card will take, held while it (or its code) loads, so nothing jumps when it arrives.
import { makeStyles, Spinner, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  reserve: { minHeight: "280px", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  bar: { height: "14px", borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorNeutralBackground3 },
});

export function Placeholder({ widths }: { widths: number[] }) {
  const styles = useStyles();
  return (
    <div aria-hidden="true">
      {widths.map((w) => (
        <div key={w} className={styles.bar} style={{ width: `${w}%`, marginBottom: 8 }} />
      ))}
    </div>
  );
}

export function CardSkeleton({ label = "Loading the customer's details…" }: { label?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.reserve} aria-busy="true">
      <Spinner size="tiny" label={label} />
      <Placeholder widths={[90, 75, 60, 80, 50]} />
    </div>
  );
}
