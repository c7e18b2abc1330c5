import type { Procedure } from './types';

export const P10_1_4_3_1: Procedure = {
  id: '10.1.4.3.1',
  title: 'Non-migrated MC service user',
  figure: 'MC service user obtains the MC service user profile(s) from the network',
  source: 'spec/002_eb0511376d640cd6.txt',
  superseded: false,
  configuredBy: null,
  partnerFetchesViaUdb: false,
  migration: false,
  preconditions: [
    'The MC service user has performed user authentication in the identity management server.',
    'The MC service UE has secure access to the configuration management server.',
  ],
  steps: [
    {
      n: 1,
      from: 'cmc',
      to: 'primary-cms',
      kind: 'message',
      message: 'profile.request',
      label: 'get MC service user profile request',
      text: 'The configuration management client sends a get MC service user profile request message to the configuration management server, which includes the MC service ID.',
    },
    {
      n: 2,
      from: 'primary-cms',
      to: 'primary-cms',
      kind: 'action',
      message: 'cms.obtain',
      label: 'obtain profile information',
      text: 'The configuration management server obtains the MC service user profile information.',
    },
    {
      n: 3,
      from: 'primary-cms',
      to: 'cmc',
      kind: 'message',
      message: 'profile.provide',
      label: 'get MC service user profile response',
      text: 'The configuration management server sends get MC service user profile response message to the configuration management client. When a download is necessary, this message includes all MC service user profiles that are associated with the MC service ID.',
    },
  ],
  branches: [],
};
