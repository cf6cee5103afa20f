// Writes a workflow transition back to the lists: the customer first (guarded by its ETag), then what the step added.
import { describeRestriction } from "../../shared/restrictions";
import type { LetterKind } from "../../shared/domain/vocab";
import type { CaseFile } from "../../shared/workflow";
import { ensureOk } from "../client/factory";
import { eq } from "../client/odata";
import { caseToFields, createCase } from "../repos/cases";
import { syncIdentities, customerToFields, getCustomer } from "../repos/customers";
import { createLetter } from "../repos/letters";
import { createRestriction } from "../repos/restrictions";
import { createReview, reviewToFields } from "../repos/reviews";
import { itemsPath, queryAll, updateFields, type Site } from "../repos/items";
import type { LoadedCase } from "./load";

export interface LetterContent {
  title: string;
  body: string;
  channel: "Letter" | "Email";
}

export interface SaveOptions {
  /** The text of letters recorded by this step (drafted in the Teams tab); otherwise a record line is stored. */
  letters?: Partial<Record<LetterKind, LetterContent>>;
}

/**
 * Saves `next` over what `loaded` read. The customer row is written first with If-Match, so two people acting on the
 * same case at once cannot both succeed: the second gets a Conflict and must reload.
 */
export async function saveCaseFile(site: Site, loaded: LoadedCase, next: CaseFile, opts: SaveOptions = {}): Promise<void> {
  const before = loaded.file;
  const customerId = loaded.customer.id!;
  if (next.purged) {
    await purgeCustomer(site, customerId);
    return;
  }

  await updateFields(
    site,
    "customers",
    customerId,
    {
      ...customerToFields({ status: next.status, reviewDue: next.reviewDue, monitoringEnds: next.monitoring?.endsAt ?? null, retainUntil: next.retainUntil }),
      LettersOwed: next.lettersOwed.join(","),
      ExtensionInvitedAt: next.extensionCommentInvitedAt,
      ClosedAt: next.closedAt,
    },
    loaded.customer.etag,
  );
  if (next.status !== before.status) await syncIdentities(site, await getCustomer(site, customerId));

  // A new referral is a new case row; a withdrawn one is marked so.
  let openCase = loaded.cases.find((k) => k.stage === "Referred");
  if (next.referral && next.referral.at !== before.referral?.at) {
    const created = await createCase(site, {
      title: `Referral: ${loaded.customer.caseRef}`,
      customerId,
      stage: "Referred",
      referredBy: next.referral.by,
      referredAt: next.referral.at,
      serviceArea: next.referral.serviceArea,
      behaviours: next.referral.behaviours,
      summary: next.referral.summary,
      localResolution: next.localResolution.map((s) => ({ step: s.step, at: s.at, note: s.note })),
      preChecks: next.preChecks,
      vulnerabilityConsidered: next.vulnerabilityConsidered,
      evidenceContactIds: next.referral.evidenceContactIds,
    }, { PriorStatus: next.statusBeforeReferral ?? "" });
    openCase = { ...created, priorStatus: next.statusBeforeReferral, participants: [] };
  }
  const newDecisions = next.decisions.slice(before.decisions.length);
  if (before.status === "Referred" && next.status !== "Referred" && newDecisions.length === 0 && openCase) {
    await updateFields(site, "cases", openCase.id, { Stage: "Withdrawn" });
  }

  // Each decision is a case row: the open referral takes the first, later ones (sanctions, extensions) get their own.
  let decisionCaseId: string | null = null;
  for (const d of newDecisions) {
    const fields = {
      ...caseToFields({ stage: "Decided", outcome: d.outcome, decidedBy: d.by, decidedAt: d.at, reasons: d.reasons, preChecks: next.preChecks, vulnerabilityConsidered: next.vulnerabilityConsidered }),
      Participants: JSON.stringify(d.participants),
      WarningException: next.warningException ? JSON.stringify(next.warningException) : "",
    };
    if (openCase) {
      await updateFields(site, "cases", openCase.id, fields);
      decisionCaseId = openCase.id;
      openCase = undefined;
    } else {
      const created = await createCase(site, {
        title: `${d.outcome} decision: ${loaded.customer.caseRef}`,
        customerId,
        stage: "Decided",
        referredBy: d.by,
        referredAt: d.at,
        serviceArea: next.referral?.serviceArea ?? "",
        behaviours: next.referral?.behaviours ?? [],
        summary: "",
        localResolution: [],
        preChecks: next.preChecks,
        vulnerabilityConsidered: next.vulnerabilityConsidered,
        evidenceContactIds: [],
      }, fields);
      decisionCaseId = created.id;
    }
  }

  // Restrictions: new terms are created; existing ones whose state changed are updated.
  for (const [i, t] of next.restrictions.entries()) {
    const row = loaded.restrictions[i];
    if (!row) {
      await createRestriction(site, { title: describeRestriction(t.params), customerId, caseId: decisionCaseId, kind: t.kind, params: t.params, startsAt: t.startsAt, endsAt: t.endsAt, reviewDue: next.reviewDue, state: t.state });
    } else if (row.state !== t.state) {
      await updateFields(site, "restrictions", row.id, { State: t.state });
    }
  }

  for (const [i, r] of next.reviews.entries()) {
    const row = loaded.reviews[i];
    if (!row) {
      const title = `${r.kind === "Appeal" ? "Appeal" : r.kind === "MonitoringEnd" ? "End of monitoring" : "Scheduled review"}: ${loaded.customer.caseRef}`;
      await createReview(site, { title, customerId, caseId: decisionCaseId, kind: r.kind, openedAt: r.openedAt, dueBy: r.dueBy, reviewer: r.by, outcome: r.outcome, decidedAt: r.decidedAt, reasons: r.reasons }, r.receivedAt ? { ReceivedAt: r.receivedAt } : {});
    } else if ((row.outcome ?? null) !== r.outcome) {
      await updateFields(site, "reviews", row.id, reviewToFields({ outcome: r.outcome, reviewer: r.by, decidedAt: r.decidedAt, reasons: r.reasons }));
    }
  }

  for (const l of next.letters.slice(before.letters.length)) {
    const content = opts.letters?.[l.kind];
    await createLetter(site, {
      title: content?.title ?? `${l.kind} letter: ${loaded.customer.caseRef}`,
      customerId,
      caseId: decisionCaseId,
      kind: l.kind,
      sentAt: l.at,
      channel: l.withheldReason ? null : (content?.channel ?? "Letter"),
      body: content?.body ?? (l.withheldReason ? "" : "(sent; text held outside the register)"),
      complete: !l.withheldReason,
      elements: l.elements,
      withheldReason: l.withheldReason,
    });
  }
  for (const w of next.warnings.slice(before.warnings.length)) {
    await createLetter(site, { title: w.note.slice(0, 255), customerId, caseId: null, kind: "Warning", sentAt: w.at, channel: w.level === "Formal" ? "Letter" : "Phone", body: w.note, complete: true, elements: [], withheldReason: null });
  }
}

/** Retention: every row about the customer is deleted, the contact log included; only counts are reported. */
export async function purgeCustomer(site: Site, customerId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const list of ["contacts", "identities", "restrictions", "reviews", "letters", "cases", "sensitive"] as const) {
    const rows = await queryAll(site, list, { filter: eq("CustomerLookupId", Number(customerId)), select: ["Title"] });
    counts[list] = rows.length;
    for (let i = 0; i < rows.length; i += 20) {
      const res = await site.graph.batch(rows.slice(i, i + 20).map((r, n) => ({ id: String(n), method: "DELETE" as const, url: `${itemsPath(site, list)}/${r.id}` })));
      res.forEach((x) => x.status !== 404 && ensureOk(x));
    }
  }
  await site.graph.delete(`${itemsPath(site, "customers")}/${encodeURIComponent(customerId)}`);
  counts.customers = 1;
  return counts;
}
