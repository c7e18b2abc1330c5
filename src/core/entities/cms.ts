import { assertEvent, assign, enqueueActions, sendParent, setup } from 'xstate';
import type { EntityId } from '../model/ids';
import type { Change } from '../model/policy';
import { profilesFor, type Profile } from '../model/profile';
import { validateProfile, type ValidationResult, type ValidationRules } from '../model/validation';
import {
  latest,
  post,
  type EntityMessage,
  type Pending,
  type ProfileRequest,
  serverTimeoutError,
} from './messages';

/** The input of a configuration management server. Fields marked with a role are read by that role's machine only. */
export interface CmsInput {
  id: EntityId;
  systemId: string;
  /** This system's MC service user database (CSC-13). */
  udb: EntityId;
  /** The configuration management server of the other system (CSC-17). */
  peer: EntityId;
  /** The other system's id: the primary CMS knows which partner asks from the CSC-17 peer that asked. */
  peerSystemId: string;
  /** Checked on a migrating client's request (an assumption: the clauses state them only as preconditions). */
  preconditions: { migrationPermitted: boolean; authenticatedInPartner: boolean };
  /** Primary: the user's profiles, which the CMS obtains for a non-migrated user (10.1.4.3.1 step 2). */
  userProfiles: Profile[];
  /** Primary: the user's MCPTT ID (a profile naming no MC service ID is taken as the MCPTT one). */
  userMcpttId: string;
  /** Primary: the checks of 10.1.4.3.2 step 11, and what a failed check does (`onFailure`). */
  validation: ValidationRules | undefined;
  /** Partner, the earlier draft: the CMS asks its own UDB first, and the UDB asks it to fetch from the primary. */
  fetchViaUdb: boolean;
  /**
   * Partner, 10.1.4.3.2 only: a profile the primary sends unasked (step 5) is taken when idle. Elsewhere a profile
   * arriving at an idle partner CMS is a late answer, discarded.
   */
  acceptsUnasked: boolean;
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
  /** What the CMS logged (10.1.4.3.2 step 11 "validates (and may also log)"), oldest first. */
  log: string[];
}

type Msg<T extends EntityMessage['type']> = Extract<EntityMessage, { type: T }>;
type Requester = 'client' | 'udb' | 'peer';

const checkProfile = (context: CmsContext) =>
  validateProfile(context.profile ?? { index: 0 }, context.validation);
const popped = (context: CmsContext) => context.pending.slice(0, -1);
const idOf = (context: CmsContext, who: Requester): EntityId =>
  who === 'client' ? 'cmc' : who === 'udb' ? context.udb : context.peer;
const migrationRequestFromClient = (event: EntityMessage) =>
  event.type === 'profile.request' && event.from === 'cmc' && event.request.purpose === 'migration';
const preconditionsHold = (context: CmsContext) =>
  context.preconditions.migrationPermitted && context.preconditions.authenticatedInPartner;
const onFailure = (context: CmsContext) => context.validation?.onFailure ?? 'prohibit';

/**
 * What the primary and the partner configuration management servers share: their types, guards and actions. Each
 * role's machine (`primaryCmsMachine.ts`, `partnerCmsMachine.ts`) is its own state chart on this setup, so neither
 * asks which role it plays. The guards of one state's alternatives exclude each other: their order does not matter.
 */
export const cmsSetup = setup({
  types: {
    input: {} as CmsInput,
    context: {} as CmsContext,
    events: {} as EntityMessage,
  },
  guards: {
    preconditionFailed: ({ context, event }) =>
      migrationRequestFromClient(event) && !preconditionsHold(context),
    preconditionsMet: ({ context, event }) => migrationRequestFromClient(event) && preconditionsHold(context),
    ownProfilesRequested: ({ event }) =>
      event.type === 'profile.request' && event.from === 'cmc' && event.request.purpose === 'own',
    fromPeer: ({ context, event }) => event.from === context.peer,
    /** The message comes from the entity this state waits for: anything else is discarded (CONTRACT.md §10). */
    from: ({ context, event }, params: { who: 'udb' | 'peer' }) =>
      event.from === (params.who === 'udb' ? context.udb : context.peer),
    /** An answer from `from` while the latest request is `for`'s: anything else is discarded. */
    answer: ({ context, event }, params: { from: 'udb' | 'peer'; for: Requester }) =>
      event.from === (params.from === 'udb' ? context.udb : context.peer) &&
      latest(context.pending)?.from === idOf(context, params.for),
    unaskedFromPeer: ({ context, event }) => context.acceptsUnasked && event.from === context.peer,
    fetchesViaUdb: ({ context }) => context.fetchViaUdb,
    latestFrom: ({ context }, params: { who: Requester }) =>
      latest(context.pending)?.from === idOf(context, params.who),
    validationPasses: ({ context }) => checkProfile(context).ok,
    failedCheckContinues: ({ context }) => !checkProfile(context).ok && onFailure(context) === 'continue',
    failedCheckProhibits: ({ context }) => !checkProfile(context).ok && onFailure(context) === 'prohibit',
  },
  actions: {
    remember: assign({
      pending: ({ context, event }) => {
        // A profile sent unasked (10.1.4.3.2 step 5) is remembered as the sender's request for it back.
        const request: ProfileRequest =
          event.type === 'profile.request'
            ? event.request
            : {
                serviceId: event.type === 'profile.provide' ? (event.profiles[0]?.mcpttId ?? '') : '',
                purpose: 'migration',
                partnerSystemId: null,
              };
        return [...context.pending, { from: event.from, request }];
      },
    }),
    /**
     * Passes a request on. `identifyPartner`: the request now includes the partner MC system's identification,
     * which the primary CMS knows from the CSC-17 peer that asked (10.1.4.3.3 step 3, the draft's step 5).
     */
    forwardRequest: sendParent(
      ({ context, event }, params: { to: 'udb' | 'peer'; identifyPartner?: boolean }) => {
        assertEvent(event, 'profile.request');
        const request: ProfileRequest = params.identifyPartner
          ? { ...event.request, partnerSystemId: context.peerSystemId }
          : event.request;
        const message: Msg<'profile.request'> = { type: 'profile.request', from: context.id, request };
        return post({ from: context.id, to: params.to === 'udb' ? context.udb : context.peer, message });
      },
    ),
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
      const requester = latest(context.pending);
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
    /** Passes an error on to the latest requester (an earlier one, the client in the draft, still waits for it). */
    replyWithError: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'profile.error');
      const requester = latest(context.pending);
      if (!requester) return;
      const message: Msg<'profile.error'> = {
        ...event,
        from: context.id,
        assumption: true,
        basis: [...(event.basis ?? []), 'errors-travel-back'],
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
        basis: ['preconditions'],
      };
      enqueue.sendParent(post({ from: context.id, to: event.from, message }));
    }),
    /** Its timer fired (the clauses give none): it stops waiting and answers whoever asked it with an error. */
    replyWithTimeout: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'timer.fire');
      const requester = latest(context.pending);
      if (!requester) return;
      const message = serverTimeoutError(context.id, event.afterMs);
      enqueue.sendParent(post({ from: context.id, to: requester.from, message }));
      enqueue.assign({ pending: popped(context) });
    }),
    selfPost: sendParent(({ context }, params: { type: 'cms.obtain' | 'cms.validate' }) =>
      post({ from: context.id, to: context.id, message: { type: params.type, from: context.id } }),
    ),
    obtain: assign({
      obtained: ({ context }) => {
        const request = latest(context.pending)?.request;
        return request ? profilesFor(context.userProfiles, request.serviceId, context.userMcpttId) : [];
      },
    }),
    validate: assign(({ context }) => ({ validationResult: checkProfile(context) })),
    /** 10.1.4.3.2 step 11 read as "may": the failed check is logged and processing continues in step 12. */
    logFailedCheck: assign(({ context }) => ({
      log: [
        ...context.log,
        `validation failed (${checkProfile(context)
          .violations.map((v) => v.message)
          .join('; ')}); logged, and processing continues in step 12 (onFailure: "continue")`,
      ],
    })),
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
      const requester = latest(context.pending);
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
});

// Every field written out (no spread of the input): a run builds five contexts, and the player runs often.
export const cmsContext = ({ input }: { input: CmsInput }): CmsContext => ({
  id: input.id,
  systemId: input.systemId,
  udb: input.udb,
  peer: input.peer,
  peerSystemId: input.peerSystemId,
  preconditions: input.preconditions,
  userProfiles: input.userProfiles,
  userMcpttId: input.userMcpttId,
  validation: input.validation,
  fetchViaUdb: input.fetchViaUdb,
  acceptsUnasked: input.acceptsUnasked,
  pending: [],
  profile: null,
  changes: [],
  obtained: [],
  validationResult: null,
  log: [],
});
