import { and, not } from 'xstate';
import { cmsContext, cmsSetup } from './cms';

/**
 * The configuration management server in the partner MC system: it asks the primary for a migrating client's profile
 * (10.1.4.3.3; in the draft through its own UDB first), has its UDB localise whatever profile the primary sends, and
 * passes the result to whoever is waiting for it (the client, or the primary CMS in 10.1.4.3.2).
 */
export const partnerCmsMachine = cmsSetup.createMachine({
  id: 'partnerCms',
  context: cmsContext,
  initial: 'idle',
  states: {
    idle: {
      on: {
        'profile.request': [
          { guard: 'preconditionFailed', actions: 'preconditionError' },
          // The draft's step 2: the partner CMS asks its own UDB first.
          {
            guard: and(['preconditionsMet', 'fetchesViaUdb']),
            target: 'awaitingUdb',
            actions: ['remember', { type: 'forwardRequest', params: { to: 'udb' } }],
          },
          // 10.1.4.3.3 step 2: straight to the primary CMS over CSC-17.
          {
            guard: and(['preconditionsMet', not('fetchesViaUdb')]),
            target: 'awaitingPrimary',
            actions: ['remember', { type: 'forwardRequest', params: { to: 'peer' } }],
          },
        ],
        // 10.1.4.3.2 steps 5-6: the primary sends the profile for migration, unasked; on to the UDB.
        'profile.provide': {
          guard: 'unaskedFromPeer',
          target: 'localising',
          actions: ['remember', 'holdProfile', { type: 'forwardProfile', params: { to: 'udb' } }],
        },
      },
    },
    awaitingUdb: {
      tags: ['waiting'],
      // The draft's steps 3-4: the UDB asks the CMS to fetch the profile from the primary.
      on: {
        'profile.request': {
          guard: { type: 'from', params: { who: 'udb' } },
          target: 'awaitingPrimary',
          actions: ['remember', { type: 'forwardRequest', params: { to: 'peer' } }],
        },
        'timer.fire': { target: 'idle', actions: 'replyWithTimeout' },
      },
    },
    awaitingPrimary: {
      tags: ['waiting'],
      on: {
        'profile.provide': [
          // The draft's step 9: the answer to the UDB that asked.
          {
            guard: { type: 'answer', params: { from: 'peer', for: 'udb' } },
            target: 'localising',
            actions: ['holdProfile', 'replyWithProfile'],
          },
          // 10.1.4.3.3 step 7: on to the UDB to be localised.
          {
            guard: { type: 'answer', params: { from: 'peer', for: 'client' } },
            target: 'localising',
            actions: ['holdProfile', { type: 'forwardProfile', params: { to: 'udb' } }],
          },
        ],
        'profile.error': [
          // The draft: the UDB asked, and passes the error back; the client still waits.
          {
            guard: { type: 'answer', params: { from: 'peer', for: 'udb' } },
            target: 'localising',
            actions: 'replyWithError',
          },
          {
            guard: { type: 'answer', params: { from: 'peer', for: 'client' } },
            target: 'idle',
            actions: 'replyWithError',
          },
        ],
        // Its timer (the clauses give none): an error to whoever asked, as for an error from the primary.
        'timer.fire': [
          {
            guard: { type: 'latestFrom', params: { who: 'udb' } },
            target: 'localising',
            actions: 'replyWithTimeout',
          },
          { target: 'idle', actions: 'replyWithTimeout' },
        ],
      },
    },
    localising: {
      tags: ['waiting'],
      // The UDB's modified profile (10.1.4.3.2 step 9, 10.1.4.3.3 step 10, the draft's 12) goes to whoever waits.
      on: {
        'profile.provide': {
          guard: { type: 'from', params: { who: 'udb' } },
          target: 'idle',
          actions: 'replyWithProfile',
        },
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
