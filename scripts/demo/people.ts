// The demo customers: every status under every preset, with awkward names and every kind of address.
import type { CustomerKind, CustomerStatus } from "../../shared/domain/vocab";
import type { RestrictionParams } from "../../shared/domain/restriction-params";

export interface DemoCustomer {
  name: string;
  kind: CustomerKind;
  status: CustomerStatus;
  policyId: string;
  serviceArea: string;
  emails: string[];
  phones?: string[];
  domain?: string;
  adjustments?: string;
  guidance?: string;
  spoc?: { upn: string; name: string };
  restrictions?: RestrictionParams[];
  /** Contacts a week, on average, over the last 13 weeks. */
  weekly: number;
}

const KIM = { upn: "kim.officer@upc.test", name: "Kim Officer" };
const CR = { upn: "customer.relations@upc.test", name: "Customer Relations team" };
const MO = { upn: "mo.manager@upc.test", name: "Mo Manager" };

export const DEMO_CUSTOMERS: DemoCustomer[] = [
  // cumbria-fire-2023
  { name: "Seán O'Brien", kind: "Individual", status: "Restricted", policyId: "cumbria-fire-2023", serviceArea: "Prevention", emails: ["o'brien@example.org", "sean.obrien@mail.example"], phones: ["07700 900123"], spoc: KIM, adjustments: "Prefers large-print letters (visual impairment).", guidance: "Pass any contact to Kim Officer. Calls only in the Tuesday slot.", weekly: 9,
    restrictions: [{ kind: "NamedOfficer", target: { kind: "Person", upn: KIM.upn, name: KIM.name, phone: "020 7946 0003" } }, { kind: "CallSlots", slots: [{ day: "Tue", from: "10:00", to: "12:00" }] }, { kind: "CallLength", maxMinutes: 15 }, { kind: "Witness" }] },
  { name: "Dana Whitlock", kind: "Individual", status: "Referred", policyId: "cumbria-fire-2023", serviceArea: "Fire Safety", emails: ["dana.whitlock@example.net"], weekly: 12 },
  { name: "Priya Natarajan", kind: "Individual", status: "Warned", policyId: "cumbria-fire-2023", serviceArea: "Prevention", emails: ["priya.n@example.com"], weekly: 5 },
  { name: "Wendy Marsh", kind: "Individual", status: "Monitoring", policyId: "cumbria-fire-2023", serviceArea: "Fire Safety", emails: ["wendy.marsh@example.org"], weekly: 4 },
  { name: "Tom Allardyce", kind: "Individual", status: "Observed", policyId: "cumbria-fire-2023", serviceArea: "Operations", emails: ["tom.allardyce@example.co.uk"], weekly: 3 },
  { name: "Greta Lindqvist", kind: "Individual", status: "Closed", policyId: "cumbria-fire-2023", serviceArea: "Prevention", emails: ["greta@example.se"], weekly: 1 },
  { name: "Hal Pemberton", kind: "Individual", status: "Restricted", policyId: "cumbria-fire-2023", serviceArea: "Estates", emails: ["hal.pemberton@example.org"], spoc: MO, weekly: 6,
    restrictions: [{ kind: "PremisesAccess", premises: "Fire HQ, Carleton Avenue", byAppointment: true }, { kind: "NoSameMatter", matterRefs: ["EST-2291"] }, { kind: "SingleChannel", channel: "Letter" }] },
  // council-ccm-2014
  { name: "Mary-Jane D'Arcy", kind: "Individual", status: "Monitoring", policyId: "council-ccm-2014", serviceArea: "Planning", emails: ["mj.darcy@example.org"], spoc: CR, adjustments: "Uses e-mail because of dyslexia; allow extra time on calls.", weekly: 7 },
  { name: "Vexford Holdings Ltd", kind: "Organisation", status: "Restricted", policyId: "council-ccm-2014", serviceArea: "Licensing", emails: ["director@vexford.example"], domain: "vexford.example", spoc: CR, weekly: 10,
    restrictions: [{ kind: "ContactQuota", max: 2, per: "Week", channels: ["Email"] }, { kind: "CallSlots", slots: [{ day: "Thu", from: "14:00", to: "15:00" }] }] },
  { name: "Ray Coulter", kind: "Individual", status: "Restricted", policyId: "council-ccm-2014", serviceArea: "Waste", emails: ["ray.coulter@example.com"], weekly: 4, restrictions: [{ kind: "NoContact" }] },
  { name: "Neighbours of Elm Row", kind: "Group", status: "Referred", policyId: "council-ccm-2014", serviceArea: "Environmental Health", emails: ["elmrow.residents@example.org"], weekly: 8 },
  { name: "Ifeoma Okafor", kind: "Individual", status: "Observed", policyId: "council-ccm-2014", serviceArea: "Housing", emails: ["ifeoma.okafor@example.com"], weekly: 2 },
  { name: "Lech Wałęsa-Nowak", kind: "Individual", status: "Warned", policyId: "council-ccm-2014", serviceArea: "Council Tax", emails: ["lech.nowak@example.pl"], weekly: 4 },
  { name: "Bernard Fox", kind: "Individual", status: "Closed", policyId: "council-ccm-2014", serviceArea: "Parking", emails: ["b.fox@example.org"], weekly: 1 },
  // southampton-2018
  { name: "Colin Prendergast", kind: "Individual", status: "Restricted", policyId: "southampton-2018", serviceArea: "Council Tax", emails: ["colin.p@example.org"], phones: ["023 8083 3000"], spoc: CR, weekly: 11,
    restrictions: [{ kind: "SeriousOnly" }, { kind: "NewIssuesOnly" }, { kind: "BlockElectronic", includePhone: false }] },
  { name: "Aisha Rahman", kind: "Individual", status: "Referred", policyId: "southampton-2018", serviceArea: "Housing", emails: ["aisha.rahman@example.com"], weekly: 9 },
  { name: "Gordon McBride", kind: "Individual", status: "Monitoring", policyId: "southampton-2018", serviceArea: "Highways", emails: ["gordon.mcbride@example.scot"], weekly: 5 },
  { name: "Pat Quinlan", kind: "Individual", status: "Warned", policyId: "southampton-2018", serviceArea: "Parks", emails: ["pat.quinlan@example.ie"], weekly: 3 },
  { name: "Ellen Ng", kind: "Individual", status: "Observed", policyId: "southampton-2018", serviceArea: "Libraries", emails: ["ellen.ng@example.com"], weekly: 2 },
  { name: "Victor Hale", kind: "Individual", status: "Closed", policyId: "southampton-2018", serviceArea: "Council Tax", emails: ["victor.hale@example.org"], weekly: 1 },
  // hampshire-sendiass
  { name: "Jo <script>Bloggs</script>", kind: "Individual", status: "Restricted", policyId: "hampshire-sendiass", serviceArea: "SENDIASS", emails: ["jo.bloggs@example.org"], adjustments: "Needs written summaries after every call.", weekly: 6,
    restrictions: [{ kind: "FiledWithoutReply" }, { kind: "BlockElectronic", includePhone: true }, { kind: "OpenEnquiryOnly", enquiryRefs: ["SEN-4410"] }, { kind: "Described", text: "Written summaries go by post only, after each call" }] },
  { name: "Sam Otieno", kind: "Individual", status: "Referred", policyId: "hampshire-sendiass", serviceArea: "SENDIASS", emails: ["sam.otieno@example.com"], weekly: 7 },
  { name: "Kerry Walsh", kind: "Individual", status: "Monitoring", policyId: "hampshire-sendiass", serviceArea: "SENDIASS", emails: ["kerry.walsh@example.org"], weekly: 4 },
  { name: "Zoë Adams", kind: "Individual", status: "Warned", policyId: "hampshire-sendiass", serviceArea: "SENDIASS", emails: ["zoe.adams@example.org"], weekly: 3 },
  { name: "Lee Park", kind: "Individual", status: "Observed", policyId: "hampshire-sendiass", serviceArea: "SENDIASS", emails: ["lee.park@example.kr"], weekly: 2 },
  { name: "Ann Daly", kind: "Individual", status: "Closed", policyId: "hampshire-sendiass", serviceArea: "SENDIASS", emails: ["ann.daly@example.ie"], weekly: 1 },
  // merseyside-fire-2011
  { name: "Frank Doyle", kind: "Individual", status: "Restricted", policyId: "merseyside-fire-2011", serviceArea: "Community Safety", emails: ["frank.doyle@example.org"], spoc: KIM, weekly: 5,
    restrictions: [{ kind: "SingleChannel", channel: "Email" }] },
  { name: "Rita Mensah", kind: "Individual", status: "Referred", policyId: "merseyside-fire-2011", serviceArea: "Community Safety", emails: ["rita.mensah@example.com"], weekly: 6 },
  { name: "Owen Price", kind: "Individual", status: "Monitoring", policyId: "merseyside-fire-2011", serviceArea: "Operations", emails: ["owen.price@example.cymru"], weekly: 4 },
  { name: "Nadia Haddad", kind: "Individual", status: "Warned", policyId: "merseyside-fire-2011", serviceArea: "Community Safety", emails: ["nadia.haddad@example.com"], weekly: 3 },
  { name: "Jack Ellis", kind: "Individual", status: "Observed", policyId: "merseyside-fire-2011", serviceArea: "Estates", emails: ["jack.ellis@example.org"], weekly: 2 },
  { name: "Moira Kelly", kind: "Individual", status: "Closed", policyId: "merseyside-fire-2011", serviceArea: "Community Safety", emails: ["moira.kelly@example.org"], weekly: 1 },
];

/** Senders of demo mail that are on no register. */
export const UNFLAGGED_SENDERS = [
  { name: "Alice Turner", address: "alice.turner@example.com" },
  { name: "Parish Council Clerk", address: "clerk@parish.example" },
  { name: "Seán O'Brien", address: "sean.obrien.new@example.net" },
];
