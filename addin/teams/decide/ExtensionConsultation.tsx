// Consulting the customer before an extension, where the policy requires it: the invitation to comment is its own step.
import { Button } from "@fluentui/react-components";
import type { CaseFile, Effect } from "../../../shared/workflow";
import { formatLondonDate } from "../../../shared/time/london";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Note, Refusal } from "../app/ui";
import { useStep } from "../app/useStep";

export function InviteComment({ customerId, onDone }: { customerId: string; onDone(effects: Effect[], what: string): void }) {
  const invite = useStep(customerId, (effects) => onDone(effects, "The invitation to comment is recorded."));
  return (
    <Note intent="warning" title="The customer must be invited to comment first.">
      This policy requires the customer to be told the reasons for the extension and invited to comment before it is decided.{" "}
      <Button size="small" onClick={() => void invite.run({ type: "InviteExtensionComment" })} disabled={invite.busy}>
        Record that the customer was invited to comment
      </Button>
      {invite.refusal ? <Refusal reason={invite.refusal} /> : null}
      {invite.error ? <ErrorNotice title="The invitation was not recorded." error={invite.error} onRetry={invite.retry} /> : null}
    </Note>
  );
}

export function CommentInvited({ file }: { file: CaseFile }) {
  return file.extensionCommentInvitedAt ? <p>The customer was invited to comment on {formatLondonDate(new Date(file.extensionCommentInvitedAt))}.</p> : null;
}
