// Every query the harness makes, named in one place.
export const harnessKeys = {
  users: () => ["harness", "users"] as const,
  inbox: (user: string) => ["harness", "inbox", user] as const,
  body: (user: string, messageId: string) => ["harness", "body", user, messageId] as const,
};
