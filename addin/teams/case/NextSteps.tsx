// "Next steps": what the last step did, letters owed, and the decision and review forms for whoever may act.
// Deciding, letters and reviews are their own chunks, loaded only for someone who can act on this case.
import { Spinner } from "@fluentui/react-components";
import { Fragment, Suspense, lazy } from "react";
import type { CasePage } from "../../../graph/reports/case-page";
import type { Preset } from "../../../shared/presets/schema";
import type { Effect } from "../../../shared/workflow";
import { Done, Note, Section, useUi } from "../app/ui";
import { useActing } from "../app/useOffices";
import { decidableOutcomes, othersDecide, reviewOptions } from "../decide/options";
import type { Flash } from "./CaseBody";

const DecidePanel = lazy(() => import(/* webpackChunkName: "teams-decide" */ "../decide/DecidePanel"));
const LettersPanel = lazy(() => import(/* webpackChunkName: "teams-letters" */ "../letters/LettersPanel"));
const ReviewsPanel = lazy(() => import(/* webpackChunkName: "teams-review-forms" */ "../reviews/ReviewsPanel"));

interface Props {
  page: CasePage;
  preset: Preset | undefined;
  flash: Flash | null;
  onDone(e: Effect[], what: string): void;
  onReload(): void;
}

export function NextSteps({ page, preset, flash, onDone, onReload }: Props) {
  const ui = useUi();
  const acting = useActing();
  const { file } = page.loaded;
  const outcomes = preset ? decidableOutcomes(preset, file, acting) : [];
  const reviewing = preset ? reviewOptions(preset, file, acting) : null;
  const showReviews = !!reviewing && (!!reviewing.appeal || reviewing.canLodgeAppeal || !!reviewing.scheduledReview || reviewing.monitoringOpen);
  // Each decision at this stage someone else takes, said with the office the policy names.
  const others = preset ? othersDecide(preset, file, acting) : [];
  // The forms start afresh once the case has moved on (a decision or review recorded), not on every refresh.
  // Forms offered by role for a moment, then withdrawn once the offices are known, would invite a step the service refuses.
  if (!acting.settled) {
    return (
      <Section id="case-actions" title="Next steps">
        <Spinner size="tiny" label="Checking which steps are yours to take…" />
      </Section>
    );
  }
  const decidePart = (
    <Fragment key="decide">
      {preset && outcomes.length ? (
        <Suspense fallback={<Spinner size="tiny" label="Loading the decision form…" />}>
          <DecidePanel key={`decide-${file.decisions.length}-${file.status}`} page={page} preset={preset} onDone={onDone} onReload={onReload} />
        </Suspense>
      ) : null}
      {preset && others.length && !file.lettersOwed.length ? (
        <ul className={ui.muted} aria-label="Decisions others take">
          {others.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      ) : null}
    </Fragment>
  );
  const reviewsPart = (
    <Fragment key="reviews">
      {preset && showReviews ? (
        <Suspense fallback={<Spinner size="tiny" label="Loading reviews and appeals…" />}>
          <ReviewsPanel key={`reviews-${file.reviews.length}-${file.status}-${file.reviews.filter((r) => r.outcome).length}`} page={page} preset={preset} onDone={onDone} onReload={onReload} />
        </Suspense>
      ) : null}
    </Fragment>
  );
  return (
    <Section id="case-actions" title="Next steps">
      <div className={ui.stack}>
        {flash ? <Done title={flash.what}>{flash.lines.join(" ")}</Done> : null}
        {!preset ? <Note intent="warning">This customer's policy is not set up here, so no step can be taken.</Note> : null}
        {preset && file.lettersOwed.length ? (
          <Suspense fallback={<Spinner size="tiny" label="Loading the letters…" />}>
            <LettersPanel page={page} preset={preset} onDone={onDone} />
          </Suspense>
        ) : null}
        {/* An open appeal comes first: it is what the case waits on, and a decision beside it is rarely meant. */}
        {reviewing?.appeal ? [reviewsPart, decidePart] : [decidePart, reviewsPart]}
        {preset && !file.lettersOwed.length && !outcomes.length && !showReviews && !others.length ? <p>Nothing is waiting on this case.</p> : null}
      </div>
    </Section>
  );
}
