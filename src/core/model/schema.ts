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
