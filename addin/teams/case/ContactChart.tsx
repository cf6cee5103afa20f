// Contacts per week by channel as stacked bars, with any contact quota drawn on it (plain SVG: no chart library), and
// the same figures as a table for anyone who cannot see the chart.
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ContactChannel } from "../../../shared/domain/vocab";
import { useUi } from "../app/ui";
import { weekTitle, type WeeklyChart } from "./weekly";

export const CHANNEL_COLOURS: Record<ContactChannel, string> = {
  Email: tokens.colorPaletteBlueBorderActive,
  Phone: tokens.colorPaletteGreenBorderActive,
  Letter: tokens.colorPaletteMarigoldBorderActive,
  InPerson: tokens.colorPaletteGrapeBorderActive,
  Web: tokens.colorPaletteTealBorderActive,
  Social: tokens.colorPaletteCranberryBorderActive,
  Other: tokens.colorNeutralForeground3,
};

const CHANNEL_WORDS: Record<ContactChannel, string> = { Email: "E-mail", Phone: "Phone", Letter: "Letter", InPerson: "In person", Web: "Website", Social: "Social media", Other: "Other" };

const useStyles = makeStyles({
  svg: { width: "100%", height: "auto", maxWidth: "900px", display: "block" },
  legend: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, listStyleType: "none", padding: 0, margin: `${tokens.spacingVerticalS} 0` },
  swatch: { display: "inline-block", width: "12px", height: "12px", marginRight: tokens.spacingHorizontalXS, verticalAlign: "middle" },
  axis: { fill: tokens.colorNeutralForeground2, fontSize: "11px" },
  grid: { stroke: tokens.colorNeutralStroke2 },
  quota: { stroke: tokens.colorPaletteRedForeground1, strokeWidth: 2, strokeDasharray: "6 4", fill: "none" },
  quotaText: { fill: tokens.colorPaletteRedForeground1, fontSize: "11px" },
});

export default function ContactChart({ chart, id }: { chart: WeeklyChart; id: string }) {
  const styles = useStyles();
  const ui = useUi();
  const W = 860;
  const H = 260;
  const left = 36;
  const bottom = 28;
  const top = 16;
  const plotH = H - bottom - top;
  const step = (W - left - 8) / chart.weeks.length;
  const bar = Math.max(6, step * 0.65);
  const scaleMax = Math.ceil(chart.max * 1.1);
  const y = (v: number) => top + plotH - (v / scaleMax) * plotH;
  const ticks = [0, Math.round(scaleMax / 2), scaleMax];
  const total = chart.weeks.reduce((s, w) => s + w.total, 0);
  const desc = `${total} contacts over ${chart.weeks.length} weeks; the busiest week had ${Math.max(...chart.weeks.map((w) => w.total))}.${chart.quotas.map((q) => ` ${q.label}.`).join("")}`;
  return (
    <figure style={{ margin: 0 }}>
      <svg className={styles.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>Contacts per week by channel</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line className={styles.grid} x1={left} x2={W - 4} y1={y(t)} y2={y(t)} />
            <text className={styles.axis} x={left - 6} y={y(t) + 4} textAnchor="end">
              {t}
            </text>
          </g>
        ))}
        {chart.weeks.map((w, i) => {
          let acc = 0;
          const x = left + i * step + (step - bar) / 2;
          return (
            <g key={w.start}>
              {chart.channels.map((ch) => {
                const n = w.byChannel[ch];
                if (!n) return null;
                const y0 = y(acc);
                acc += n;
                return (
                  <rect key={ch} x={x} y={y(acc)} width={bar} height={y0 - y(acc)} fill={CHANNEL_COLOURS[ch]}>
                    <title>{`${weekTitle(w)}: ${n} by ${CHANNEL_WORDS[ch].toLowerCase()}`}</title>
                  </rect>
                );
              })}
              {i % 2 === 0 || chart.weeks.length <= 8 ? (
                <text className={styles.axis} x={left + i * step + step / 2} y={H - 10} textAnchor="middle">
                  {w.label}
                </text>
              ) : null}
            </g>
          );
        })}
        {chart.quotas.map((q, qi) =>
          q.per === "Week" ? (
            <g key={qi}>
              <line className={styles.quota} x1={left + q.fromWeek * step} x2={W - 4} y1={y(q.max)} y2={y(q.max)} />
              <text className={styles.quotaText} x={W - 6} y={y(q.max) - 4} textAnchor="end">
                {q.label}
              </text>
            </g>
          ) : (
            <g key={qi}>
              {q.months.map((m) => (
                <g key={m.start}>
                  <line className={styles.quota} x1={left + m.firstWeek * step} x2={left + (m.lastWeek + 1) * step} y1={y(q.max)} y2={y(q.max)} />
                  <circle cx={left + ((m.firstWeek + m.lastWeek + 1) / 2) * step} cy={y(m.count)} r={5} fill="none" className={styles.quota}>
                    <title>{`${m.label}: ${m.count} counted toward the monthly limit of ${q.max}`}</title>
                  </circle>
                </g>
              ))}
              <text className={styles.quotaText} x={W - 6} y={y(q.max) - 4} textAnchor="end">
                {`${q.label} (circles: each month's total)`}
              </text>
            </g>
          ),
        )}
      </svg>
      <figcaption>
        <ul className={styles.legend} aria-label="Channels">
          {chart.channels.map((ch) => (
            <li key={ch}>
              <span className={styles.swatch} style={{ backgroundColor: CHANNEL_COLOURS[ch] }} aria-hidden="true" />
              {CHANNEL_WORDS[ch]}
            </li>
          ))}
          {chart.quotas.map((q) => (
            <li key={q.label}>— — {q.label}</li>
          ))}
        </ul>
      </figcaption>
      <details>
        <summary>The figures as a table</summary>
        <div className={ui.scroll} role="region" aria-label="Contacts a week, as a table" tabIndex={0}>
          <table className={ui.table}>
            <thead>
              <tr>
                <th scope="col">Week</th>
                {chart.channels.map((ch) => (
                  <th key={ch} scope="col">
                    {CHANNEL_WORDS[ch]}
                  </th>
                ))}
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {chart.weeks.map((w) => (
                <tr key={w.start}>
                  <th scope="row">{weekTitle(w)}</th>
                  {chart.channels.map((ch) => (
                    <td key={ch}>{w.byChannel[ch]}</td>
                  ))}
                  <td>{w.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
