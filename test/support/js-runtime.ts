// A stand-in for classic Outlook's JavaScript-only event runtime: a bare V8 context (node:vm) holding only what
// Microsoft documents or has been seen there, an Office stand-in and an NAA broker stand-in. What is left out is left
// out on purpose: a handler that needs it fails here as it would in Outlook.
//   In: the ECMAScript built-ins; `window` as the global object but without `location` ("defines window, but not
//   window.location", AzureAD/microsoft-authentication-library-for-js#7451, OfficeDev/office-js#5208); fetch with
//   Headers ("Full CORS", Microsoft Learn, "Runtimes in Office Add-ins" > "JavaScript-only runtime",
//   https://learn.microsoft.com/office/dev/add-ins/testing/runtimes); timers; console (the runtime log); Office;
//   OfficeRuntime.storage.
//   Out: document, location, self, localStorage, sessionStorage, indexedDB, cookies ("doesn't have a rendering engine,
//   and it doesn't support cookies or local storage", same page); crypto (AzureAD/microsoft-authentication-library-for-js#8412,
//   OfficeDev/office-js#4450); URL and URLSearchParams (React Native's implement few accessors, facebook/react-native#45030);
//   atob, btoa, TextEncoder, TextDecoder, navigator, XMLHttpRequest, BroadcastChannel, importScripts (not documented there).
import vm from "node:vm";
import { createBroker } from "./naa-broker";

export interface Completion {
  allowEvent: boolean;
  errorMessage?: string;
  sendModeOverride?: string;
  cancelLabel?: string;
}

export interface RuntimeOptions {
  /** The sender, as Office.context.mailbox.userProfile reports it. */
  me: string;
  to: string[];
  cc?: string[];
  /** Whether Outlook reports the NestedAppAuth 1.1 requirement set (Outlook 2409+). */
  naa?: boolean;
  /** How the broker answers a token request. */
  broker?: "token" | "interaction-required" | "silent";
  /** The access token the broker hands out. */
  accessToken?: string;
  /** Where Graph requests go (the stand-in for https://graph.microsoft.com/v1.0). */
  graph: (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<Response>;
}

export interface JsRuntime {
  /** Handlers registered with Office.actions.associate. */
  handlers: Map<string, (event: unknown) => void>;
  /** Runs the named handler as Outlook does on Send; resolves once event.completed was called (or after `waitMs`). */
  send(name: string, waitMs?: number): Promise<{ completions: Completion[]; notices: string[] }>;
  /** What the broker was asked, in order. */
  brokerCalls: string[];
  graphCalls: string[];
  logs: string[];
  /** Names the global object has, for the test's own check of the sandbox. */
  globalNames(): string[];
}

export function loadInJsRuntime(code: string, opts: RuntimeOptions): JsRuntime {
  const handlers = new Map<string, (event: unknown) => void>();
  const graphCalls: string[] = [];
  const logs: string[] = [];
  const notices: string[] = [];
  let completions: Completion[] = [];
  let onCompleted: (() => void) | null = null;
  const succeeded = (value: unknown) => ({ status: "succeeded", value });

  const recipients = (list: string[]) => ({ getAsync: (cb: (r: unknown) => void) => cb(succeeded(list.map((emailAddress) => ({ emailAddress, displayName: "" })))) });
  const Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    MailboxEnums: { ItemNotificationMessageType: { InformationalMessage: "informationalMessage", ErrorMessage: "errorMessage" }, ItemType: { Message: "message" } },
    // Classic Outlook does not run onReady for event handlers (Microsoft Learn, "Activate add-ins with events").
    onReady: () => new Promise(() => undefined),
    actions: { associate: (name: string, fn: (event: unknown) => void) => void handlers.set(name, fn) },
    auth: { getAuthContext: async () => ({ userPrincipalName: opts.me, loginHint: opts.me, tenantId: "tid", userObjectId: "oid-1" }) },
    context: {
      requirements: { isSetSupported: (name: string, version?: string) => (name === "NestedAppAuth" ? (opts.naa ?? true) && (version ?? "1.1") <= "1.1" : name === "Mailbox") },
      mailbox: {
        userProfile: { emailAddress: opts.me, accountType: "office365" },
        item: {
          itemType: "message",
          to: recipients(opts.to),
          cc: recipients(opts.cc ?? []),
          bcc: recipients([]),
          subject: { getAsync: (cb: (r: unknown) => void) => cb(succeeded("Re: your enquiry")) },
          notificationMessages: {
            replaceAsync: (key: string, details: { message: string }, cb: (r: unknown) => void) => {
              notices.push(`${key}: ${details.message}`);
              cb(succeeded(undefined));
            },
          },
        },
      },
    },
  };

  // The broker Outlook puts at window.nestedAppAuthBridge; an event handler may only ask silently.
  const { bridge, calls: brokerCalls } = createBroker({ upn: opts.me, accessToken: opts.accessToken, silent: opts.broker ?? "token", popup: "token" });

  const fetchStandIn = async (input: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) => {
    if (typeof input !== "string" || !/^https:\/\//.test(input)) throw new TypeError(`fetch: only absolute https addresses are supported here (got ${String(input)})`);
    graphCalls.push(`${init.method ?? "GET"} ${input}`);
    return opts.graph(input, { method: init.method ?? "GET", headers: init.headers ?? {}, body: init.body });
  };

  const sandbox: Record<string, unknown> = {
    console: { log: (...a: unknown[]) => void logs.push(a.map(String).join(" ")), warn: (...a: unknown[]) => void logs.push(a.map(String).join(" ")), error: (...a: unknown[]) => void logs.push(a.map(String).join(" ")), info: () => undefined, debug: () => undefined, trace: () => undefined },
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    fetch: fetchStandIn,
    Headers,
    Office,
    OfficeRuntime: { storage: { getItem: async () => null, setItem: async () => undefined, removeItem: async () => undefined } },
  };
  const context = vm.createContext(sandbox, { name: "classic Outlook event runtime (stand-in)" });
  const global = vm.runInContext("globalThis", context) as Record<string, unknown>;
  global.window = global;
  (global.window as Record<string, unknown>).nestedAppAuthBridge = bridge;
  vm.runInContext(code, context, { filename: "commands.js" });

  return {
    handlers,
    brokerCalls,
    graphCalls,
    logs,
    globalNames: () => vm.runInContext("Object.getOwnPropertyNames(globalThis)", context) as string[],
    async send(name, waitMs = 8000) {
      const handler = handlers.get(name);
      if (!handler) throw new Error(`No handler named ${name} was associated.`);
      completions = [];
      notices.length = 0;
      const done = new Promise<void>((resolve) => {
        onCompleted = resolve;
        setTimeout(resolve, waitMs);
      });
      handler({ completed: (o?: Completion) => (completions.push(o ?? { allowEvent: true }), onCompleted?.()) });
      await done;
      // Anything that would complete a second time does so within a few ticks.
      await new Promise((r) => setTimeout(r, 300));
      return { completions: [...completions], notices: [...notices] };
    },
  };
}
