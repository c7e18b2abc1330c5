import { useId } from 'react';
import { useApp } from '../store';
import { tryEdit } from './actions';
import { Field } from './Field';
import { listConversion, numberConversion } from './convert';

const NUMBER = numberConversion(false);
const LIST = listConversion(false);
const POLICY = ['partner', 'policy'] as const;

/** The private call rule: absent (off), `true` (kept) or `false` (emptied). */
function PrivateCallRule() {
  const id = useId();
  const value = useApp((s) => s.scenario.partner.policy?.privateCall);
  const path = [...POLICY, 'privateCall'];
  return (
    <div className="editor-field">
      <label className="editor-presence">
        <input
          type="checkbox"
          checked={value !== undefined}
          onChange={(e) => tryEdit(path, e.target.checked ? false : undefined)}
        />
        Apply rule privateCall
      </label>
      <label htmlFor={id}>Private calls</label>
      <select
        id={id}
        disabled={value === undefined}
        value={value === true ? 'allowed' : 'emptied'}
        onChange={(e) => tryEdit(path, e.target.value === 'allowed')}
      >
        <option value="allowed">allowed (the list is kept)</option>
        <option value="emptied">not allowed (the list is emptied)</option>
      </select>
    </div>
  );
}

/** The partner's local policy: each rule can be switched off (absent) and keeps its value meanwhile. */
export function PolicyFields() {
  const noteId = useId();
  return (
    <fieldset aria-describedby={noteId}>
      <legend>Local policy</legend>
      <p id={noteId} className="hint">
        The simulator's own rule set. The clauses say that the partner UDB modifies the profile “according to
        its system policies and local configuration information” (10.1.4.3.2 step 7, 10.1.4.3.3 step 8);
        10.1.4.1 gives as examples the locations where migrating users may receive service, specific priority
        levels and certain groups.
      </p>
      <Field
        label="Service areas (areas, one a line)"
        path={[...POLICY, 'areas']}
        conversion={LIST}
        multiline
        presence={{ label: 'Apply rule areas', fallback: [] }}
        hint="areas := areas ∩ these; a profile without areas gets these."
      />
      <Field
        label="Maximum priority (maxPriority)"
        path={[...POLICY, 'maxPriority']}
        conversion={NUMBER}
        numeric
        presence={{ label: 'Apply rule maxPriority', fallback: 255 }}
      />
      <Field
        label="Allowed groups (groups.allow, one URI a line)"
        path={[...POLICY, 'groups', 'allow']}
        conversion={LIST}
        multiline
        presence={{ label: 'Apply rule groups.allow', fallback: [] }}
      />
      <Field
        label="Added groups (groups.add, one URI a line)"
        path={[...POLICY, 'groups', 'add']}
        conversion={LIST}
        multiline
        presence={{ label: 'Apply rule groups.add', fallback: [] }}
      />
      <Field
        label="Maximum affiliations (maxAffiliations)"
        path={[...POLICY, 'maxAffiliations']}
        conversion={NUMBER}
        numeric
        presence={{ label: 'Apply rule maxAffiliations', fallback: 65535 }}
      />
      <PrivateCallRule />
    </fieldset>
  );
}
