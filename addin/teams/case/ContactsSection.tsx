// "Contact log": the newest contacts, and every one on request.
import { Button } from "@fluentui/react-components";
import { useState } from "react";
import type { CasePage } from "../../../graph/reports/case-page";
import { Section, plural } from "../app/ui";
import { ContactTable } from "./ContactTable";

const SHOWN_CONTACTS = 25;

export function ContactsSection({ page }: { page: CasePage }) {
  const [allContacts, setAllContacts] = useState(false);
  const contacts = allContacts ? page.contacts : page.contacts.slice(0, SHOWN_CONTACTS);
  return (
    <Section id="case-contacts" title="Contact log">
      <p>{plural(page.contacts.length, "contact")} logged, newest first.</p>
      <ContactTable rows={contacts} caption="Logged contacts" />
      {page.contacts.length > SHOWN_CONTACTS && !allContacts ? <Button onClick={() => setAllContacts(true)}>Show all {page.contacts.length} contacts</Button> : null}
    </Section>
  );
}
