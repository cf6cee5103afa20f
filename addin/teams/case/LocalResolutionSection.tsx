// What was tried before the policy: local-resolution steps, warnings given, or why no warning was given.
import type { CasePage } from "../../../graph/reports/case-page";
import type { Preset } from "../../../shared/presets/schema";
import { ukDate } from "../../components/format";
import { Section } from "../app/ui";

export function LocalResolutionSection({ page, preset }: { page: CasePage; preset: Preset | undefined }) {
  const { file } = page.loaded;
  const lrLabel = (id: string) => preset?.localResolution.steps.find((s) => s.id === id)?.label ?? id;
  return (
    <Section id="case-lr" title="Local resolution and warnings">
      {file.localResolution.length || file.warnings.length ? (
        <ul>
          {file.localResolution.map((s, i) => (
            <li key={`lr-${i}`}>
              {ukDate(s.at)}: {lrLabel(s.step)}
              {s.note ? ` — ${s.note}` : ""}
            </li>
          ))}
          {file.warnings.map((w, i) => (
            <li key={`w-${i}`}>
              {ukDate(w.at)}: {w.level} warning — {w.note}
            </li>
          ))}
        </ul>
      ) : (
        <p>No local-resolution attempts or warnings are recorded.</p>
      )}
      {file.warningException ? (
        <p>
          No warning was given: {[...(preset?.warning.exceptions ?? []), ...(preset?.warning.retiredExceptions ?? [])].find((x) => x.id === file.warningException!.id)?.label ?? file.warningException.id} — {file.warningException.reason}
        </p>
      ) : null}
    </Section>
  );
}
