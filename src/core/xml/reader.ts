import type { Profile } from '../model/profile';

/** A document that is not an MCPTT user profile, or a value in it that is wrong: one line naming the element. */
export class ProfileXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileXmlError';
  }
}

/**
 * Reads a TS 24.484 document into a Profile, throwing ProfileXmlError. The scenario parser takes one as an option, so
 * that a face which rarely sees documents (the page) can load the XML library only when it does.
 */
export type ProfileXmlReader = (xml: string) => Profile;
