// The seeded tenant directory: the five UPC groups, a distribution list for elected members, and the demo users
// (among them people whose job titles are the offices the policies name), with stable ids.
import type { DirectoryGroup, DirectoryUser } from "../core/types";

export const GROUPS = {
  staff: { id: "5a1f0c11-0000-4000-8000-000000000001", displayName: "UPC Staff" },
  managers: { id: "5a1f0c11-0000-4000-8000-000000000002", displayName: "UPC Managers" },
  deciders: { id: "5a1f0c11-0000-4000-8000-000000000003", displayName: "UPC Deciders" },
  reviewers: { id: "5a1f0c11-0000-4000-8000-000000000004", displayName: "UPC Reviewers" },
  admins: { id: "5a1f0c11-0000-4000-8000-000000000005", displayName: "UPC Admins" },
  // Not a UPC role: an audience the council's policy tells of sanctions, which an administrator may name to that office.
  members: { id: "5a1f0c11-0000-4000-8000-000000000006", displayName: "Elected Members", mail: "elected.members@upc.test" },
} satisfies Record<string, DirectoryGroup>;

export const DIRECTORY_GROUPS: readonly DirectoryGroup[] = [GROUPS.staff, GROUPS.managers, GROUPS.deciders, GROUPS.reviewers, GROUPS.admins, GROUPS.members];

export interface SeedUser extends DirectoryUser {
  givenName: string | null;
  surname: string | null;
  /** A shared mailbox rather than a person who signs in. */
  shared: boolean;
  jobTitle: string | null;
  department: string | null;
  businessPhones: string[];
}

/** How the directory describes someone's work: what a people picker shows beside their name. */
interface Work {
  jobTitle: string;
  department: string;
  phone: string;
}

function user(n: number, upn: string, displayName: string, groups: DirectoryGroup[], work: Work | null, shared = false): SeedUser {
  const [given, ...rest] = displayName.split(" ");
  return {
    id: `7e575e40-0000-4000-8000-${String(n).padStart(12, "0")}`,
    userPrincipalName: upn,
    mail: upn,
    displayName,
    givenName: shared ? null : given,
    surname: shared ? null : rest.join(" ") || null,
    groupIds: groups.map((g) => g.id),
    shared,
    jobTitle: work?.jobTitle ?? null,
    department: work?.department ?? null,
    businessPhones: work ? [work.phone] : [],
  };
}

/** Every seeded user; the start-up prints these so people know whom to sign in as. */
// Telephone numbers are from Ofcom's range for drama (020 7946 0xxx), so no real line is ever rung.
export const DIRECTORY_USERS: readonly SeedUser[] = [
  user(1, "admin@upc.test", "Alex Admin", [GROUPS.admins, GROUPS.staff], { jobTitle: "Information Governance Officer", department: "Legal and Governance", phone: "020 7946 0001" }),
  user(2, "sam.officer@upc.test", "Sam Officer", [GROUPS.staff], { jobTitle: "Customer Services Officer", department: "Customer Services", phone: "020 7946 0002" }),
  user(3, "kim.officer@upc.test", "Kim Officer", [GROUPS.staff], { jobTitle: "Senior Customer Services Officer", department: "Customer Services", phone: "020 7946 0003" }),
  user(4, "mo.manager@upc.test", "Mo Manager", [GROUPS.managers, GROUPS.staff], { jobTitle: "Customer Services Manager", department: "Customer Services", phone: "020 7946 0004" }),
  user(5, "dee.decider@upc.test", "Dee Decider", [GROUPS.deciders, GROUPS.managers, GROUPS.staff], { jobTitle: "Head of Customer Services", department: "Customer Services", phone: "020 7946 0005" }),
  user(6, "dan.decider@upc.test", "Dan Decider", [GROUPS.deciders, GROUPS.managers, GROUPS.staff], { jobTitle: "Director of Community Services", department: "Community Services", phone: "020 7946 0006" }),
  user(7, "rory.reviewer@upc.test", "Rory Reviewer", [GROUPS.reviewers, GROUPS.staff], { jobTitle: "Complaints Resolution Manager", department: "Legal and Governance", phone: "020 7946 0007" }),
  user(8, "remi.reviewer@upc.test", "Remi Reviewer", [GROUPS.reviewers, GROUPS.deciders, GROUPS.staff], { jobTitle: "Assistant Director", department: "Legal and Governance", phone: "020 7946 0008" }),
  user(9, "complaints@upc.test", "Complaints inbox", [], null, true),
  user(10, "customer.relations@upc.test", "Customer Relations team", [], null, true),
  // A name with an apostrophe, as officers' names often have: searching the directory for it must work.
  user(11, "niamh.obrien@upc.test", "Niamh O'Brien", [GROUPS.staff], { jobTitle: "Customer Liaison Officer", department: "Customer Services", phone: "020 7946 0011" }),
  // People holding the offices the policies name, for an administrator to map (npm start maps them; tests map their own).
  // Those who decide are also in UPC Deciders, which stands in for an office until it is mapped.
  user(12, "cath.chief@upc.test", "Cath Chief", [GROUPS.deciders, GROUPS.staff], { jobTitle: "Chief Executive", department: "Chief Executive's Office", phone: "020 7946 0012" }),
  user(13, "ed.director@upc.test", "Ed Director", [GROUPS.deciders, GROUPS.staff], { jobTitle: "Executive Director, Resources & Support Services", department: "Resources & Support Services", phone: "020 7946 0013" }),
  user(14, "bea.business@upc.test", "Bea Business", [GROUPS.managers, GROUPS.staff], { jobTitle: "Customer & ICT Services Business Manager", department: "Customer & ICT Services", phone: "020 7946 0014" }),
  user(15, "hana.head@upc.test", "Hana Head", [GROUPS.deciders, GROUPS.managers, GROUPS.staff], { jobTitle: "Head of Planning", department: "Planning", phone: "020 7946 0015" }),
  user(16, "lee.legal@upc.test", "Lee Legal", [GROUPS.managers, GROUPS.staff], { jobTitle: "Head of Service, Legal Services Partnership", department: "Legal Services Partnership", phone: "020 7946 0016" }),
  user(17, "sid.director@upc.test", "Sid Director", [GROUPS.deciders, GROUPS.staff], { jobTitle: "Service Director, Legal & Business Operations", department: "Legal & Business Operations", phone: "020 7946 0017" }),
  user(18, "sue.senior@upc.test", "Sue Senior", [GROUPS.deciders, GROUPS.managers, GROUPS.staff], { jobTitle: "Station Manager (senior manager)", department: "Operations", phone: "020 7946 0018" }),
  user(19, "cllr.ward@upc.test", "Councillor Ward", [GROUPS.members], { jobTitle: "Elected Member", department: "Members' Services", phone: "020 7946 0019" }),
  user(20, "cllr.hale@upc.test", "Councillor Hale", [GROUPS.members], { jobTitle: "Elected Member", department: "Members' Services", phone: "020 7946 0020" }),
];

/** The seeded users with their group names, for the start-up to print. */
export const DEMO_USERS: readonly { userPrincipalName: string; displayName: string; groups: string[] }[] = DIRECTORY_USERS.map((u) => ({
  userPrincipalName: u.userPrincipalName,
  displayName: u.displayName,
  groups: u.groupIds.map((id) => DIRECTORY_GROUPS.find((g) => g.id === id)?.displayName ?? id),
}));
