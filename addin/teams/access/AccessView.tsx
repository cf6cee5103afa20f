// Subject access: find the customer a request is about, then download everything the register holds about them as a
// bundle information governance can review, redact and release.
import { hasRole, useServices } from "../app/services";
import { Note, useUi } from "../app/ui";
import { ExportPanel } from "./ExportPanel";
import { FindCustomer } from "./FindCustomer";

export default function AccessView({ customerId }: { customerId?: string }) {
  const ui = useUi();
  const { me } = useServices();
  if (!hasRole(me, "Manager", "Decider", "Admin")) {
    return (
      <>
        <h1 className={ui.h1}>Subject access</h1>
        <Note>Subject access exports are made by managers and deciders. Pass the request to your manager or information governance.</Note>
      </>
    );
  }
  return (
    <>
      <h1 className={ui.h1}>Subject access</h1>
      <FindCustomer />
      {customerId ? <ExportPanel customerId={customerId} /> : null}
    </>
  );
}
