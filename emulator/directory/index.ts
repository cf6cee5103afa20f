// The directory module: seeded users and groups for sign-in, /users, /groups, /me and membership queries.
import { appHas } from "../core/auth";
import { parseTop } from "../core/queryOptions";
import { GraphError, type DirectoryGroup, type EmulatorContext, type EmulatorModule, type EmuRequest, type Route } from "../core/types";
import { filterObjects, selectProps } from "../core/objectQuery";
import { DIRECTORY_GROUPS, DIRECTORY_USERS, type SeedUser } from "./seed";
import { requireEventual, searchObjects } from "./search";

export { DEMO_USERS, DIRECTORY_GROUPS, DIRECTORY_USERS, GROUPS } from "./seed";

const USER_READ = ["User.Read.All", "User.ReadBasic.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"];
const GROUP_READ = ["GroupMember.Read.All", "Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"];
const USER_FILTERABLE = ["id", "mail", "userPrincipalName", "displayName", "givenName", "surname", "jobTitle", "department"];
const GROUP_FILTERABLE = ["id", "displayName", "mail", "mailNickname", "securityEnabled", "mailEnabled"];
const CREATED = "2024-01-01T00:00:00Z";

function notFound(id: string): GraphError {
  return new GraphError(404, "Request_ResourceNotFound", `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}

function denied(): GraphError {
  return new GraphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
}

/** An application needs one of the listed permissions; a signed-in user may read the directory's basic profile. */
function requireRead(req: EmuRequest, roles: string[]): void {
  if (req.principal.kind === "app" && !appHas(req.principal, ...roles)) throw denied();
}

/** The properties Graph returns for a user when no $select is given ("List users", Optional query parameters). */
const USER_DEFAULTS = ["businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id"];

export function userJson(u: SeedUser): Record<string, unknown> {
  return {
    businessPhones: [...u.businessPhones],
    displayName: u.displayName,
    givenName: u.givenName,
    jobTitle: u.jobTitle,
    mail: u.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: "en-GB",
    surname: u.surname,
    userPrincipalName: u.userPrincipalName,
    id: u.id,
  };
}

/** A user with the properties only $select returns as well. */
function userWithExtras(u: SeedUser): Record<string, unknown> {
  return { ...userJson(u), department: u.department };
}

const withDefaults = (o: Record<string, unknown>, keys: string[] | undefined) => (keys ? Object.fromEntries(Object.entries(o).filter(([k]) => k.startsWith("@") || keys.includes(k))) : o);

export function groupJson(g: DirectoryGroup): Record<string, unknown> {
  return {
    id: g.id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: CREATED,
    description: `${g.displayName} (seeded by the emulator)`,
    displayName: g.displayName,
    groupTypes: [],
    mail: g.mail ?? null,
    mailEnabled: !!g.mail,
    mailNickname: g.displayName.replace(/\s+/g, ""),
    securityEnabled: !g.mail,
    securityIdentifier: null,
    visibility: null,
  };
}

function collection(req: EmuRequest, context: string, items: Record<string, unknown>[], type: string, filterable: string[], defaults?: string[]) {
  // $search on directory objects is an advanced query: without the header Graph refuses it (Learn, "Advanced query capabilities").
  if (req.query.$search !== undefined) requireEventual(req.headers);
  const filtered = searchObjects(filterObjects(items, req.query.$filter, filterable, type), req.query.$search, filterable, type);
  const top = parseTop(req.query.$top);
  const page = top === undefined ? filtered : filtered.slice(0, top);
  return {
    status: 200,
    body: {
      "@odata.context": `${req.baseUrl}/$metadata#${context}`,
      value: page.map((o) => (req.query.$select ? selectProps(o, req.query.$select, type) : withDefaults(o, defaults))),
    },
  };
}

export interface Directory {
  api: EmulatorContext["directory"];
  module: EmulatorModule;
}

export function createDirectory(): Directory {
  const users = DIRECTORY_USERS;
  const groups = DIRECTORY_GROUPS;
  const byKey = new Map<string, SeedUser>();
  for (const u of users) {
    byKey.set(u.id.toLowerCase(), u);
    byKey.set(u.userPrincipalName.toLowerCase(), u);
    byKey.set(u.mail.toLowerCase(), u);
  }
  const groupById = new Map(groups.map((g) => [g.id.toLowerCase(), g]));

  const api: EmulatorContext["directory"] = {
    users: () => [...users],
    groups: () => [...groups],
    findUser: (idOrUpn) => byKey.get(idOrUpn.toLowerCase()),
    groupsOf: (userId) => {
      const u = byKey.get(userId.toLowerCase());
      return u ? u.groupIds.map((id) => groupById.get(id) as DirectoryGroup) : [];
    },
  };

  const userOrThrow = (key: string): SeedUser => {
    const u = byKey.get(key.toLowerCase());
    if (!u) throw notFound(key);
    return u;
  };
  const me = (req: EmuRequest): SeedUser => {
    if (req.principal.kind !== "user") throw new GraphError(400, "BadRequest", "/me request is only valid with delegated authentication flow.");
    return userOrThrow(req.principal.userId);
  };
  const memberOf = (req: EmuRequest, u: SeedUser) =>
    collection(
      req,
      "directoryObjects",
      u.groupIds.map((id) => ({ "@odata.type": "#microsoft.graph.group", ...groupJson(groupById.get(id) as DirectoryGroup) })),
      "group",
      GROUP_FILTERABLE,
    );
  const single = (req: EmuRequest, context: string, o: Record<string, unknown>, type: string) => ({
    status: 200,
    body: { "@odata.context": `${req.baseUrl}/$metadata#${context}`, ...selectProps(o, req.query.$select, type) },
  });

  const routes: Route[] = [
    {
      method: "GET",
      pattern: /^\/me$/,
      handler: (req) => single(req, "users/$entity", userJson(me(req)), "user"),
    },
    {
      method: "GET",
      pattern: /^\/me\/(?:transitiveMemberOf|memberOf)$/,
      name: "/me/memberOf|transitiveMemberOf",
      handler: (req) => memberOf(req, me(req)),
    },
    {
      method: "GET",
      pattern: /^\/users$/,
      handler: (req) => {
        requireRead(req, USER_READ);
        return collection(req, "users", users.map(userWithExtras), "user", USER_FILTERABLE, USER_DEFAULTS);
      },
    },
    {
      method: "GET",
      pattern: /^\/users\/(?<user>[^/]+)$/,
      handler: (req) => {
        const u = userOrThrow(req.params.user);
        if (!(req.principal.kind === "user" && req.principal.userId === u.id)) requireRead(req, USER_READ);
        return single(req, "users/$entity", userJson(u), "user");
      },
    },
    {
      method: "GET",
      pattern: /^\/users\/(?<user>[^/]+)\/(?:transitiveMemberOf|memberOf)$/,
      name: "/users/{user}/memberOf|transitiveMemberOf",
      handler: (req) => {
        const u = userOrThrow(req.params.user);
        if (!(req.principal.kind === "user" && req.principal.userId === u.id)) requireRead(req, [...GROUP_READ, ...USER_READ]);
        return memberOf(req, u);
      },
    },
    {
      method: "GET",
      pattern: /^\/groups$/,
      handler: (req) => {
        requireRead(req, GROUP_READ);
        return collection(req, "groups", groups.map(groupJson), "group", GROUP_FILTERABLE);
      },
    },
    {
      method: "GET",
      pattern: /^\/groups\/(?<group>[^/]+)$/,
      handler: (req) => {
        requireRead(req, GROUP_READ);
        const g = groupById.get(req.params.group.toLowerCase());
        if (!g) throw notFound(req.params.group);
        return single(req, "groups/$entity", groupJson(g), "group");
      },
    },
    {
      method: "GET",
      pattern: /^\/groups\/(?<group>[^/]+)\/(?:members|transitiveMembers)$/,
      name: "/groups/{group}/members",
      handler: (req) => {
        requireRead(req, GROUP_READ);
        const g = groupById.get(req.params.group.toLowerCase());
        if (!g) throw notFound(req.params.group);
        const members = users.filter((u) => u.groupIds.includes(g.id)).map((u) => ({ "@odata.type": "#microsoft.graph.user", ...userJson(u) }));
        return collection(req, "directoryObjects", members, "user", USER_FILTERABLE);
      },
    },
  ];

  return { api, module: { routes } };
}
