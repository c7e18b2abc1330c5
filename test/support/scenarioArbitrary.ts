/**
 * Valid scenarios, generated from the rules of CONTRACT.md §2 and §6 (not from the schema's code): every field in
 * its range, optional ones present or not, unknown fields at every level, strings up to the limit of 10,000
 * characters, `storedAt` in each ISO 8601 form the contract allows.
 */
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Any string, lone surrogates included, now and then one exactly at the limit (in characters, not UTF-16 units). */
const text = fc.oneof(
  { weight: 20, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
  { weight: 1, arbitrary: fc.constantFrom('é'.repeat(10_000), '😀'.repeat(10_000)) },
);
const nonEmpty = text.filter((s) => s.trim().length > 0);
const int = (min: number, max: number) => fc.integer({ min, max });
const list = <T>(item: fc.Arbitrary<T>, minLength = 0) => fc.array(item, { minLength, maxLength: 3 });

/** Fields the simulator does not know, to be kept: `x-` names, any JSON below them. */
const unknownFields = fc.dictionary(
  fc.string({ maxLength: 8 }).map((k) => `x-${k}`),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  { maxKeys: 2 },
);

/** `arb`'s objects with unknown fields beside the known ones. */
const loose = <T extends object>(arb: fc.Arbitrary<T>) =>
  fc.tuple(arb, unknownFields).map(([known, extra]) => ({ ...extra, ...known }));

const two = (n: number) => String(n).padStart(2, '0');

/** A moment, written in UTC (`Z`, with or without milliseconds) or at an offset (`+05:30`), as RFC 3339 has it. */
export const isoDateTime = fc
  .tuple(
    fc.date({
      min: new Date('0001-01-02T00:00:00Z'),
      max: new Date('9999-12-30T00:00:00Z'),
      noInvalidDate: true,
    }),
    fc.constantFrom('Z', 'Z.ms', 'offset'),
    int(-12 * 4, 14 * 4).map((q) => q * 15),
  )
  .map(([date, form, offset]) => {
    if (form === 'Z') return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (form === 'Z.ms') return date.toISOString();
    const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
    const sign = offset < 0 ? '-' : '+';
    return `${local}${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  });

const profile = (index: fc.Arbitrary<number>) =>
  loose(
    fc.record(
      {
        index,
        name: text,
        status: fc.boolean(),
        preSelected: fc.boolean(),
        mcpttId: text,
        organization: text,
        priority: int(0, 255),
        groups: list(nonEmpty),
        emergencyGroup: nonEmpty,
        privateCall: list(nonEmpty),
        maxAffiliations: int(0, 65535),
        areas: list(nonEmpty),
        migration: loose(fc.record({ partners: list(fc.oneof(nonEmpty, fc.constant('*')), 1) })),
      },
      { requiredKeys: ['index'] },
    ),
  );

/** One to four profiles with distinct indexes. */
const profiles = fc
  .uniqueArray(int(0, 255), { minLength: 1, maxLength: 4 })
  .chain((indexes) => fc.tuple(...indexes.map((i) => profile(fc.constant(i)))));

export const validScenario = loose(
  fc.record(
    {
      format: fc.constant('mcx-migration-scenario'),
      version: fc.constant(1),
      title: text,
      user: loose(
        fc.record({
          serviceIds: loose(
            fc.record({ mcptt: nonEmpty, mcvideo: nonEmpty, mcdata: nonEmpty }, { requiredKeys: ['mcptt'] }),
          ),
        }),
      ),
      ue: loose(fc.record({ configuredBy: fc.constantFrom('primary', 'partner') })),
      preconditions: loose(
        fc.record(
          { migrationPermitted: fc.boolean(), authenticatedInPartner: fc.boolean() },
          { requiredKeys: [] },
        ),
      ),
      primary: loose(
        fc.record(
          {
            systemId: nonEmpty,
            profiles,
            validation: loose(
              fc.record(
                { minPriority: int(0, 255), requiredGroups: list(nonEmpty), requireAreas: fc.boolean() },
                { requiredKeys: [] },
              ),
            ),
          },
          { requiredKeys: ['systemId', 'profiles'] },
        ),
      ),
      partner: loose(
        fc.record(
          {
            systemId: nonEmpty,
            policy: loose(
              fc.record(
                {
                  areas: list(nonEmpty),
                  maxPriority: int(0, 255),
                  groups: loose(
                    fc.record({ allow: list(nonEmpty), add: list(nonEmpty) }, { requiredKeys: [] }),
                  ),
                  maxAffiliations: int(0, 65535),
                  privateCall: fc.boolean(),
                },
                { requiredKeys: [] },
              ),
            ),
            cache: fc.oneof(
              fc.constant(null),
              loose(fc.record({ profile: profile(int(0, 255)), storedAt: isoDateTime })),
            ),
          },
          { requiredKeys: ['systemId'] },
        ),
      ),
    },
    { requiredKeys: ['format', 'version', 'user', 'ue', 'primary', 'partner'] },
  ),
);
