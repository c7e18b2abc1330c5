import { CheckField, Field } from './Field';
import { listConversion, numberConversion, textConversion } from './convert';
import type { Path } from './paths';
import { useApp } from '../store';

const TEXT = textConversion(true);
const NUMBER = numberConversion(true);
const REQUIRED_NUMBER = numberConversion(false);
const LIST = listConversion(true);
const AREAS = listConversion(false);

/** Every field of CONTRACT.md §2's Profile table, for the profile at `path`. */
export function ProfileFields({ path, migration = true }: { path: Path; migration?: boolean }) {
  const partnerId = useApp((s) => s.scenario.partner.systemId);
  return (
    <>
      <div className="editor-field-row">
        <Field label="Index" path={[...path, 'index']} conversion={REQUIRED_NUMBER} numeric />
        <Field label="Name" path={[...path, 'name']} conversion={TEXT} />
      </div>
      <div className="editor-field-row">
        <CheckField label="Enabled" path={[...path, 'status']} isOn={(v) => v !== false} />
        <CheckField label="Pre-selected" path={[...path, 'preSelected']} absentWhenOff />
      </div>
      <Field label="MC service ID (mcpttId)" path={[...path, 'mcpttId']} conversion={TEXT} />
      <Field label="Organization" path={[...path, 'organization']} conversion={TEXT} />
      <div className="editor-field-row">
        <Field label="Priority" path={[...path, 'priority']} conversion={NUMBER} numeric hint="0..255" />
        <Field
          label="Max affiliations"
          path={[...path, 'maxAffiliations']}
          conversion={NUMBER}
          numeric
          hint="0..65535"
        />
      </div>
      <Field label="Groups (one URI a line)" path={[...path, 'groups']} conversion={LIST} multiline />
      <Field label="Emergency group" path={[...path, 'emergencyGroup']} conversion={TEXT} />
      <Field
        label="Private call list (one URI a line)"
        path={[...path, 'privateCall']}
        conversion={LIST}
        multiline
      />
      <Field
        label="Service areas (one a line)"
        path={[...path, 'areas']}
        conversion={AREAS}
        multiline
        presence={{ label: 'Unrestricted (no areas: service anywhere)', inverted: true, fallback: [] }}
        hint="An empty list means service nowhere."
      />
      {migration && (
        <Field
          label="Migration partners (one system id a line, * = any)"
          path={[...path, 'migration', 'partners']}
          conversion={AREAS}
          multiline
          presence={{
            label: 'Profile for migration',
            path: [...path, 'migration'],
            fallback: { partners: [partnerId] },
          }}
        />
      )}
    </>
  );
}
