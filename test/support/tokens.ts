// Development tokens for tests: unsigned JWTs of Entra's shape, accepted only by the emulator.
function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function userToken(upn: string, name = upn, oid = upn): string {
  return `${b64url({ alg: "none", typ: "JWT" })}.${b64url({ upn, name, oid, tid: "emulator" })}.`;
}

export const APP_ROLES = [
  "Sites.FullControl.All",
  "Mail.ReadWrite",
  "Mail.Send",
  "MailboxSettings.ReadWrite",
  "User.Read.All",
  "GroupMember.Read.All",
];

export function appToken(roles: string[] = APP_ROLES, appid = "upc-service"): string {
  return `${b64url({ alg: "none", typ: "JWT" })}.${b64url({ appid, roles, tid: "emulator", oid: appid })}.`;
}
