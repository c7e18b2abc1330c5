import { udbContext, udbSetup } from './udb';

/**
 * The MC service user database in the partner MC system: it modifies the profile received from the primary by its
 * local policy, stores it and passes it on (10.1.4.3.2 steps 7-9, 10.1.4.3.3 steps 8-10, the draft's 10-12); in the
 * draft it first asks its CMS to fetch the profile (step 3).
 */
export const partnerUdbMachine = udbSetup.createMachine({
  id: 'partnerUdb',
  context: udbContext,
  initial: 'idle',
  states: {
    idle: {
      on: {
        'profile.provide': {
          target: 'modifying',
          actions: ['remember', 'receive', { type: 'selfPost', params: { type: 'udb.modify' } }],
        },
        // The draft, step 3: the partner UDB asks its CMS to fetch the profile from the primary.
        'profile.request': { target: 'awaitingProfile', actions: ['remember', 'askCmsToFetch'] },
      },
    },
    awaitingProfile: {
      tags: ['waiting'],
      on: {
        'profile.provide': {
          target: 'modifying',
          actions: ['receive', { type: 'selfPost', params: { type: 'udb.modify' } }],
        },
        'profile.error': { target: 'idle', actions: 'passOnError' },
        'timer.fire': { target: 'idle', actions: 'replyWithTimeout' },
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
          { guard: 'storeFails', target: 'idle', actions: 'storeFailed' },
          { target: 'idle', actions: 'storeAndReply' },
        ],
      },
    },
  },
});
