// Finding colleagues in the organisation's directory by name or e-mail, for the people pickers (Graph GET /users $search).
import type { Graph } from "../client/factory";
import { query } from "../client/odata";

/** Someone in the directory as a picker shows them and a restriction or letter records them. */
export interface DirectoryPerson {
  id: string;
  name: string;
  /** Their work e-mail; people without one are not offered, since nobody could reach them. */
  mail: string;
  jobTitle: string | null;
  department: string | null;
  /** The first business phone, as the directory gives it. */
  phone: string | null;
}

interface UserRow {
  id: string;
  displayName?: string | null;
  mail?: string | null;
  jobTitle?: string | null;
  department?: string | null;
  businessPhones?: string[] | null;
}

/** Inside a $search clause a double quote or backslash is escaped with a backslash (Learn, "Use the $search query parameter"). */
export function searchClause(property: string, text: string): string {
  return `"${property}:${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Every character but letters, digits and -._~ percent-encoded: Learn asks for "all the other special characters" encoded. */
const strictEncode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Up to ten people whose name has words starting with the text, or whose e-mail starts with it. $search on users is an
 * advanced query, so it needs `ConsistencyLevel: eventual` ("List users"; "Advanced query capabilities").
 */
export async function searchPeople(graph: Graph, text: string): Promise<DirectoryPerson[]> {
  const t = text.trim();
  if (!t) return [];
  const search = `${searchClause("displayName", t)} OR ${searchClause("mail", t)}`;
  const rest = query({ $select: "id,displayName,mail,jobTitle,businessPhones,department", $top: 10 }).slice(1);
  const page = await graph.get<{ value: UserRow[] }>(`/users?$search=${strictEncode(search)}&${rest}`, { ConsistencyLevel: "eventual" });
  return page.value
    .filter((u) => !!u.mail)
    .map((u) => ({
      id: u.id,
      name: (u.displayName ?? "").trim() || u.mail!,
      mail: u.mail!.trim(),
      jobTitle: u.jobTitle?.trim() || null,
      department: u.department?.trim() || null,
      phone: u.businessPhones?.find((p) => p.trim())?.trim() ?? null,
    }));
}
