// What can go wrong when signing in, as errors the task pane, the Teams tab and the event handlers can tell apart.

/** Signing in could not finish; the message is for the person in front of the screen. */
export class SignInError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SignInError";
  }
}

/**
 * A token cannot be had without the person's help, and this surface must not prompt (an event handler: Outlook
 * gives it no window). The handler should let the send go ahead or stop with this message; the task pane signs in.
 */
export class SignInRequiredError extends SignInError {
  readonly code = "SignInRequired";
  constructor(options?: { cause?: unknown }) {
    super("Open the UPC task pane to sign in: the send check could not sign you in without asking.", options);
    this.name = "SignInRequiredError";
  }
}

/** The person closed the sign-in window. */
export class SignInCancelledError extends SignInError {
  readonly code = "SignInCancelled";
  constructor(options?: { cause?: unknown }) {
    super("Sign-in was cancelled. Choose Sign in to try again.", options);
    this.name = "SignInCancelledError";
  }
}

/** True for the "open the task pane to sign in" signal, whichever copy of this module threw it. */
export function isSignInRequired(e: unknown): e is SignInRequiredError {
  return e instanceof SignInRequiredError || (typeof e === "object" && e !== null && (e as { code?: unknown }).code === "SignInRequired");
}
