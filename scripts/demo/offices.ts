// The demo's office map for `npm start`: each office the policies name held by a demo person whose job title fits it,
// and the audiences by group. Tests never get it: those that need a map name their own holders.
import type { Graph } from "../../graph/client/factory";
import { readSetting, writeSetting } from "../../graph/repos/settings";
import type { OfficeMap } from "../../shared/offices/mapping";

const people = (...upns: string[]) => ({ groups: [], people: upns });
const groups = (...names: string[]) => ({ groups: names, people: [] });

export const DEMO_OFFICE_MAP: OfficeMap = {
  // Merseyside Fire & Rescue
  director: people("dan.decider@upc.test"),
  // Cumbria Fire & Rescue
  "senior-manager": people("sue.senior@upc.test"),
  "staff-and-managers": groups("UPC Staff"),
  // Southampton
  "complaints-resolution-manager": people("rory.reviewer@upc.test"),
  "head-of-legal": people("lee.legal@upc.test"),
  "service-director": people("sid.director@upc.test"),
  // Hampshire SENDIASS
  "support-worker-or-manager": people("mo.manager@upc.test"),
  // The council's 2014 policy: Dee (Head of Customer Services) is a Head of Service too, so the tab's default user decides.
  "head-of-service": people("hana.head@upc.test", "dee.decider@upc.test"),
  "business-manager": people("bea.business@upc.test"),
  "executive-director": people("ed.director@upc.test"),
  "chief-executive": people("cath.chief@upc.test"),
  "executive-directors": people("ed.director@upc.test"),
  "heads-of-service": people("hana.head@upc.test", "dee.decider@upc.test"),
  "business-managers": people("bea.business@upc.test"),
  "elected-members": groups("Elected Members"),
  "all-staff": groups("UPC Staff"),
};

/** Stores the demo map in the row the case service reads, unless an administrator has already saved one. */
export async function seedDemoOffices(graph: Graph, siteId = "root"): Promise<boolean> {
  const site = { graph, siteId };
  const read = await readSetting(site, "offices");
  if (read.id) return false;
  await writeSetting(site, "offices", DEMO_OFFICE_MAP, { id: null, etag: null });
  return true;
}
