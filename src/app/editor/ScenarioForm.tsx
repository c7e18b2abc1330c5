import { useId, useState } from 'react';
import type { Profile } from '../../core/model/profile';
import type { Scenario } from '../../core/model/scenario';
import { SERVICES, type Service } from '../../core/model/schema';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { tryEdit } from './actions';
import type { Path } from './paths';
import { CheckField, Field } from './Field';
import { importProfileDocument } from './file';
import { FileButton } from './FileButton';
import { listConversion, numberConversion, textConversion } from './convert';
import { PolicyFields } from './PolicyFields';
import { ProfileFields } from './ProfileFields';
import { TimingSection } from './TimingFields';

const TEXT = textConversion(true);
const REQUIRED = textConversion(false);
const NUMBER = numberConversion(false);
const LIST = listConversion(true);

/** A free index for a new profile: one above the highest, or the first free one. */
export function freeIndex(profiles: readonly Profile[]): number {
  const used = new Set(profiles.map((p) => p.index));
  const above = Math.max(0, ...used) + 1;
  if (above <= 255) return above;
  for (let i = 0; i <= 255; i++) if (!used.has(i)) return i;
  return 0;
}

/** A field with a fixed set of values, written through `tryEdit` (a refusal is reported, nothing changes). */
function ChoiceField({
  label,
  path,
  value,
  options,
}: {
  label: string;
  path: Path;
  value: string;
  options: readonly { value: string; label: string; disabled?: boolean }[];
}) {
  const id = useId();
  return (
    <div className="editor-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const result = tryEdit(path, e.target.value);
          if (!result.ok) useApp.getState().notify(`${label}: ${result.message}. Nothing was changed.`);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const SERVICE_NAMES: Record<Service, string> = { mcptt: 'MCPTT', mcvideo: 'MCVideo', mcdata: 'MCData' };

function UserSection() {
  const configuredBy = useApp((s) => s.scenario.ue.configuredBy);
  const service = useApp((s) => s.scenario.ue.service ?? 'mcptt');
  const ids = useApp(useShallow((s) => SERVICES.map((k) => s.scenario.user.serviceIds[k] !== undefined)));
  return (
    <fieldset>
      <legend>User and UE</legend>
      <Field label="Title" path={['title']} conversion={TEXT} />
      <Field label="MCPTT ID" path={['user', 'serviceIds', 'mcptt']} conversion={REQUIRED} />
      <Field label="MCVideo ID" path={['user', 'serviceIds', 'mcvideo']} conversion={TEXT} />
      <Field label="MCData ID" path={['user', 'serviceIds', 'mcdata']} conversion={TEXT} />
      {/* The procedure follows this choice, and choosing a procedure sets it: they never disagree. */}
      <ChoiceField
        label="UE configured by"
        path={['ue', 'configuredBy']}
        value={configuredBy}
        options={[
          { value: 'partner', label: 'partner MC system (10.1.4.3.3)' },
          { value: 'primary', label: 'primary MC system (10.1.4.3.2)' },
        ]}
      />
      <ChoiceField
        label="MC service of the request (ue.service)"
        path={['ue', 'service']}
        value={service}
        options={SERVICES.map((k, i) => ({
          value: k,
          label: ids[i] ? SERVICE_NAMES[k] : `${SERVICE_NAMES[k]} (the user has no ${SERVICE_NAMES[k]} ID)`,
          disabled: !ids[i],
        }))}
      />
      <CheckField
        label="Migration permitted"
        path={['preconditions', 'migrationPermitted']}
        isOn={(v) => v !== false}
      />
      <CheckField
        label="Authenticated in the partner system"
        path={['preconditions', 'authenticatedInPartner']}
        isOn={(v) => v !== false}
      />
    </fieldset>
  );
}

function ProfilesSection() {
  const profiles = useApp((s) => s.scenario.primary.profiles);
  const mcptt = useApp((s) => s.scenario.user.serviceIds.mcptt);
  const set = (next: Scenario['primary']['profiles']) => tryEdit(['primary', 'profiles'], next);
  return (
    <>
      {profiles.map((profile, i) => (
        <fieldset key={i} className="editor-profile">
          <legend>Profile {i + 1}</legend>
          <ProfileFields path={['primary', 'profiles', i]} />
          <button
            type="button"
            className="btn editor-remove"
            disabled={profiles.length < 2}
            onClick={() => set(profiles.filter((_, k) => k !== i))}
          >
            Remove profile {i + 1}
            {profile.name ? ` (${profile.name})` : ''}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="btn"
        onClick={() => {
          const index = freeIndex(profiles);
          set([...profiles, { index, name: `Profile ${index}`, mcpttId: mcptt }]);
        }}
      >
        Add profile
      </button>
      <ImportProfileDocument />
    </>
  );
}

/**
 * Reads a TS 24.484 `mcptt-user-profile` document into the user's profiles: it replaces the profile with the same
 * index (keeping that profile's simulator fields, migration and areas), or is added. A file that is not such a
 * document is refused with one line naming the element, and nothing changes.
 */
function ImportProfileDocument() {
  const [status, setStatus] = useState<string | null>(null);
  const onText = async (name: string, text: string) => {
    setStatus(null);
    const result = await importProfileDocument(name, text);
    if (!result.ok) {
      useApp.getState().notify(result.message);
      return;
    }
    const profiles = useApp.getState().scenario.primary.profiles;
    const at = profiles.findIndex((p) => p.index === result.profile.index);
    const next =
      at === -1
        ? [...profiles, result.profile]
        : profiles.map((p, i) =>
            i === at ? { ...result.profile, migration: p.migration, areas: p.areas } : p,
          );
    const edit = tryEdit(['primary', 'profiles'], next);
    if (!edit.ok) {
      useApp.getState().notify(`“${name}” could not be added: ${edit.message}. Nothing was changed.`);
      return;
    }
    setStatus(`${at === -1 ? 'Added' : 'Replaced'} profile ${result.profile.index} from “${name}”.`);
  };
  return (
    <div className="editor-inline">
      <FileButton label="Import profile (XML)" accept=".xml,application/xml,text/xml" onText={onText} />
      <span role="status" className="editor-status">
        {status}
      </span>
    </div>
  );
}

/** 10.1.4.3.2 step 11: the user "may be prohibited from migrating" when the check fails; both readings run. */
function OnFailureField() {
  const onFailure = useApp((s) => s.scenario.primary.validation?.onFailure ?? 'prohibit');
  return (
    <ChoiceField
      label="When the check fails (onFailure, step 11's “may”)"
      path={['primary', 'validation', 'onFailure']}
      value={onFailure}
      options={[
        { value: 'prohibit', label: 'prohibit: the migration is refused, an error to the client' },
        { value: 'continue', label: 'continue: the failure is logged, steps 12–14 follow' },
      ]}
    />
  );
}

function PrimarySection() {
  const noteId = useId();
  return (
    <fieldset>
      <legend>Primary MC system</legend>
      <Field label="Primary system id" path={['primary', 'systemId']} conversion={REQUIRED} />
      <ProfilesSection />
      <fieldset aria-describedby={noteId}>
        <legend>Validation rules</legend>
        <p id={noteId} className="hint">
          The simulator's own rule set: 10.1.4.3.2 step 11 names only “e.g. safety, applicability of any new
          configuration to the MC service user”.
        </p>
        <Field
          label="Minimum priority (minPriority)"
          path={['primary', 'validation', 'minPriority']}
          conversion={NUMBER}
          numeric
          presence={{ label: 'Apply rule minPriority', fallback: 0 }}
        />
        <Field
          label="Required groups (requiredGroups, one URI a line)"
          path={['primary', 'validation', 'requiredGroups']}
          conversion={LIST}
          multiline
        />
        <CheckField
          label="Require a service area (requireAreas)"
          path={['primary', 'validation', 'requireAreas']}
          absentWhenOff
        />
        <OnFailureField />
      </fieldset>
    </fieldset>
  );
}

function CacheSection() {
  const cache = useApp((s) => s.scenario.partner.cache);
  const first = useApp((s) => s.scenario.primary.profiles[0]);
  return (
    <fieldset>
      <legend>Cached profile</legend>
      <div className="editor-field editor-field-check">
        <label>
          <input
            type="checkbox"
            checked={!!cache}
            onChange={(e) =>
              tryEdit(
                ['partner', 'cache'],
                e.target.checked
                  ? {
                      profile: { index: first?.index ?? 1, name: `${first?.name ?? 'Profile'} (cached)` },
                      storedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
                    }
                  : null,
              )
            }
          />
          The partner holds a profile from an earlier migration
        </label>
      </div>
      {cache && (
        <>
          <Field label="Stored at (ISO 8601)" path={['partner', 'cache', 'storedAt']} conversion={REQUIRED} />
          <ProfileFields path={['partner', 'cache', 'profile']} />
        </>
      )}
    </fieldset>
  );
}

function PartnerSection() {
  return (
    <fieldset>
      <legend>Partner MC system</legend>
      <Field label="Partner system id" path={['partner', 'systemId']} conversion={REQUIRED} />
      <PolicyFields />
      <CacheSection />
    </fieldset>
  );
}

/** Every field of the scenario (CONTRACT.md §2), grouped by system. */
export function ScenarioForm() {
  return (
    <form className="editor-scenario-form" onSubmit={(e) => e.preventDefault()} aria-label="Scenario fields">
      <UserSection />
      <PrimarySection />
      <PartnerSection />
      <TimingSection />
    </form>
  );
}
