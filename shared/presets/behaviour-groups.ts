// A preset's behaviours under headings, and which of them a search for "Find a behaviour" shows.
import type { Labelled, Preset } from "./schema";

export interface BehaviourGroup {
  id: string;
  label: string;
  items: Labelled[];
}

/** Up to this many behaviours fit a task pane as a plain list; longer lists get headings and a search. */
export const PLAIN_LIST_MAX = 8;

/**
 * The preset's groups in its order, with any behaviour no group names under "Other behaviours" so none is lost.
 * A preset with no groups gives one group holding every behaviour.
 */
export function behaviourGroups(behaviours: Pick<Preset["behaviours"], "items" | "groups">): BehaviourGroup[] {
  const byId = new Map(behaviours.items.map((b) => [b.id, b]));
  const placed = new Set<string>();
  const groups: BehaviourGroup[] = [];
  for (const g of behaviours.groups ?? []) {
    const items = g.items.flatMap((id) => {
      const b = byId.get(id);
      if (!b || placed.has(id)) return [];
      placed.add(id);
      return [b];
    });
    if (items.length) groups.push({ id: g.id, label: g.label, items });
  }
  const rest = behaviours.items.filter((b) => !placed.has(b.id));
  if (rest.length) groups.push({ id: groups.length ? "other" : "all", label: groups.length ? "Other behaviours" : "Behaviours in the policy", items: rest });
  return groups;
}

export interface ShownGroup {
  group: BehaviourGroup;
  /** The behaviours to show: all of them with no search; with one, those that match and those already ticked. */
  shown: Labelled[];
  ticked: number;
  /** How many of its behaviours match the search (0 with no search). */
  matches: number;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Every word of the search starts a word of the text, so "rec" finds "recording" and "e-mail" finds "e-mails". */
export function matchesSearch(text: string, query: string): boolean {
  const want = words(query);
  if (!want.length) return true;
  const have = words(text);
  return want.every((w) => have.some((h) => h.startsWith(w)));
}

/**
 * What each group shows for a search. A search naming a group's heading shows the whole group; ticked behaviours
 * always stay, so a search never hides a choice already made. Groups with nothing to show are left out.
 */
export function findBehaviours(groups: readonly BehaviourGroup[], query: string, ticked: ReadonlySet<string>): ShownGroup[] {
  const searching = words(query).length > 0;
  return groups.flatMap((group) => {
    const count = group.items.filter((b) => ticked.has(b.id)).length;
    if (!searching) return [{ group, shown: group.items, ticked: count, matches: 0 }];
    const wholeGroup = matchesSearch(group.label, query);
    const matching = group.items.filter((b) => wholeGroup || matchesSearch(b.label, query));
    const shown = group.items.filter((b) => matching.includes(b) || ticked.has(b.id));
    return shown.length ? [{ group, shown, ticked: count, matches: matching.length }] : [];
  });
}
