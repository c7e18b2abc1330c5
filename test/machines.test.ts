import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { adjacencyMapToArray, getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import {
  clientMachine,
  type ClientContext,
  type ClientEvent,
  type ClientInput,
} from '../src/core/entities/clientMachine';
import type { CmsContext, CmsInput } from '../src/core/entities/cms';
import type { EntityMessage, ProfileRequest } from '../src/core/entities/messages';
import { partnerCmsMachine } from '../src/core/entities/partnerCmsMachine';
import { partnerUdbMachine } from '../src/core/entities/partnerUdbMachine';
import { primaryCmsMachine } from '../src/core/entities/primaryCmsMachine';
import { primaryUdbMachine } from '../src/core/entities/primaryUdbMachine';
import type { UdbContext, UdbInput } from '../src/core/entities/udb';
import { ENTITY_MACHINES } from '../src/core/entities/networkMachine';
import { PROCEDURE_IDS } from '../src/core/model/ids';
import { applyPolicy } from '../src/core/model/policy';
import { PRESETS } from '../src/core/model/presets';
import { getProcedure } from '../src/core/procedures';
import { entityInputs, simulate } from '../src/core/engine/run';
import { exampleScenario } from './support/fixtures';
import { eventTypes, runUnderParent, stateKeys, transitions, withStandInParent } from './support/graph';

// The example's data: the migration profile, what the partner policy makes of it, and the entities' inputs.
const scenario = exampleScenario();
const MIGRATION_PROFILE = scenario.primary.profiles[1]!;
const POLICY = scenario.partner.policy;
const MODIFIED = applyPolicy(MIGRATION_PROFILE, POLICY);
const SERVICE_ID = scenario.user.serviceIds.mcptt;
const PARTNER = scenario.partner.systemId;
const CACHE = { profile: { index: 2, name: 'old', priority: 1 }, storedAt: '2026-10-01T08:00:00Z' };
const inputs33 = entityInputs(scenario, getProcedure('10.1.4.3.3'));
const inputsX2 = entityInputs(scenario, getProcedure('10.1.4.x.2'));
const inputs32 = entityInputs(scenario, getProcedure('10.1.4.3.2'));

const request = (
  from: EntityMessage['from'],
  partnerSystemId: string | null,
  purpose: ProfileRequest['purpose'] = 'migration',
): EntityMessage => ({
  type: 'profile.request',
  from,
  request: { serviceId: SERVICE_ID, purpose, partnerSystemId },
});
const provide = (from: EntityMessage['from'], profiles = [MIGRATION_PROFILE], extra = {}): EntityMessage => ({
  type: 'profile.provide',
  from,
  profiles,
  ...extra,
});
const error = (from: EntityMessage['from']): EntityMessage => ({
  type: 'profile.error',
  from,
  reason: 'no profile',
  assumption: true,
});
const timer = (from: EntityMessage['from']): EntityMessage => ({ type: 'timer.fire', from, afterMs: 1000 });
const modifiedFromPartner = (priority: number) =>
  provide('partner-cms', [{ ...MODIFIED.profile, priority }], { changes: MODIFIED.changes, modified: true });

interface Model {
  name: string;
  machine: AnyStateMachine;
  input: unknown;
  events: (EntityMessage | ClientEvent)[];
  /** The states this role can reach (the union over roles must be every state of the machine). */
  reaches: string[];
}

/** Requests pile up only in the earlier draft (two at most); a bound keeps the traversal finite. */
const bounded = (s: AnyMachineSnapshot) => {
  const context = s.context as { pending?: unknown[]; log?: unknown[] };
  // And a log grows with every failed check that goes on: one entry is enough to cover its transitions.
  return (context.pending?.length ?? 0) <= 2 && (context.log?.length ?? 0) <= 1;
};

const clientInput: ClientInput = inputs33.cmc;
const primaryCms: CmsInput = inputs33['primary-cms'];
const continuing: CmsInput = {
  ...primaryCms,
  validation: { ...primaryCms.validation, onFailure: 'continue' },
};
const partnerCms: CmsInput = inputs33['partner-cms'];
const primaryUdb: UdbInput = inputs33['primary-udb'];
const partnerUdb: UdbInput = { ...inputs33['partner-udb'], cache: CACHE };

const MODELS: Model[] = [
  {
    name: 'client (migrating)',
    machine: clientMachine,
    input: clientInput,
    events: [{ type: 'client.start' }, provide('partner-cms', [MODIFIED.profile]), error('partner-cms')],
    reaches: ['idle', 'requesting', 'configured', 'refused'],
  },
  {
    name: 'client (a timer, one retry)',
    machine: clientMachine,
    input: { ...clientInput, retries: 1 },
    events: [{ type: 'client.start' }, timer('cmc'), provide('partner-cms', [MODIFIED.profile])],
    reaches: ['idle', 'requesting', 'configured', 'failed'],
  },
  {
    name: 'cms primary',
    machine: primaryCmsMachine,
    input: primaryCms,
    events: [
      request('cmc', PARTNER),
      request('cmc', null, 'own'),
      request('partner-cms', null),
      provide('primary-udb'),
      modifiedFromPartner(3),
      modifiedFromPartner(1), // below the primary's minPriority 2: refused at step 11
      { type: 'profile.stored', from: 'primary-udb' },
      error('primary-udb'),
      error('partner-cms'),
      timer('primary-cms'),
      { type: 'cms.obtain', from: 'primary-cms' },
      { type: 'cms.validate', from: 'primary-cms' },
    ],
    reaches: ['idle', 'obtaining', 'awaitingProfile', 'awaitingModified', 'validating', 'storing'],
  },
  {
    name: 'cms primary (onFailure: continue)',
    machine: primaryCmsMachine,
    input: continuing,
    events: [
      request('cmc', PARTNER),
      provide('primary-udb'),
      modifiedFromPartner(1), // below minPriority 2: logged, and step 12 follows
      { type: 'cms.validate', from: 'primary-cms' },
      { type: 'profile.stored', from: 'primary-udb' },
    ],
    reaches: ['idle', 'awaitingProfile', 'awaitingModified', 'validating', 'storing'],
  },
  {
    name: 'cms primary (preconditions not met)',
    machine: primaryCmsMachine,
    input: { ...primaryCms, preconditions: { migrationPermitted: false, authenticatedInPartner: true } },
    events: [request('cmc', PARTNER)],
    reaches: ['idle'],
  },
  {
    name: 'cms partner (preconditions not met)',
    machine: partnerCmsMachine,
    input: { ...partnerCms, preconditions: { migrationPermitted: true, authenticatedInPartner: false } },
    events: [request('cmc', null)],
    reaches: ['idle'],
  },
  {
    name: 'cms partner (10.1.4.3.3)',
    machine: partnerCmsMachine,
    input: partnerCms,
    events: [
      request('cmc', null),
      provide('primary-cms'),
      provide('partner-udb', [MODIFIED.profile], { changes: MODIFIED.changes, modified: true }),
      error('primary-cms'),
      error('partner-udb'),
      timer('partner-cms'),
    ],
    reaches: ['idle', 'awaitingPrimary', 'localising'],
  },
  {
    name: 'cms partner (10.1.4.3.2, the primary sends the profile unasked)',
    machine: partnerCmsMachine,
    input: inputs32['partner-cms'],
    events: [
      provide('primary-cms'),
      provide('partner-udb', [MODIFIED.profile], { changes: MODIFIED.changes, modified: true }),
    ],
    reaches: ['idle', 'localising'],
  },
  {
    name: 'cms partner (10.1.4.x.2, asks its UDB first)',
    machine: partnerCmsMachine,
    input: inputsX2['partner-cms'],
    events: [
      request('cmc', null),
      request('partner-udb', null),
      provide('primary-cms'),
      provide('partner-udb', [MODIFIED.profile], { changes: MODIFIED.changes, modified: true }),
      error('primary-cms'),
      error('partner-udb'),
      timer('partner-cms'),
    ],
    reaches: ['idle', 'awaitingUdb', 'awaitingPrimary', 'localising'],
  },
  {
    name: 'udb primary',
    machine: primaryUdbMachine,
    input: primaryUdb,
    events: [
      request('primary-cms', PARTNER),
      request('primary-cms', 'harbour.example'),
      { type: 'udb.retrieve', from: 'primary-udb' },
      provide('primary-cms', [MODIFIED.profile]),
      { type: 'udb.store', from: 'primary-udb' },
    ],
    reaches: ['idle', 'retrieving', 'storing'],
  },
  {
    name: 'udb primary (its store fails)',
    machine: primaryUdbMachine,
    input: { ...primaryUdb, storeFails: true },
    events: [provide('primary-cms', [MODIFIED.profile]), { type: 'udb.store', from: 'primary-udb' }],
    reaches: ['idle', 'storing'],
  },
  {
    name: 'udb partner',
    machine: partnerUdbMachine,
    input: partnerUdb,
    events: [
      provide('partner-cms'),
      request('partner-cms', null),
      error('partner-cms'),
      timer('partner-udb'),
      { type: 'udb.modify', from: 'partner-udb' },
      { type: 'udb.store', from: 'partner-udb' },
    ],
    reaches: ['idle', 'awaitingProfile', 'modifying', 'storing'],
  },
  {
    name: 'udb partner (its store fails)',
    machine: partnerUdbMachine,
    input: { ...partnerUdb, storeFails: true },
    events: [
      provide('partner-cms'),
      { type: 'udb.modify', from: 'partner-udb' },
      { type: 'udb.store', from: 'partner-udb' },
    ],
    reaches: ['idle', 'modifying', 'storing'],
  },
];

const traversal = (m: Model) => ({
  input: m.input as never,
  events: m.events as never,
  filterEvents: bounded,
});

function explore(m: Model) {
  const logic = withStandInParent(m.machine);
  const paths = getShortestPaths(logic, traversal(m));
  const edges = adjacencyMapToArray(getAdjacencyMap(logic, traversal(m)));
  // A transition is taken when the machine selects it for the event and it does something (a target or actions).
  const taken = edges.flatMap(({ state, event }) =>
    m.machine
      .getTransitionData(state as never, event as never)
      .filter((t) => t.target !== undefined || t.actions.length > 0)
      .map((t) => ({ t, type: event.type })),
  );
  return { paths, edges, taken };
}

const EXPLORED = new Map(MODELS.map((m) => [m, explore(m)]));

describe('plain xstate/graph traversal', () => {
  it('cannot run the entity machines without a parent (the reason for withStandInParent)', () => {
    // given the client machine, which posts its request with sendParent
    // when traversing it as is
    const traverse = () =>
      getShortestPaths(clientMachine, { input: clientInput, events: [{ type: 'client.start' }] });
    // then resolving sendParent fails
    expect(traverse).toThrow(/#_parent/);
  });
});

describe.each(MODELS.map((m) => [m.name, m] as const))('model-based: %s', (_name, m) => {
  const { paths, edges, taken } = EXPLORED.get(m)!;

  it('reaches exactly the states of its role', () => {
    // given the traversal's shortest paths
    // when collecting their end states
    const reached = new Set(paths.map((p) => String(p.state.value)));
    // then they are the role's states, all of them states of the machine
    expect([...reached].sort()).toEqual([...m.reaches].sort());
    for (const s of reached) expect(stateKeys(m.machine)).toContain(s);
    expect(edges.length).toBeGreaterThan(0);
  });

  it('replays every path on a real actor under a parent to the same snapshot', () => {
    for (const path of paths) {
      // given a path found by the traversal
      const events = path.steps.map((s) => s.event).filter((e) => e.type !== 'xstate.init');
      // when the machine runs those events as the child of a parent
      const { snapshot, posts } = runUnderParent(m.machine, m.input, events);
      // then it ends in the same state with the same context, and all it sent went to the parent
      expect(snapshot.value).toEqual(path.state.value);
      expect(snapshot.context).toEqual(path.state.context);
      for (const post of posts) expect(post.from).toBe((m.input as { id: string }).id);
    }
  });

  it('takes at least one transition for each event it was given', () => {
    // given the events of the model
    // when looking at the transitions taken in the traversal
    const types = new Set(taken.map((x) => x.type));
    // then each event type was taken somewhere
    for (const e of m.events) expect(types).toContain(e.type);
  });
});

const ERROR = 'profile.error';
const PROVIDE = 'profile.provide';
const REQUEST = 'profile.request';
describe.each([
  ['client', clientMachine, ['client.start', ERROR, PROVIDE, 'timer.fire']],
  [
    'primary cms',
    primaryCmsMachine,
    ['cms.obtain', 'cms.validate', ERROR, PROVIDE, REQUEST, 'profile.stored', 'timer.fire'],
  ],
  ['partner cms', partnerCmsMachine, [ERROR, PROVIDE, REQUEST, 'timer.fire']],
  ['primary udb', primaryUdbMachine, [PROVIDE, REQUEST, 'udb.retrieve', 'udb.store']],
  ['partner udb', partnerUdbMachine, [ERROR, PROVIDE, REQUEST, 'timer.fire', 'udb.modify', 'udb.store']],
] as const)('coverage of the %s machine across its scenarios', (_kind, machine, handled) => {
  const models = MODELS.filter((m) => m.machine === machine);

  it('every state is reached', () => {
    // given every role's traversal
    // when joining the states reached
    const reached = new Set(models.flatMap((m) => EXPLORED.get(m)!.paths.map((p) => String(p.state.value))));
    // then that is every state of the machine
    expect([...reached].sort()).toEqual(stateKeys(machine).sort());
  });

  it('every event type is taken', () => {
    // given every role's traversal
    // when joining the event types of the transitions taken
    const types = new Set(models.flatMap((m) => EXPLORED.get(m)!.taken.map((x) => x.type)));
    // then that is every event type the machine handles
    expect([...types].sort()).toEqual(eventTypes(machine));
    expect([...types].sort()).toEqual([...handled]);
  });

  it('every transition (each guarded alternative) is taken', () => {
    // given every transition of the machine definition
    const all = transitions(machine);
    // when joining those taken by the traversals
    const seen = new Set(models.flatMap((m) => EXPLORED.get(m)!.taken.map((x) => x.t)));
    // then none is left
    expect([...all].filter(([t]) => !seen.has(t)).map(([, name]) => name)).toEqual([]);
  });
});

/** What the primary CMS posts in a 10.1.4.3.2 run that delivers: steps 2, 5, 11, 12 and 14. */
const DELIVERY_POSTS = [
  'primary-udb:profile.request',
  'partner-cms:profile.provide',
  'primary-cms:cms.validate',
  'primary-udb:profile.provide',
  'cmc:profile.provide',
];

describe('model-based: contexts at the end of chosen paths', () => {
  const pathTo = (m: Model, toState: (s: AnyMachineSnapshot) => boolean) => {
    const [path] = getShortestPaths(withStandInParent(m.machine), { ...traversal(m), toState });
    if (!path) throw new Error(`no path in ${m.name}`);
    return path;
  };
  const model = (name: string) => MODELS.find((m) => m.name === name)!;

  it('udb partner: receive, modify, store => stored is the policy-applied profile, the cache replaced', () => {
    // given the partner UDB with a policy and a cached profile
    const m = model('udb partner');
    // when following the shortest path to a stored profile
    const path = pathTo(m, (s) => (s.context as UdbContext).stored !== null);
    const context = path.state.context as UdbContext;
    // then it went through modify and store, and stored what applyPolicy gives
    expect(path.steps.map((s) => s.event.type)).toEqual([
      'xstate.init',
      'profile.provide',
      'udb.modify',
      'udb.store',
    ]);
    expect(path.steps.map((s) => String(s.state.value))).toEqual(['idle', 'modifying', 'storing', 'idle']);
    expect(context.stored).toEqual(MODIFIED.profile);
    expect(context.changes).toEqual(MODIFIED.changes);
    expect(context.replaced).toEqual(CACHE);
    expect(context.cache).toBeNull();
    expect(context.pending).toEqual([]);
    // and under a real parent it posted its two own actions, then the modified profile to its CMS
    const { posts } = runUnderParent(
      m.machine,
      m.input,
      path.steps.slice(1).map((s) => s.event),
    );
    expect(posts.map((p) => [p.to, p.message.type])).toEqual([
      ['partner-udb', 'udb.modify'],
      ['partner-udb', 'udb.store'],
      ['partner-cms', 'profile.provide'],
    ]);
    expect(posts[2]!.message).toEqual({
      type: 'profile.provide',
      from: 'partner-udb',
      profiles: [MODIFIED.profile],
      changes: MODIFIED.changes,
      modified: true,
    });
  });

  it('udb primary: request, retrieve => the migration profile for the partner goes back to its CMS', () => {
    // given the primary UDB
    const m = model('udb primary');
    // when following the shortest path to a retrieved profile
    const path = pathTo(m, (s) => (s.context as UdbContext).retrieved !== null);
    // then the retrieved profile is the one for county.example, and it was posted to the primary CMS
    expect((path.state.context as UdbContext).retrieved).toEqual(MIGRATION_PROFILE);
    const { posts } = runUnderParent(
      m.machine,
      m.input,
      path.steps.slice(1).map((s) => s.event),
    );
    expect(posts.at(-1)).toEqual({
      from: 'primary-udb',
      to: 'primary-cms',
      message: { type: 'profile.provide', from: 'primary-udb', profiles: [MIGRATION_PROFILE] },
    });
  });

  it('udb primary: a partner no profile names => an error (assumption) back to the CMS, nothing retrieved', () => {
    // given the primary UDB asked for harbour.example
    const m = model('udb primary');
    const events: EntityMessage[] = [
      request('primary-cms', 'harbour.example'),
      { type: 'udb.retrieve', from: 'primary-udb' },
    ];
    // when it retrieves
    const { snapshot, posts } = runUnderParent(m.machine, m.input, events);
    // then it is idle again with nothing retrieved, and posted an error to the CMS
    expect(snapshot.value).toBe('idle');
    expect((snapshot.context as UdbContext).retrieved).toBeNull();
    expect(posts.at(-1)?.message).toMatchObject({
      type: 'profile.error',
      assumption: true,
      from: 'primary-udb',
    });
    expect(posts.at(-1)?.to).toBe('primary-cms');
  });

  it('cms primary: a modified profile below minPriority => validation fails, error to the client, not stored', () => {
    // given the primary CMS
    const m = model('cms primary');
    // when following the shortest path to a failed validation
    const path = pathTo(m, (s) => (s.context as CmsContext).validationResult?.ok === false);
    const context = path.state.context as CmsContext;
    // then it came back to idle with the violation and nobody waiting
    expect(path.state.value).toBe('idle');
    expect(context.validationResult?.violations.map((v) => v.rule)).toEqual(['minPriority']);
    expect(context.pending).toEqual([]);
    // and under a real parent its last post is the clause's error to the cmc, and nothing went to its UDB to store
    const { posts } = runUnderParent(
      m.machine,
      m.input,
      path.steps.slice(1).map((s) => s.event),
    );
    expect(posts.at(-1)).toMatchObject({
      from: 'primary-cms',
      to: 'cmc',
      message: { type: 'profile.error', assumption: false },
    });
    expect(posts.filter((p) => p.to === 'primary-udb' && p.message.type === 'profile.provide')).toEqual([]);
  });

  it('cms primary: a profile that passes => sent to its UDB for storage, then to the client once stored', () => {
    // given the primary CMS
    const m = model('cms primary');
    // when following the shortest path through storing back to idle with a passed validation
    const path = pathTo(
      m,
      (s) => s.value === 'idle' && (s.context as CmsContext).validationResult?.ok === true,
    );
    // then the states were those of 10.1.4.3.2 steps 1-14 at the primary CMS
    expect(path.steps.map((s) => String(s.state.value))).toEqual([
      'idle',
      'awaitingProfile',
      'awaitingModified',
      'validating',
      'storing',
      'idle',
    ]);
    const { posts } = runUnderParent(
      m.machine,
      m.input,
      path.steps.slice(1).map((s) => s.event),
    );
    expect(posts.map((p) => `${p.to}:${p.message.type}`)).toEqual(DELIVERY_POSTS);
  });

  it('cms primary (onFailure: continue): a failed check is logged, then stored and delivered (steps 12-14)', () => {
    // given the primary CMS reading step 11's "may" as "continue"
    const m = model('cms primary (onFailure: continue)');
    // when following the shortest path back to idle with a failed validation
    const path = pathTo(
      m,
      (s) => s.value === 'idle' && (s.context as CmsContext).validationResult?.ok === false,
    );
    const context = path.state.context as CmsContext;
    // then it went through storing, logged the failure, and still reports the violation
    expect(path.steps.map((s) => String(s.state.value))).toContain('storing');
    expect(context.validationResult?.violations.map((v) => v.rule)).toEqual(['minPriority']);
    expect(context.log).toHaveLength(1);
    expect(context.log[0]).toMatch(/^validation failed \(priority 1 is below the minimum of 2\); logged/);
    // and under a real parent the profile went to its UDB, then to the client: no error
    const { posts } = runUnderParent(
      m.machine,
      m.input,
      path.steps.slice(1).map((s) => s.event),
    );
    expect(posts.map((p) => `${p.to}:${p.message.type}`)).toEqual(DELIVERY_POSTS);
  });

  it("cms primary: asked by the partner's CMS => the request to its UDB identifies that partner", () => {
    // given the primary CMS, asked over CSC-17 by a request that does not identify the partner (10.1.4.3.3 step 2)
    const m = model('cms primary');
    // when it passes the request on
    const { posts } = runUnderParent(m.machine, m.input, [request('partner-cms', null)]);
    // then the request to its UDB includes the partner's identification, from the peer that asked (step 3)
    expect(posts).toEqual([
      {
        from: 'primary-cms',
        to: 'primary-udb',
        message: {
          type: 'profile.request',
          from: 'primary-cms',
          request: { serviceId: SERVICE_ID, purpose: 'migration', partnerSystemId: PARTNER },
        },
      },
    ]);
  });

  it('client: start then a profile => configured, holding the profile', () => {
    // given the client
    const m = model('client (migrating)');
    // when following the shortest path to configured
    const path = pathTo(m, (s) => s.value === 'configured');
    // then it holds the delivered profile and sent its request to its server: for migration, and (10.1.4.3.3 step 1)
    // without an identification of the partner MC system
    expect((path.state.context as ClientContext).profiles).toEqual([MODIFIED.profile]);
    expect((path.state.context as ClientContext).request).toEqual({
      serviceId: SERVICE_ID,
      purpose: 'migration',
      partnerSystemId: null,
    });
    const { posts } = runUnderParent(
      m.machine,
      m.input,
      path.steps.slice(1).map((s) => s.event),
    );
    expect(posts).toEqual([
      {
        from: 'cmc',
        to: 'partner-cms',
        message: {
          type: 'profile.request',
          from: 'cmc',
          request: { serviceId: SERVICE_ID, purpose: 'migration', partnerSystemId: null },
        },
      },
    ]);
  });
});

describe('full runs of the presets visit every state of every machine', () => {
  it('each preset under every procedure', () => {
    // given every preset, and one whose first request is lost to a client with a timer (its `failed` state),
    // run under each of the four procedures
    const visited = new Map<string, Set<string>>();
    const base = PRESETS[0]!.scenario;
    const lostRequest = {
      ...base,
      faults: [{ kind: 'drop' as const, step: 1 }],
      timing: { timeoutMs: { cmc: 1000 } },
    };
    // when collecting the state of every entity in every snapshot
    for (const scenario of [...PRESETS.map((p) => p.scenario), lostRequest]) {
      for (const procedure of PROCEDURE_IDS) {
        for (const snapshot of simulate(scenario, procedure).snapshots) {
          for (const entity of Object.values(snapshot)) {
            const states = visited.get(entity.id) ?? new Set<string>();
            states.add(entity.state);
            visited.set(entity.id, states);
          }
        }
      }
    }
    // then every state of each entity's machine was visited
    for (const [id, machine] of Object.entries(ENTITY_MACHINES)) {
      expect([...(visited.get(id) ?? [])].sort()).toEqual(stateKeys(machine).sort());
    }
  });
});
