import type { ProcedureId } from './ids';
import { parseScenarioOrThrow } from './scenario';
import type { Scenario } from './schema';

/** The example of examples/metro-to-county.json, the base of every preset. */
export const BASE_SCENARIO: Scenario = {
  format: 'mcx-migration-scenario',
  version: 1,
  title: 'Officer migrates from Metro to County',
  user: { serviceIds: { mcptt: 'sip:alice@metro.example' } },
  ue: { configuredBy: 'partner' },
  preconditions: { migrationPermitted: true, authenticatedInPartner: true },
  primary: {
    systemId: 'metro.example',
    profiles: [
      {
        index: 1,
        name: 'Patrol',
        preSelected: true,
        mcpttId: 'sip:alice@metro.example',
        organization: 'Metro Police',
        priority: 6,
        groups: ['sip:metro-emergency@metro.example', 'sip:patrol-north@metro.example'],
        emergencyGroup: 'sip:metro-emergency@metro.example',
      },
      {
        index: 2,
        name: 'Mutual aid: County',
        mcpttId: 'sip:alice@metro.example',
        organization: 'Metro Police',
        priority: 7,
        groups: [
          'sip:metro-emergency@metro.example',
          'sip:patrol-north@metro.example',
          'sip:k9@metro.example',
        ],
        emergencyGroup: 'sip:metro-emergency@metro.example',
        privateCall: ['sip:dispatch@metro.example', 'sip:sergeant@metro.example'],
        maxAffiliations: 12,
        areas: ['downtown', 'harbour', 'county-north'],
        migration: { partners: ['county.example'] },
      },
    ],
    validation: { minPriority: 2, requiredGroups: ['sip:metro-emergency@metro.example'], requireAreas: true },
  },
  partner: {
    systemId: 'county.example',
    policy: {
      areas: ['county-north', 'harbour'],
      maxPriority: 3,
      groups: { allow: ['sip:metro-emergency@metro.example'], add: ['sip:mutual-aid@county.example'] },
      maxAffiliations: 5,
      privateCall: false,
    },
    cache: null,
  },
};

export interface Preset {
  id: string;
  title: string;
  description: string;
  procedure: ProcedureId;
  scenario: Scenario;
}

const derive = (title: string, change: (s: Scenario) => void): Scenario => {
  // A deep copy, read back through the schema (the core has no host API such as structuredClone).
  const scenario = parseScenarioOrThrow(JSON.parse(JSON.stringify(BASE_SCENARIO)));
  scenario.title = title;
  change(scenario);
  return scenario;
};

export const PRESETS: readonly Preset[] = [
  {
    id: 'happy-path',
    title: 'Happy path',
    description:
      'The partner configures the UE; its policy narrows the migration profile, which is delivered.',
    procedure: '10.1.4.3.3',
    scenario: derive('Officer migrates from Metro to County', () => {}),
  },
  {
    id: 'primary-configures',
    title: 'Primary configures the UE',
    description:
      'The UE asks its home system; the partner modifies the profile and the primary validates it (step 11).',
    procedure: '10.1.4.3.2',
    scenario: derive('Officer migrates, configured by Metro', (s) => {
      s.ue.configuredBy = 'primary';
    }),
  },
  {
    id: 'validation-refused',
    title: 'Validation refused',
    description:
      'The primary configures the UE and requires priority 5; the partner caps it at 3, so step 11 fails.',
    procedure: '10.1.4.3.2',
    scenario: derive('Primary refuses the partner-modified profile', (s) => {
      s.ue.configuredBy = 'primary';
      s.primary.validation = { ...s.primary.validation, minPriority: 5 };
    }),
  },
  {
    id: 'no-migration-profile',
    title: 'No migration profile for this partner',
    description: 'The user has no profile for migration to harbour.example, nor one for "*".',
    procedure: '10.1.4.3.3',
    scenario: derive('Officer tries to migrate to Harbour', (s) => {
      s.partner.systemId = 'harbour.example';
    }),
  },
  {
    id: 'stale-cache',
    title: 'Stale cached profile refreshed',
    description:
      'The partner holds a profile from an earlier migration; the procedure runs anyway and replaces it.',
    procedure: '10.1.4.3.3',
    scenario: derive('Partner refreshes a cached profile', (s) => {
      s.partner.cache = {
        profile: {
          index: 2,
          name: 'Mutual aid: County (old)',
          mcpttId: 'sip:alice@metro.example',
          priority: 2,
        },
        storedAt: '2026-10-01T08:00:00Z',
      };
    }),
  },
  {
    id: 'precondition-not-met',
    title: 'Precondition not met',
    description:
      'The user has not authenticated in the partner MC system: the first server refuses the request.',
    procedure: '10.1.4.3.3',
    scenario: derive('Officer not yet authenticated in County', (s) => {
      s.preconditions = { migrationPermitted: true, authenticatedInPartner: false };
    }),
  },
  {
    id: 'non-migrated',
    title: 'Non-migrated user',
    description: 'The user stays at home: the primary CMS delivers all of the MC service ID’s profiles.',
    procedure: '10.1.4.3.1',
    scenario: derive('Officer at home in Metro', (s) => {
      s.ue.configuredBy = 'primary';
    }),
  },
  {
    id: 'earlier-draft',
    title: 'Earlier draft (10.1.4.x.2)',
    description: 'The superseded draft: the partner UDB asks its CMS to fetch the profile from the primary.',
    procedure: '10.1.4.x.2',
    scenario: derive('Officer migrates (earlier draft)', () => {}),
  },
];

/** The preset with this id, if there is one. */
export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** The scenario of the preset with this id (for fixtures and tests, where an unknown id is a mistake: it throws). */
export function presetScenario(id: string): Scenario {
  const found = findPreset(id);
  if (!found) throw new Error(`no preset ${id}`);
  return found.scenario;
}
