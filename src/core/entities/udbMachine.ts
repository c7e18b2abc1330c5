import { assertEvent, assign, enqueueActions, sendParent, setup } from 'xstate';
import type { EntityId } from '../ids';
import { applyPolicy, type Change, type Policy } from '../policy';
import { profilesFor, selectMigrationProfile, type Profile } from '../profile';
import type { CachedProfile } from '../schema';
import { post, type EntityMessage, type Pending } from './messages';

export interface UdbInput {
  id: EntityId;
  role: 'primary' | 'partner';
  systemId: string;
  /** This system's configuration management server. */
  cms: EntityId;
  /** Primary: all of the user's profiles, ordinary and for migration. */
  userProfiles: Profile[];
  /** Partner: the local policy imposed on migrating users' profiles (the modify step). */
  policy: Policy | undefined;
  /** Partner: a profile stored by an earlier migration, if any. */
  cache: CachedProfile | null;
}

export interface UdbContext extends UdbInput {
  pending: Pending[];
  /** The profile for migration this database retrieved (primary). */
  retrieved: Profile | null;
  /** The profile received from its CMS (to modify, or to store). */
  received: Profile | null;
  /** The profile after the local policy, and what the policy changed (partner). */
  modified: Profile | null;
  changes: Change[];
  /** What this database stored during the procedure. */
  stored: Profile | null;
  /** The cached profile that the store replaced. */
  replaced: CachedProfile | null;
}

type Msg<T extends EntityMessage['type']> = Extract<EntityMessage, { type: T }>;

const top = (context: UdbContext): Pending | undefined => context.pending[context.pending.length - 1];
/** The applicable profile for migration: the requesting user's own, for the partner it names. */
const applicable = (context: UdbContext) => {
  const request = top(context)?.request;
  if (!request?.partnerSystemId) return undefined;
  return selectMigrationProfile(
    profilesFor(context.userProfiles, [request.serviceId]),
    request.partnerSystemId,
  );
};

/** The MC service user database, primary or partner: one machine, its role given as input. */
export const udbMachine = setup({
  types: {
    input: {} as UdbInput,
    context: {} as UdbContext,
    events: {} as EntityMessage,
  },
  guards: {
    isPrimary: ({ context }) => context.role === 'primary',
    isPartner: ({ context }) => context.role === 'partner',
    profileFound: ({ context }) => applicable(context) !== undefined,
  },
  actions: {
    remember: assign({
      pending: ({ context, event }) => [
        ...context.pending,
        {
          from: event.from,
          request:
            event.type === 'profile.request'
              ? event.request
              : { serviceId: '', partnerSystemId: context.systemId },
        },
      ],
    }),
    receive: assign({
      received: ({ event, context }) =>
        event.type === 'profile.provide' ? (event.profiles[0] ?? null) : context.received,
    }),
    askCmsToFetch: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'profile.request');
      const message: Msg<'profile.request'> = {
        type: 'profile.request',
        from: context.id,
        request: event.request,
      };
      enqueue.sendParent(post({ from: context.id, to: context.cms, message }));
    }),
    selfPost: sendParent(({ context }, params: { type: 'udb.retrieve' | 'udb.modify' | 'udb.store' }) =>
      post({ from: context.id, to: context.id, message: { type: params.type, from: context.id } }),
    ),
    retrieve: enqueueActions(({ context, enqueue }) => {
      const profile = applicable(context) ?? null;
      enqueue.assign({ retrieved: profile, pending: context.pending.slice(0, -1) });
      const requester = top(context);
      if (profile && requester) {
        const message: Msg<'profile.provide'> = {
          type: 'profile.provide',
          from: context.id,
          profiles: [profile],
        };
        enqueue.sendParent(post({ from: context.id, to: requester.from, message }));
      }
    }),
    noProfile: enqueueActions(({ context, enqueue }) => {
      const requester = top(context);
      if (!requester) return;
      const partner = requester.request.partnerSystemId ?? '?';
      const message: Msg<'profile.error'> = {
        type: 'profile.error',
        from: context.id,
        reason: `no MC service user profile for migration to ${partner} (none names "${partner}" or "*")`,
        assumption: true,
      };
      enqueue.sendParent(post({ from: context.id, to: requester.from, message }));
      enqueue.assign({ pending: context.pending.slice(0, -1) });
    }),
    modify: enqueueActions(({ context, enqueue }) => {
      if (!context.received) return;
      const result = applyPolicy(context.received, context.policy);
      enqueue.assign({ modified: result.profile, changes: result.changes });
    }),
    storeAndReply: enqueueActions(({ context, enqueue }) => {
      const requester = top(context);
      const profile = context.modified;
      if (!profile || !requester) return;
      enqueue.assign({
        stored: profile,
        replaced: context.cache,
        cache: null,
        pending: context.pending.slice(0, -1),
      });
      const message: Msg<'profile.provide'> = {
        type: 'profile.provide',
        from: context.id,
        profiles: [profile],
        changes: context.changes,
        modified: true,
      };
      enqueue.sendParent(post({ from: context.id, to: requester.from, message }));
    }),
    storeAndAcknowledge: enqueueActions(({ context, enqueue }) => {
      const requester = top(context);
      if (!requester) return;
      enqueue.assign({ stored: context.received, pending: context.pending.slice(0, -1) });
      // 10.1.4.3.2 step 13: "stores the received MC service user profile and acknowledges the request" (one step).
      const message: Msg<'profile.stored'> = { type: 'profile.stored', from: context.id };
      enqueue.sendParent(post({ from: context.id, to: requester.from, message, sameStep: true }));
    }),
    passOnError: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'profile.error');
      const requester = top(context);
      if (!requester) return;
      enqueue.sendParent(
        post({ from: context.id, to: requester.from, message: { ...event, from: context.id } }),
      );
      enqueue.assign({ pending: context.pending.slice(0, -1) });
    }),
  },
}).createMachine({
  id: 'udb',
  context: ({ input }) => ({
    ...input,
    pending: [],
    retrieved: null,
    received: null,
    modified: null,
    changes: [],
    stored: null,
    replaced: null,
  }),
  initial: 'idle',
  states: {
    idle: {
      on: {
        'profile.request': [
          {
            guard: 'isPrimary',
            target: 'retrieving',
            actions: ['remember', { type: 'selfPost', params: { type: 'udb.retrieve' } }],
          },
          // The earlier draft, step 3: the partner UDB asks its CMS to fetch the profile from the primary.
          { target: 'awaitingProfile', actions: ['remember', 'askCmsToFetch'] },
        ],
        'profile.provide': [
          {
            guard: 'isPartner',
            target: 'modifying',
            actions: ['remember', 'receive', { type: 'selfPost', params: { type: 'udb.modify' } }],
          },
          {
            target: 'storing',
            actions: ['remember', 'receive', { type: 'selfPost', params: { type: 'udb.store' } }],
          },
        ],
      },
    },
    awaitingProfile: {
      on: {
        'profile.provide': {
          target: 'modifying',
          actions: ['receive', { type: 'selfPost', params: { type: 'udb.modify' } }],
        },
        'profile.error': { target: 'idle', actions: 'passOnError' },
      },
    },
    retrieving: {
      on: {
        'udb.retrieve': [
          { guard: 'profileFound', target: 'idle', actions: 'retrieve' },
          { target: 'idle', actions: 'noProfile' },
        ],
      },
    },
    modifying: {
      on: {
        'udb.modify': {
          target: 'storing',
          actions: ['modify', { type: 'selfPost', params: { type: 'udb.store' } }],
        },
      },
    },
    storing: {
      on: {
        'udb.store': [
          { guard: 'isPartner', target: 'idle', actions: 'storeAndReply' },
          { target: 'idle', actions: 'storeAndAcknowledge' },
        ],
      },
    },
  },
});
