/** Public ids of CONTRACT.md §1: extend, never rename. */
export const ENTITY_IDS = ['cmc', 'primary-cms', 'primary-udb', 'partner-cms', 'partner-udb'] as const;
export type EntityId = (typeof ENTITY_IDS)[number];

export const PROCEDURE_IDS = ['10.1.4.3.1', '10.1.4.3.2', '10.1.4.3.3', '10.1.4.x.2'] as const;
export type ProcedureId = (typeof PROCEDURE_IDS)[number];

export type EntityKind = 'client' | 'cms' | 'udb';
export type SystemRole = 'ue' | 'primary' | 'partner';

export interface EntityInfo {
  id: EntityId;
  kind: EntityKind;
  system: SystemRole;
  /** The role's name as the clauses say it. */
  title: string;
  /**
   * A short name for diagrams and panels, telling the five apart in any crop (the simulator's abbreviations: CMS,
   * configuration management server; UDB, MC service user database).
   */
  short: string;
  /** How the clauses name it in a sentence. */
  phrase: string;
}

export const ENTITIES: Record<EntityId, EntityInfo> = {
  cmc: {
    id: 'cmc',
    kind: 'client',
    system: 'ue',
    title: 'Configuration management client (MC service UE)',
    short: 'CM client (UE)',
    phrase: 'the configuration management client',
  },
  'primary-cms': {
    id: 'primary-cms',
    kind: 'cms',
    system: 'primary',
    title: 'Configuration management server, primary MC system',
    short: 'Primary CMS',
    phrase: 'the configuration management server in the primary MC system',
  },
  'primary-udb': {
    id: 'primary-udb',
    kind: 'udb',
    system: 'primary',
    title: 'MC service user database, primary MC system',
    short: 'Primary UDB',
    phrase: 'the MC service user database in the primary MC system',
  },
  'partner-cms': {
    id: 'partner-cms',
    kind: 'cms',
    system: 'partner',
    title: 'Configuration management server, partner MC system',
    short: 'Partner CMS',
    phrase: 'the configuration management server in the partner MC system',
  },
  'partner-udb': {
    id: 'partner-udb',
    kind: 'udb',
    system: 'partner',
    title: 'MC service user database, partner MC system',
    short: 'Partner UDB',
    phrase: 'the MC service user database in the partner MC system',
  },
};

export function isProcedureId(value: unknown): value is ProcedureId {
  return typeof value === 'string' && (PROCEDURE_IDS as readonly string[]).includes(value);
}
