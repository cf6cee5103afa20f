// The administrator's Offices view: who holds each office the policies name (people from the directory, or groups by
// display name), and the organisation's own choices no policy makes. Saved through the case service, which checks every
// name against the policies and the directory and refuses a save over someone else's.
import { Button, Checkbox, Field, Spinner, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { SettingKey, SettingsRead, SettingsRefusal, SettingsSaved } from "../../../graph/case-service/client";
import { SETTING_WORDS, type OrganisationSettings } from "../../../shared/settings/organisation";
import { ErrorNotice } from "../../components/ErrorNotice";
import { ErrorSummary } from "../../components/ErrorSummary";
import { teamsKeys } from "../app/query-keys";
import { hasRole, useServices } from "../app/services";
import { Refusal, useUi } from "../app/ui";
import { PeoplePicker, type PickedPerson } from "../common/PeoplePicker";
import { PolicyValuesForm } from "./PolicyValuesForm";
import { groupByPolicies, mapFromEntered, unmappedWords, type Entered, type OfficeRow } from "./holders";

const useStyles = makeStyles({
  office: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
    minWidth: 0,
    "& textarea": { minWidth: 0 },
  },
  saved: { outlineStyle: "none" },
  policies: { overflowWrap: "anywhere" },
});

const NOT_ADMIN = "Only an administrator (UPC Admins) can see or change who holds each office.";

export default function OfficesView() {
  const ui = useUi();
  const { me, cases } = useServices();
  const admin = hasRole(me, "Admin");
  const read = useQuery({ queryKey: teamsKeys.settings(), queryFn: () => cases.readSettings(), enabled: admin, staleTime: 0 });
  let body;
  if (!admin) body = <Refusal title="Not available" reason={NOT_ADMIN} />;
  else if (read.error) body = <ErrorNotice title="The offices could not be loaded." error={read.error} onRetry={() => void read.refetch()} />;
  else if (!read.data) body = <Spinner label="Loading the offices…" />;
  else if ("ok" in read.data && read.data.ok === false) body = <Refusal title="Not available" reason={read.data.reason} />;
  else body = <SettingsForms key={read.dataUpdatedAt} read={read.data as SettingsRead} onReload={() => void read.refetch()} />;
  return (
    <>
      <h1 className={ui.h1}>Offices</h1>
      {body}
    </>
  );
}

type Saving = { state: "idle" } | { state: "busy" } | { state: "saved" } | { state: "refused"; refusal: SettingsRefusal } | { state: "failed"; error: unknown };

/** One setting's save: its version as last read or saved, and what the service answered. */
function useSave<K extends SettingKey>(key: K, etag: string | null, onSaved: (r: SettingsSaved) => void) {
  const { cases } = useServices();
  const [version, setVersion] = useState(etag);
  const [saving, setSaving] = useState<Saving>({ state: "idle" });
  const save = async (value: Parameters<typeof cases.saveSetting<K>>[1]) => {
    setSaving({ state: "busy" });
    try {
      const r = await cases.saveSetting(key, value, version);
      if (!r.ok) return setSaving({ state: "refused", refusal: r });
      setVersion(r.etags[key]);
      onSaved(r);
      setSaving({ state: "saved" });
    } catch (e) {
      setSaving({ state: "failed", error: e });
    }
  };
  return { saving, save };
}

function SaveAnswer({ saving, onReload, what, onRetry }: { saving: Saving; onReload(): void; what: string; onRetry(): void }) {
  const styles = useStyles();
  const saved = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (saving.state === "saved") saved.current?.focus();
  }, [saving]);
  if (saving.state === "saved")
    return (
      <p ref={saved} tabIndex={-1} role="status" className={styles.saved}>
        Saved.
      </p>
    );
  if (saving.state === "failed") return <ErrorNotice title={`${what} were not saved.`} error={saving.error} onRetry={onRetry} />;
  if (saving.state !== "refused") return null;
  const { refusal } = saving;
  if (refusal.status === 409)
    return (
      <div role="alert">
        <p>Someone else changed these settings while you were working on them: reload to see their change, then make yours again.</p>
        <Button onClick={onReload}>Reload</Button>
      </div>
    );
  if (refusal.status === 422 && refusal.problems.length) return <ErrorSummary problems={refusal.problems.map((text) => ({ text }))} heading="h3" />;
  return <Refusal title="Not saved" reason={refusal.reason} />;
}

function SettingsForms({ read, onReload }: { read: SettingsRead; onReload(): void }) {
  const ui = useUi();
  const queries = useQueryClient();
  // The administrator may hold an office too: what their own forms offer follows the new map.
  const refreshMe = () => void queries.invalidateQueries({ queryKey: teamsKeys.me() });
  const [entered, setEntered] = useState<Record<string, Entered>>(() =>
    Object.fromEntries(read.offices.map((o) => [o.id, { people: (read.map[o.id]?.people ?? []).map((mail) => ({ name: mail, mail })), groups: (read.map[o.id]?.groups ?? []).join("\n") }])),
  );
  const [stored, setStored] = useState(read.map);
  const offices = useSave("offices", read.etags.offices, (r) => (setStored(r.map), refreshMe()));
  const [settings, setSettings] = useState<OrganisationSettings>(read.organisation);
  const organisation = useSave("organisation", read.etags.organisation, refreshMe);
  const saveOffices = () => void offices.save(mapFromEntered(entered));
  const saveOrganisation = () => void organisation.save(settings);
  const policy = useSave("policy", read.etags.policy, refreshMe);
  return (
    <div className={ui.stack}>
      <p>
        Name who holds each office the policies name. Once anyone is named to an office that takes a step, only they may take it; everyone the policy says decides jointly or is consulted must then be one of
        the people named to that office.
      </p>
      {read.problems.length ? <Refusal title="Some stored settings could not be read:" reason={read.problems.join(" ")} /> : null}
      <form
        noValidate
        aria-labelledby="offices-heading"
        className={ui.stack}
        onSubmit={(e) => {
          e.preventDefault();
          saveOffices();
        }}
      >
        <h2 id="offices-heading" className={ui.h2}>
          Who holds each office
        </h2>
        {groupByPolicies(read.offices).map((g, i) => (
          <section key={g.policies.join("|")} aria-labelledby={`policies-${i}`} className={ui.section}>
            <h3 id={`policies-${i}`} className={ui.h3}>
              {g.policies.join("; ")}
            </h3>
            <div className={ui.stack}>
              {g.offices.map((o) => (
                <OfficeHolders key={o.id} office={o} held={!!stored[o.id]} value={entered[o.id]} onChange={(v) => setEntered((all) => ({ ...all, [o.id]: v }))} />
              ))}
            </div>
          </section>
        ))}
        <SaveAnswer saving={offices.saving} onReload={onReload} what="The offices" onRetry={saveOffices} />
        <div>
          <Button type="submit" appearance="primary" disabled={offices.saving.state === "busy"}>
            Save offices
          </Button>
        </div>
      </form>
      <form
        noValidate
        aria-labelledby="organisation-heading"
        className={`${ui.stack} ${ui.section}`}
        onSubmit={(e) => {
          e.preventDefault();
          saveOrganisation();
        }}
      >
        <h2 id="organisation-heading" className={ui.h2}>
          Your organisation's own choices (not in any policy)
        </h2>
        <p className={ui.muted}>Each is off unless your organisation chooses it; none is shown to anyone as the policy's.</p>
        {(Object.keys(SETTING_WORDS) as (keyof OrganisationSettings)[]).map((k) => (
          <Checkbox key={k} checked={settings[k]} onChange={(_, d) => setSettings((s) => ({ ...s, [k]: !!d.checked }))} label={SETTING_WORDS[k]} />
        ))}
        <SaveAnswer saving={organisation.saving} onReload={onReload} what="Your organisation's choices" onRetry={saveOrganisation} />
        <div>
          <Button type="submit" appearance="primary" disabled={organisation.saving.state === "busy"}>
            Save your organisation's choices
          </Button>
        </div>
      </form>
      <PolicyValuesForm
        read={read}
        busy={policy.saving.state === "busy"}
        onSave={(v) => void policy.save(v)}
        answer={<SaveAnswer saving={policy.saving} onReload={onReload} what="The settings where policies are silent" onRetry={onReload} />}
      />
    </div>
  );
}

function OfficeHolders({ office, held, value, onChange }: { office: OfficeRow; held: boolean; value: Entered; onChange(v: Entered): void }) {
  const ui = useUi();
  const styles = useStyles();
  const headingId = `office-${office.id}`;
  return (
    <section aria-labelledby={headingId} className={`${ui.stack} ${styles.office}`}>
      <h4 id={headingId} className={ui.h3}>
        {office.title}
      </h4>
      <p className={ui.muted}>{office.audience ? "Receives notices." : "Takes steps under the policy."}</p>
      {held ? null : <p>{unmappedWords(office)}</p>}
      <PeoplePicker
        label={`People named as ${office.title}`}
        multiple
        value={value.people}
        onChange={(v: PickedPerson[]) => onChange({ ...value, people: v.map((p) => ({ name: p.name, mail: p.mail })) })}
        hint="Type part of a name or e-mail address and choose them from the directory."
      />
      <Field label={`Groups named as ${office.title}`} hint="A group's display name as the directory shows it, one a line. Everyone in the group holds the office.">
        <Textarea value={value.groups} onChange={(_, d) => onChange({ ...value, groups: d.value })} rows={2} resize="vertical" />
      </Field>
    </section>
  );
}
