import { udbContext, udbSetup } from './udb';

/**
 * The MC service user database in the user's primary MC system: it retrieves the applicable profile for migration
 * (10.1.4.3.2 step 3, 10.1.4.3.3 step 4, the draft's 6) and stores the profile the partner modified (10.1.4.3.2 step 13).
 */
export const primaryUdbMachine = udbSetup.createMachine({
  id: 'primaryUdb',
  context: udbContext,
  initial: 'idle',
  states: {
    idle: {
      on: {
        'profile.request': {
          target: 'retrieving',
          actions: ['remember', { type: 'selfPost', params: { type: 'udb.retrieve' } }],
        },
        // 10.1.4.3.2 step 12.
        'profile.provide': {
          target: 'storing',
          actions: ['remember', 'receive', { type: 'selfPost', params: { type: 'udb.store' } }],
        },
      },
    },
    retrieving: {
      on: {
        'udb.retrieve': [
          { guard: 'profileFound', target: 'idle', actions: 'retrieve' },
          // The clauses are silent on a user with no profile for this partner: an error back (an assumption).
          { guard: 'noProfileFound', target: 'idle', actions: 'noProfile' },
        ],
      },
    },
    storing: {
      on: {
        'udb.store': [
          { guard: 'storeFails', target: 'idle', actions: 'storeFailed' },
          { target: 'idle', actions: 'storeAndAcknowledge' },
        ],
      },
    },
  },
});
