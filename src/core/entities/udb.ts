import { assertEvent, assign, enqueueActions, sendParent, setup } from 'xstate';
import type { EntityId } from '../model/ids';
import { applyPolicy, type Change, type Policy } from '../model/policy';
import { profilesFor, selectMigrationProfile, type Profile } from '../model/profile';
import type { CachedProfile } from '../model/schema';
import { latest, post, type EntityMessage, type Pending, serverTimeoutError } from './messages';

/** The input of an MC service user database. Fields marked with a role are read by that role's machine only. */
export interface UdbInput {
  id: EntityId;
  systemId: string;
  /** This system's configuration management server (CSC-13). */
  cms: EntityId;
  /** Primary: all of the user's profiles, ordinary and for migration. */
  userProfiles: Profile[];
  /** Primary: the user's MCPTT ID (a profile naming no MC service ID is taken as the MCPTT one). */
  userMcpttId: string;
  /** Partner: the local policy imposed on migrating users' profiles (the modify step). */
  policy: Policy | undefined;
  /** Partner: a profile stored by an earlier migration, if any. */
  cache: CachedProfile | null;
  /** Its store step fails (a `store-fails` fault, CONTRACT.md §10): it answers with an error instead. */
  storeFails: boolean;
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

const popped = (context: UdbContext) => context.pending.slice(0, -1);
/** The applicable profile for migration: the requesting user's own, for the partner the request identifies. */
const applicable = (context: UdbContext) => {
  const request = latest(context.pending)?.request;
  if (!request?.partnerSystemId) return undefined;
  return selectMigrationProfile(
    profilesFor(context.userProfiles, request.serviceId, context.userMcpttId),
    request.partnerSystemId,
  );
};

/**
 * Why no profile for migration to `partner` is found: none names it (or "*"), or those that do are disabled
 * (`status: false`), which the message says, so that a user who sees the partner named is not told it is not.
 */
function noProfileReason(profiles: readonly Profile[], partner: string): string {
  const naming = profiles.filter(
    (p) => p.migration?.partners.includes(partner) || p.migration?.partners.includes('*'),
  );
  if (!naming.length)
    return `no MC service user profile for migration to ${partner} (none names "${partner}" or "*")`;
  const which = naming.map((p) => `profile ${p.index}`).join(', ');
  const verb = naming.length > 1 ? 'name it but are' : 'names it but is';
  return `no enabled MC service user profile for migration to ${partner} (${which} ${verb} disabled: status false)`;
}

/**
 * What the primary and the partner MC service user databases share: types, guards and actions. Each role's machine
 * (`primaryUdbMachine.ts`, `partnerUdbMachine.ts`) is its own state chart on this setup.
 */
export const udbSetup = setup({
  types: {
    input: {} as UdbInput,
    context: {} as UdbContext,
    events: {} as EntityMessage,
  },
  guards: {
    profileFound: ({ context }) => applicable(context) !== undefined,
    noProfileFound: ({ context }) => applicable(context) === undefined,
    storeFails: ({ context }) => context.storeFails,
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
              : { serviceId: '', purpose: 'migration' as const, partnerSystemId: null },
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
      const requester = latest(context.pending);
      enqueue.assign({ retrieved: profile, pending: popped(context) });
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
      const requester = latest(context.pending);
      if (!requester) return;
      const partner = requester.request.partnerSystemId;
      const message: Msg<'profile.error'> = {
        type: 'profile.error',
        from: context.id,
        reason: partner
          ? noProfileReason(
              profilesFor(context.userProfiles, requester.request.serviceId, context.userMcpttId),
              partner,
            )
          : 'the request identifies no partner MC system',
        assumption: true,
        basis: ['no-migration-profile'],
      };
      enqueue.sendParent(post({ from: context.id, to: requester.from, message }));
      enqueue.assign({ pending: popped(context) });
    }),
    modify: enqueueActions(({ context, enqueue }) => {
      if (!context.received) return;
      const result = applyPolicy(context.received, context.policy);
      enqueue.assign({ modified: result.profile, changes: result.changes });
    }),
    storeAndReply: enqueueActions(({ context, enqueue }) => {
      const requester = latest(context.pending);
      const profile = context.modified;
      if (!profile || !requester) return;
      enqueue.assign({ stored: profile, replaced: context.cache, cache: null, pending: popped(context) });
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
      const requester = latest(context.pending);
      if (!requester) return;
      enqueue.assign({ stored: context.received, pending: popped(context) });
      // 10.1.4.3.2 step 13: "stores the received MC service user profile and acknowledges the request" (one step).
      const message: Msg<'profile.stored'> = { type: 'profile.stored', from: context.id };
      enqueue.sendParent(post({ from: context.id, to: requester.from, message, sameStep: true }));
    }),
    passOnError: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'profile.error');
      const requester = latest(context.pending);
      if (!requester) return;
      const message: Msg<'profile.error'> = {
        ...event,
        from: context.id,
        basis: [...(event.basis ?? []), 'errors-travel-back'],
      };
      enqueue.sendParent(post({ from: context.id, to: requester.from, message }));
      enqueue.assign({ pending: popped(context) });
    }),
    /** The store fails (a `store-fails` fault): nothing is stored, and whoever asked gets an error. */
    storeFailed: enqueueActions(({ context, enqueue }) => {
      const requester = latest(context.pending);
      if (!requester) return;
      const message: Msg<'profile.error'> = {
        type: 'profile.error',
        from: context.id,
        reason: `${context.id} could not store the profile (a store-fails fault)`,
        assumption: true,
        basis: ['store-fails'],
        cause: 'store-fails',
      };
      enqueue.sendParent(post({ from: context.id, to: requester.from, message }));
      enqueue.assign({ pending: popped(context) });
    }),
    /** Its timer fired while it waited for its CMS (the draft's partner UDB): an error to whoever asked. */
    replyWithTimeout: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'timer.fire');
      const requester = latest(context.pending);
      if (!requester) return;
      const message = serverTimeoutError(context.id, event.afterMs);
      enqueue.sendParent(post({ from: context.id, to: requester.from, message }));
      enqueue.assign({ pending: popped(context) });
    }),
  },
});

// Every field written out (no spread of the input): a run builds five contexts, and the player runs often.
export const udbContext = ({ input }: { input: UdbInput }): UdbContext => ({
  id: input.id,
  systemId: input.systemId,
  cms: input.cms,
  userProfiles: input.userProfiles,
  userMcpttId: input.userMcpttId,
  policy: input.policy,
  cache: input.cache,
  storeFails: input.storeFails,
  pending: [],
  retrieved: null,
  received: null,
  modified: null,
  changes: [],
  stored: null,
  replaced: null,
});
