import type { Profile } from '../core/model/profile';
import { parseProfileXml, ProfileXmlError } from '../core/xml/profileXml';
import { LIMITS, tooLarge } from '../core/model/limits';
import { inputName, readInput, runCli, runEntry, UsageError, type Io } from './io';

const USAGE = 'usage: npm run --silent profile -- <profile.xml | ->';

/**
 * CONTRACT.md §5: reads one TS 24.484 `mcptt-user-profile` document and prints the Profile as JSON. The document is
 * kept in the profile's `xml` field, so the elements the mapping does not know are written back on export.
 */
export function main(argv: string[], io: Io): number {
  return runCli(
    'profile',
    () => {
      if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
        io.out(`${USAGE}\n`);
        return 0;
      }
      const [file, ...rest] = argv;
      if (file === undefined || rest.length || (file.startsWith('-') && file !== '-')) {
        throw new UsageError(`expected one profile document (or - for standard input); ${USAGE}`);
      }
      const text = readInput(file, io, {
        bytes: LIMITS.documentBytes,
        message: (bytes) => tooLarge('document', bytes),
      });
      let profile: Profile;
      try {
        profile = parseProfileXml(text);
      } catch (error) {
        if (error instanceof ProfileXmlError) throw new UsageError(`${inputName(file)}: ${error.message}`);
        throw error;
      }
      io.out(`${JSON.stringify(profile, null, 2)}\n`);
      return 0;
    },
    io,
  );
}

runEntry(import.meta.url, 'profile', main);
