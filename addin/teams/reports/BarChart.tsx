// A horizontal bar chart in plain SVG (no chart library), with its figures in the accessible name and a table beside it.
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Count } from "../../../graph/reports/aggregate";

const useStyles = makeStyles({
  svg: { width: "100%", maxWidth: "760px", height: "auto", display: "block" },
  label: { fill: tokens.colorNeutralForeground1, fontSize: "12px" },
  value: { fill: tokens.colorNeutralForeground1, fontSize: "12px", fontWeight: 600 },
  bar: { fill: tokens.colorBrandBackground },
});

export default function BarChart({ title, counts, id }: { title: string; counts: Count[]; id: string }) {
  const styles = useStyles();
  const rowH = 26;
  const labelW = 260;
  const W = 760;
  const H = Math.max(1, counts.length) * rowH + 8;
  const max = Math.max(1, ...counts.map((c) => c.count));
  const scale = (v: number) => ((W - labelW - 48) * v) / max;
  const desc = counts.length ? counts.map((c) => `${c.label}: ${c.count}`).join("; ") : "Nothing to show for this period.";
  return (
    <svg className={styles.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      {counts.map((c, i) => (
        <g key={c.key} transform={`translate(0 ${i * rowH + 4})`}>
          <text className={styles.label} x={labelW - 8} y={rowH / 2 + 4} textAnchor="end">
            {c.label.length > 38 ? `${c.label.slice(0, 36)}…` : c.label}
          </text>
          <rect className={styles.bar} x={labelW} y={4} width={Math.max(2, scale(c.count))} height={rowH - 10} rx={2} />
          <text className={styles.value} x={labelW + scale(c.count) + 6} y={rowH / 2 + 4}>
            {c.count}
          </text>
        </g>
      ))}
      {!counts.length ? (
        <text className={styles.label} x={8} y={20}>
          Nothing to show for this period.
        </text>
      ) : null}
    </svg>
  );
}
