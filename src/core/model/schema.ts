import { z } from 'zod';
import { isIsoDateTime } from './dateTime';

/** Renders a value the user gave, short, for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  text ??= typeof value === 'bigint' || typeof value === 'symbol' ? value.toString() : typeof value;
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const intIn = (lo: number, hi: number) =>
  z.custom<number>((v) => typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi, {
    error: (issue) => `expected an integer ${lo}..${hi}, got ${describeValue(issue.input)}`,
  });

const text = (what = 'a string') =>
  z.custom<string>((v) => typeof v === 'string', {
    error: (issue) => `expected ${what}, got ${describeValue(issue.input)}`,
  });

const nonEmpty = (what: string) =>
  z.custom<string>((v) => typeof v === 'string' && v.trim().length > 0, {
    error: (issue) => `expected ${what}, got ${describeValue(issue.input)}`,
  });

const flag = () =>
  z.custom<boolean>((v) => typeof v === 'boolean', {
    error: (issue) => `expected true or false, got ${describeValue(issue.input)}`,
  });

const list = <T extends z.ZodType>(item: T) =>
  z.array(item, { error: (issue) => `expected a list, got ${describeValue(issue.input)}` });

const uri = () => nonEmpty('a non-empty URI');

export const MigrationSchema = z.looseObject({
  partners: list(nonEmpty('a partner system id or "*"')).min(1, {
    error: 'expected at least one partner system id or "*"',
  }),
});

/** A user profile, named after the TS 24.484 MCPTT user profile document (CONTRACT.md §2). */
export const ProfileSchema = z.looseObject({
  index: intIn(0, 255),
  name: text().optional(),
  status: flag().optional(),
  preSelected: flag().optional(),
  mcpttId: text('an MC service ID').optional(),
  organization: text().optional(),
  priority: intIn(0, 255).optional(),
  groups: list(uri()).optional(),
  emergencyGroup: uri().optional(),
  privateCall: list(uri()).optional(),
  maxAffiliations: intIn(0, 65535).optional(),
  areas: list(nonEmpty('an area name')).optional(),
  migration: MigrationSchema.optional(),
});

export const PolicySchema = z.looseObject({
  areas: list(nonEmpty('an area name')).optional(),
  maxPriority: intIn(0, 255).optional(),
  groups: z
    .looseObject({
      allow: list(uri()).optional(),
      add: list(uri()).optional(),
    })
    .optional(),
  maxAffiliations: intIn(0, 65535).optional(),
  privateCall: flag().optional(),
});

export const ValidationRulesSchema = z.looseObject({
  minPriority: intIn(0, 255).optional(),
  requiredGroups: list(uri()).optional(),
  requireAreas: flag().optional(),
  /** 10.1.4.3.2 step 11: the user "may be prohibited from migrating" when the check fails; both readings run. */
  onFailure: z
    .custom<'prohibit' | 'continue'>((v) => v === 'prohibit' || v === 'continue', {
      error: (issue) => `expected "prohibit" or "continue", got ${describeValue(issue.input)}`,
    })
    .optional(),
});

/** The MC services a user may have an MC service ID for (TS 23.280 10.1.4.1). */
export const SERVICES = ['mcptt', 'mcvideo', 'mcdata'] as const;
export type Service = (typeof SERVICES)[number];

const isoTime = z.custom<string>(isIsoDateTime, {
  error: (issue) =>
    `expected an ISO 8601 date and time with its time zone (e.g. "2026-10-01T08:00:00Z"), got ${describeValue(issue.input)}`,
});

export const CacheSchema = z.looseObject({ profile: ProfileSchema, storedAt: isoTime });

/** A time in milliseconds the scenario gives (CONTRACT.md §10): an integer, never negative, at most an hour. */
export const MAX_MS = 3_600_000;
const ms = (lo = 0) => intIn(lo, MAX_MS);

/** Entity ids (CONTRACT.md §1), as the schema reads them (ids.ts holds the same list; kept here to stay a leaf). */
const ENTITY_NAMES = ['cmc', 'primary-cms', 'primary-udb', 'partner-cms', 'partner-udb'] as const;
const entityId = (what = 'an entity id') =>
  z.custom<(typeof ENTITY_NAMES)[number]>(
    (v) => typeof v === 'string' && (ENTITY_NAMES as readonly string[]).includes(v),
    { error: (issue) => `expected ${what} (${ENTITY_NAMES.join(', ')}), got ${describeValue(issue.input)}` },
  );

/** How many times the client may ask again (CONTRACT.md §10 `timing.retries`). */
export const MAX_RETRIES = 10;

/**
 * The clock's figures (CONTRACT.md §10): one-way latency per reference point, how long an own action takes, each
 * entity's timer, the client's retries. Every field is optional: the simulator's own figures fill the gaps
 * (engine/clock.ts). An entity not named in `timeoutMs`, or named with `null`, waits for ever: `null` lets a sweep
 * set one entity's timer on and off (`--vary timing.timeoutMs.cmc=null,5000`).
 */
export const TimingSchema = z
  .looseObject({
    latencyMs: z
      .looseObject({ 'CSC-4': ms().optional(), 'CSC-13': ms().optional(), 'CSC-17': ms().optional() })
      .optional(),
    actionMs: ms().optional(),
    timeoutMs: z.record(z.string(), ms(1).nullable()).optional(),
    retries: intIn(0, MAX_RETRIES).optional(),
  })
  .superRefine((timing, ctx) => {
    const latency = timing.latencyMs ?? {};
    for (const key of Object.keys(latency)) {
      if (key !== 'CSC-4' && key !== 'CSC-13' && key !== 'CSC-17') {
        ctx.addIssue({
          code: 'custom',
          path: ['latencyMs', key],
          message: `unknown reference point "${key}" (expected CSC-4, CSC-13 or CSC-17)`,
          input: key,
        });
      }
    }
    for (const key of Object.keys(timing.timeoutMs ?? {})) {
      if (!(ENTITY_NAMES as readonly string[]).includes(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['timeoutMs', key],
          message: `unknown entity "${key}" (expected ${ENTITY_NAMES.join(', ')})`,
          input: key,
        });
      }
    }
  });

export const FAULT_KINDS = ['drop', 'delay', 'duplicate', 'down', 'store-fails'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * One fault (CONTRACT.md §10). `step` names a message by the number its procedure's clause gives it: whether the
 * procedure has such a message is checked when a procedure runs it (engine/faults.ts), as a scenario runs several.
 */
export const FaultSchema = z
  .looseObject({
    kind: z.custom<FaultKind>(
      (v) => typeof v === 'string' && (FAULT_KINDS as readonly string[]).includes(v),
      {
        error: (issue) => `expected one of ${FAULT_KINDS.join(', ')}, got ${describeValue(issue.input)}`,
      },
    ),
    step: intIn(1, 99).optional(),
    nth: intIn(1, MAX_RETRIES + 1).optional(),
    byMs: ms(1).optional(),
    entity: entityId().optional(),
    fromMs: ms().optional(),
    untilMs: ms().optional(),
  })
  .superRefine((fault, ctx) => {
    const need = (field: string, what: string) =>
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `expected ${what} for a ${fault.kind} fault`,
        input: undefined,
      });
    const refuse = (field: string) =>
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `a ${fault.kind} fault takes no ${field}`,
        input: undefined,
      });
    const onMessage = fault.kind === 'drop' || fault.kind === 'delay' || fault.kind === 'duplicate';
    if (onMessage) {
      if (fault.step === undefined) need('step', 'the number of a message of the clause');
      if (fault.entity !== undefined) refuse('entity');
      if (fault.fromMs !== undefined) refuse('fromMs');
      if (fault.untilMs !== undefined) refuse('untilMs');
    } else {
      if (fault.entity === undefined) need('entity', 'an entity id');
      if (fault.step !== undefined) refuse('step');
      if (fault.nth !== undefined) refuse('nth');
    }
    if (fault.kind === 'delay' && fault.byMs === undefined) need('byMs', 'a delay in ms (byMs)');
    if (fault.kind !== 'delay' && fault.byMs !== undefined) refuse('byMs');
    if (fault.kind !== 'down' && fault.kind !== 'store-fails') return;
    if (fault.kind === 'store-fails') {
      if (fault.fromMs !== undefined) refuse('fromMs');
      if (fault.untilMs !== undefined) refuse('untilMs');
      if (fault.entity !== undefined && fault.entity !== 'primary-udb' && fault.entity !== 'partner-udb') {
        ctx.addIssue({
          code: 'custom',
          path: ['entity'],
          message: `expected a user database (primary-udb or partner-udb): only they store, got "${fault.entity}"`,
          input: fault.entity,
        });
      }
    }
    if (fault.untilMs !== undefined && fault.untilMs <= (fault.fromMs ?? 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['untilMs'],
        message: `expected a time after fromMs (${fault.fromMs ?? 0}), got ${fault.untilMs}`,
        input: fault.untilMs,
      });
    }
  });

const uniqueIndexes = (profiles: { index: number }[], ctx: z.core.$RefinementCtx<unknown>) => {
  const seen = new Map<number, number>();
  profiles.forEach((p, i) => {
    const first = seen.get(p.index);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'index'],
        message: `duplicate profile index ${p.index} (profile [${first}] has it already)`,
        input: p.index,
      });
    } else seen.set(p.index, i);
  });
};

export const ScenarioSchema = z
  .looseObject({
    format: z.custom<'mcx-migration-scenario'>((v) => v === 'mcx-migration-scenario', {
      error: (issue) => `expected "mcx-migration-scenario", got ${describeValue(issue.input)}`,
    }),
    version: z.custom<1>((v) => v === 1, {
      error: (issue) =>
        `expected 1 (the only version this simulator reads), got ${describeValue(issue.input)}`,
    }),
    title: text().optional(),
    user: z.looseObject({
      serviceIds: z.looseObject({
        mcptt: nonEmpty('an MC service ID (e.g. "sip:alice@metro.example")'),
        mcvideo: nonEmpty('an MC service ID').optional(),
        mcdata: nonEmpty('an MC service ID').optional(),
      }),
    }),
    ue: z.looseObject({
      configuredBy: z.custom<'primary' | 'partner'>((v) => v === 'primary' || v === 'partner', {
        error: (issue) => `expected "primary" or "partner", got ${describeValue(issue.input)}`,
      }),
      /** The MC service whose MC service ID the client's request carries (CONTRACT.md §6); default "mcptt". */
      service: z
        .custom<Service>((v) => typeof v === 'string' && (SERVICES as readonly string[]).includes(v), {
          error: (issue) => `expected "mcptt", "mcvideo" or "mcdata", got ${describeValue(issue.input)}`,
        })
        .optional(),
    }),
    preconditions: z
      .looseObject({
        migrationPermitted: flag().optional(),
        authenticatedInPartner: flag().optional(),
      })
      .optional(),
    primary: z.looseObject({
      systemId: nonEmpty('a non-empty system id'),
      profiles: list(ProfileSchema)
        .min(1, { error: 'expected at least one profile' })
        .superRefine(uniqueIndexes),
      validation: ValidationRulesSchema.optional(),
    }),
    partner: z.looseObject({
      systemId: nonEmpty('a non-empty system id'),
      policy: PolicySchema.optional(),
      cache: z.union([z.null(), CacheSchema]).optional(),
    }),
    timing: TimingSchema.optional(),
    faults: list(FaultSchema).optional(),
  })
  .superRefine((scenario, ctx) => {
    const service = scenario.ue.service;
    if (service && scenario.user.serviceIds[service] === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['ue', 'service'],
        message: `expected a service the user has an MC service ID for (user.serviceIds.${service} is not given), got "${service}"`,
        input: service,
      });
    }
  });

export type Profile = z.output<typeof ProfileSchema>;
export type Policy = z.output<typeof PolicySchema>;
export type ValidationRules = z.output<typeof ValidationRulesSchema>;
export type CachedProfile = z.output<typeof CacheSchema>;
export type Scenario = z.output<typeof ScenarioSchema>;
export type Timing = z.output<typeof TimingSchema>;
export type Fault = z.output<typeof FaultSchema>;
