import { and, assertEvent, assign, enqueueActions, sendParent, setup } from 'xstate';
import type { EntityId } from '../ids';
import type { Change } from '../policy';
import { profilesFor, type Profile } from '../profile';
import { validateProfile, type ValidationResult, type ValidationRules } from '../validation';
import { post, type EntityMessage, type Pending } from './messages';

export interface CmsInput {
  id: EntityId;
  role: 'primary' | 'partner';
  systemId: string;
  /** This system's MC service user database. */
  udb: EntityId;
  /** The configuration management server of the other system (CSC-17). */
  peer: EntityId;
  /** Primary only: the user's profiles, which the CMS obtains for a non-migrated user (10.1.4.3.1 step 2). */
  userProfiles: Profile[];
  serviceIds: string[];
  /** Primary only: the checks of 10.1.4.3.2 step 11. */
  validation: ValidationRules | undefined;
  /** Partner only, the earlier draft: the CMS asks its own UDB first, and the UDB asks it to fetch from the primary. */
  fetchViaUdb: boolean;
  /** Checked on a migrating client's request (an assumption: the clauses state them only as preconditions). */
  preconditions: { migrationPermitted: boolean; authenticatedInPartner: boolean };
}

export interface CmsContext extends CmsInput {
  /** Requests received and not yet answered, the latest last: each reply goes to the latest. */
  pending: Pending[];
  /** The profile in hand (received, to forward, to validate, to deliver). */
  profile: Profile | null;
  changes: Change[];
  /** 10.1.4.3.1: the profiles obtained for the client. */
  obtained: Profile[];
  validationResult: ValidationResult | null;
}

type Msg<T extends EntityMessage['type']> = Extract<EntityMessage, { type: T }>;

const top = (context: CmsContext): Pending | undefined => context.pending[context.pending.length - 1];
const checkProfile = (context: CmsContext) =>
  validateProfile(context.profile ?? { index: 0 }, context.validation);
const popped = (context: CmsContext) => context.pending.slice(0, -1);

/** The configuration management server, primary or partner: one machine, its role given as input. */
export const cmsMachine = setup({
  types: {
    input: {} as CmsInput,
    context: {} as CmsContext,
    events: {} as EntityMessage,
  },
  guards: {
    preconditionFailed: ({ context, event }) =>
      event.type === 'profile.request' &&
      event.from === 'cmc' &&
      event.request.partnerSystemId !== null &&
      !(context.preconditions.migrationPermitted && context.preconditions.authenticatedInPartner),
    nonMigratingClient: ({ event }) =>
      event.type === 'profile.request' && event.request.partnerSystemId === null,
    isPartner: ({ context }) => context.role === 'partner',
    isPrimary: ({ context }) => context.role === 'primary',
    asksOwnUdbFirst: ({ context, event }) =>
      context.role === 'partner' &&
      context.fetchViaUdb &&
      event.type === 'profile.request' &&
      event.from === 'cmc',
    partnerAsksPrimary: ({ context, event }) =>
      context.role === 'partner' && event.type === 'profile.request' && event.from === 'cmc',
    udbIsWaiting: ({ context }) => top(context)?.from === context.udb,
    clientIsWaiting: ({ context }) => top(context)?.from === 'cmc',
    validationPasses: ({ context }) => checkProfile(context).ok,
    othersWaiting: ({ context }) => context.pending.length > 1,
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
              : {
                  serviceId: context.serviceIds[0] ?? '',
                  partnerSystemId: context.role === 'partner' ? context.systemId : null,
                },
        },
      ],
    }),
    forwardRequest: sendParent(({ context, event }, params: { to: 'udb' | 'peer' }) => {
      assertEvent(event, 'profile.request');
      const message: Msg<'profile.request'> = {
        type: 'profile.request',
        from: context.id,
        request: event.request,
      };
      return post({ from: context.id, to: params.to === 'udb' ? context.udb : context.peer, message });
    }),
    holdProfile: assign(({ event }) =>
      event.type === 'profile.provide'
        ? { profile: event.profiles[0] ?? null, changes: event.changes ?? [] }
        : {},
    ),
    forwardProfile: sendParent(({ context, event }, params: { to: 'udb' | 'peer' }) => {
      assertEvent(event, 'profile.provide');
      const to = params.to === 'udb' ? context.udb : context.peer;
      return post({ from: context.id, to, message: { ...event, from: context.id } });
    }),
    replyWithProfile: enqueueActions(({ context, event, enqueue }) => {
      const requester = top(context);
      if (!requester) return;
      const profiles =
        event.type === 'profile.provide'
          ? event.profiles
          : context.profile
            ? [context.profile]
            : context.obtained;
      const changes = event.type === 'profile.provide' ? (event.changes ?? []) : context.changes;
      const message: Msg<'profile.provide'> = {
        type: 'profile.provide',
        from: context.id,
        profiles,
        changes,
      };
      enqueue.sendParent(post({ from: context.id, to: requester.from, message }));
      enqueue.assign({ pending: popped(context), profile: profiles[0] ?? null, changes });
    }),
    replyWithError: enqueueActions(({ context, event, enqueue }, params: { reason?: string }) => {
      const requester = top(context) ?? (event.type === 'profile.request' ? { from: event.from } : undefined);
      if (!requester) return;
      const passedOn = event.type === 'profile.error';
      const message: Msg<'profile.error'> = {
        type: 'profile.error',
        from: context.id,
        reason: params.reason ?? (passedOn ? event.reason : 'error'),
        assumption: true,
        ...(passedOn && event.violations ? { violations: event.violations } : {}),
      };
      enqueue.sendParent(post({ from: context.id, to: requester.from, message }));
      enqueue.assign({ pending: popped(context) });
    }),
    preconditionError: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'profile.request');
      const failed = [
        context.preconditions.migrationPermitted ? null : 'the MC service user is not permitted to migrate',
        context.preconditions.authenticatedInPartner
          ? null
          : 'the MC service user has not authenticated in the partner MC system',
      ].filter(Boolean);
      const message: Msg<'profile.error'> = {
        type: 'profile.error',
        from: context.id,
        reason: `precondition not met: ${failed.join('; ')}`,
        assumption: true,
      };
      enqueue.sendParent(post({ from: context.id, to: event.from, message }));
    }),
    selfPost: sendParent(({ context }, params: { type: 'cms.obtain' | 'cms.validate' }) =>
      post({ from: context.id, to: context.id, message: { type: params.type, from: context.id } }),
    ),
    obtain: assign({ obtained: ({ context }) => profilesFor(context.userProfiles, context.serviceIds) }),
    validate: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ validationResult: checkProfile(context) });
    }),
    sendForStorage: enqueueActions(({ context, enqueue }) => {
      const message: Msg<'profile.provide'> = {
        type: 'profile.provide',
        from: context.id,
        profiles: context.profile ? [context.profile] : [],
        changes: context.changes,
      };
      enqueue.sendParent(post({ from: context.id, to: context.udb, message }));
    }),
    refuseValidation: enqueueActions(({ context, enqueue }) => {
      const result = context.validationResult;
      const requester = top(context);
      if (!result || !requester) return;
      const message: Msg<'profile.error'> = {
        type: 'profile.error',
        from: context.id,
        reason: `validation failed: ${result.violations.map((v) => v.message).join('; ')}`,
        assumption: false,
        violations: result,
      };
      enqueue.sendParent(post({ from: context.id, to: requester.from, message }));
      enqueue.assign({ pending: popped(context) });
    }),
  },
}).createMachine({
  id: 'cms',
  context: ({ input }) => ({
    ...input,
    pending: [],
    profile: null,
    changes: [],
    obtained: [],
    validationResult: null,
  }),
  initial: 'idle',
  states: {
    idle: {
      on: {
        'profile.request': [
          { guard: 'preconditionFailed', actions: 'preconditionError' },
          {
            guard: 'nonMigratingClient',
            target: 'obtaining',
            actions: ['remember', { type: 'selfPost', params: { type: 'cms.obtain' } }],
          },
          {
            guard: 'asksOwnUdbFirst',
            target: 'awaitingProfile',
            actions: ['remember', { type: 'forwardRequest', params: { to: 'udb' } }],
          },
          {
            guard: 'partnerAsksPrimary',
            target: 'awaitingProfile',
            actions: ['remember', { type: 'forwardRequest', params: { to: 'peer' } }],
          },
          {
            target: 'awaitingProfile',
            actions: ['remember', { type: 'forwardRequest', params: { to: 'udb' } }],
          },
        ],
        // 10.1.4.3.2 step 5: the primary sends the profile for migration to the partner, unasked.
        'profile.provide': {
          guard: 'isPartner',
          target: 'localising',
          actions: ['remember', 'holdProfile', { type: 'forwardProfile', params: { to: 'udb' } }],
        },
      },
    },
    obtaining: {
      on: { 'cms.obtain': { target: 'idle', actions: ['obtain', 'replyWithProfile'] } },
    },
    awaitingProfile: {
      on: {
        // The earlier draft, step 3: the partner UDB asks its CMS to fetch the profile from the primary.
        'profile.request': { actions: ['remember', { type: 'forwardRequest', params: { to: 'peer' } }] },
        'profile.provide': [
          { guard: 'udbIsWaiting', target: 'localising', actions: ['holdProfile', 'replyWithProfile'] },
          {
            guard: and(['isPrimary', 'clientIsWaiting']),
            target: 'localising',
            actions: ['holdProfile', { type: 'forwardProfile', params: { to: 'peer' } }],
          },
          { guard: 'isPrimary', target: 'idle', actions: 'replyWithProfile' },
          {
            target: 'localising',
            actions: ['holdProfile', { type: 'forwardProfile', params: { to: 'udb' } }],
          },
        ],
        // The error goes to the latest requester; an earlier one (the client, in the draft) still waits for it.
        'profile.error': [
          {
            guard: 'othersWaiting',
            target: 'awaitingProfile',
            actions: { type: 'replyWithError', params: {} },
          },
          { target: 'idle', actions: { type: 'replyWithError', params: {} } },
        ],
      },
    },
    localising: {
      on: {
        'profile.provide': [
          {
            guard: 'isPrimary',
            target: 'validating',
            actions: ['holdProfile', { type: 'selfPost', params: { type: 'cms.validate' } }],
          },
          { target: 'idle', actions: 'replyWithProfile' },
        ],
        'profile.error': { target: 'idle', actions: { type: 'replyWithError', params: {} } },
      },
    },
    validating: {
      on: {
        'cms.validate': [
          {
            target: 'storing',
            guard: 'validationPasses',
            actions: ['validate', 'sendForStorage'],
          },
          { target: 'idle', actions: ['validate', 'refuseValidation'] },
        ],
      },
    },
    storing: {
      on: { 'profile.stored': { target: 'idle', actions: 'replyWithProfile' } },
    },
  },
});
