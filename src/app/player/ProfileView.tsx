import { PROFILE_FIELDS, type Profile } from '../../core/model/profile';
import { formatValue } from './format';

const LABELS: Record<string, string> = {
  index: 'Index',
  name: 'Name',
  status: 'Enabled',
  preSelected: 'Pre-selected',
  mcpttId: 'MC service ID',
  organization: 'Organization',
  priority: 'Priority',
  groups: 'Groups',
  emergencyGroup: 'Emergency group',
  privateCall: 'Private call list',
  maxAffiliations: 'Max affiliations',
  areas: 'Service areas',
  migration: 'Migration',
};

export const fieldLabel = (field: string) => LABELS[field] ?? field;

/** Every field of a profile that has a value: the known ones in display order, then any others. */
export function profileFields(profile: Profile): string[] {
  const known: readonly string[] = PROFILE_FIELDS;
  const others = Object.keys(profile).filter((k) => !known.includes(k) && profile[k] !== undefined);
  return [...known.filter((k) => profile[k] !== undefined), ...others];
}

export function profileTitle(profile: Profile): string {
  return `#${profile.index}${profile.name ? ` ${profile.name}` : ''}`;
}

/** A profile: its title, and its fields in a definition list (folded away when `folded`). */
export function ProfileView({ profile, folded = false }: { profile: Profile; folded?: boolean }) {
  const list = (
    <dl className="player-fields">
      {profileFields(profile)
        .filter((f) => f !== 'index' && f !== 'name')
        .map((field) => (
          <div key={field}>
            <dt>{fieldLabel(field)}</dt>
            <dd>{formatValue(profile[field])}</dd>
          </div>
        ))}
    </dl>
  );
  if (folded) {
    return (
      <details className="player-profile">
        <summary>Profile {profileTitle(profile)}</summary>
        {list}
      </details>
    );
  }
  return (
    <div className="player-profile">
      <div className="player-profile-title">Profile {profileTitle(profile)}</div>
      {list}
    </div>
  );
}

/** Several profiles, or a dash for none. */
export function ProfileList({ profiles, folded }: { profiles: readonly Profile[]; folded?: boolean }) {
  if (!profiles.length) return <span className="muted">none</span>;
  return (
    <>
      {profiles.map((p) => (
        <ProfileView key={p.index} profile={p} folded={folded ?? false} />
      ))}
    </>
  );
}
