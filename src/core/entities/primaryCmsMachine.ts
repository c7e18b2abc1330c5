import { cmsContext, cmsSetup } from './cms';

/**
 * The configuration management server in the user's primary MC system: it obtains a non-migrated user's profiles
 * (10.1.4.3.1), fetches the profile for migration from its UDB for its own client (10.1.4.3.2) or for the partner's
 * CMS (10.1.4.3.3, the draft), validates what the partner made of it (10.1.4.3.2 step 11) and has it stored.
 */
export const primaryCmsMachine = cmsSetup.createMachine({
  id: 'primaryCms',
  context: cmsContext,
  initial: 'idle',
  states: {
    idle: {
      on: {
        'profile.request': [
          { guard: 'preconditionFailed', actions: 'preconditionError' },
          // 10.1.4.3.1 steps 1-2: the client's get MC service user profile request.
          {
            guard: 'ownProfilesRequested',
            target: 'obtaining',
            actions: ['remember', { type: 'selfPost', params: { type: 'cms.obtain' } }],
          },
          // 10.1.4.3.2 steps 1-2: the request (with the partner's identification) goes on to the UDB as it is.
          {
            guard: 'preconditionsMet',
            target: 'awaitingProfile',
            actions: ['remember', { type: 'forwardRequest', params: { to: 'udb' } }],
          },
          // 10.1.4.3.3 steps 2-3, the draft's 4-5: the partner's CMS asks; the request to the UDB names the partner.
          {
            guard: 'fromPeer',
            target: 'awaitingProfile',
            actions: ['remember', { type: 'forwardRequest', params: { to: 'udb', identifyPartner: true } }],
          },
        ],
      },
    },
    obtaining: {
      on: { 'cms.obtain': { target: 'idle', actions: ['obtain', 'replyWithProfile'] } },
    },
    awaitingProfile: {
      tags: ['waiting'],
      on: {
        'profile.provide': [
          // 10.1.4.3.2 step 5: on to the partner's CMS, which localises it and sends it back (step 10).
          {
            guard: { type: 'answer', params: { from: 'udb', for: 'client' } },
            target: 'awaitingModified',
            actions: ['holdProfile', { type: 'forwardProfile', params: { to: 'peer' } }],
          },
          // 10.1.4.3.3 step 6, the draft's 8: the answer to the partner's CMS.
          {
            guard: { type: 'answer', params: { from: 'udb', for: 'peer' } },
            target: 'idle',
            actions: 'replyWithProfile',
          },
        ],
        'profile.error': {
          guard: { type: 'from', params: { who: 'udb' } },
          target: 'idle',
          actions: 'replyWithError',
        },
        'timer.fire': { target: 'idle', actions: 'replyWithTimeout' },
      },
    },
    awaitingModified: {
      tags: ['waiting'],
      on: {
        // 10.1.4.3.2 step 10.
        'profile.provide': {
          guard: { type: 'from', params: { who: 'peer' } },
          target: 'validating',
          actions: ['holdProfile', { type: 'selfPost', params: { type: 'cms.validate' } }],
        },
        // The partner could not (a fault or its timer): the error goes on to the client.
        'profile.error': {
          guard: { type: 'from', params: { who: 'peer' } },
          target: 'idle',
          actions: 'replyWithError',
        },
        'timer.fire': { target: 'idle', actions: 'replyWithTimeout' },
      },
    },
    validating: {
      on: {
        // 10.1.4.3.2 step 11: passes, or fails and (onFailure) is prohibited or logged and continued.
        'cms.validate': [
          { guard: 'validationPasses', target: 'storing', actions: ['validate', 'sendForStorage'] },
          {
            guard: 'failedCheckContinues',
            target: 'storing',
            actions: ['validate', 'logFailedCheck', 'sendForStorage'],
          },
          { guard: 'failedCheckProhibits', target: 'idle', actions: ['validate', 'refuseValidation'] },
        ],
      },
    },
    storing: {
      tags: ['waiting'],
      // 10.1.4.3.2 steps 13-14: once its UDB acknowledges, the profile goes to the client.
      on: {
        'profile.stored': {
          guard: { type: 'from', params: { who: 'udb' } },
          target: 'idle',
          actions: 'replyWithProfile',
        },
        // Its UDB could not store it (a store-fails fault): the error goes on to the client.
        'profile.error': {
          guard: { type: 'from', params: { who: 'udb' } },
          target: 'idle',
          actions: 'replyWithError',
        },
        'timer.fire': { target: 'idle', actions: 'replyWithTimeout' },
      },
    },
  },
});
