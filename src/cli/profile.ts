import type { Profile } from '../core/model/profile';
import { parseProfileXml, ProfileXmlError } from '../core/xml/profileXml';
import { LIMITS, tooLarge } from '../core/model/limits';
import { helpText, oneOperand, parseCommandLine, type CommandSpec } from './args';
import { inputName, readInput, runCli, runEntry, UsageError, type Io } from './io';

export const PROFILE: CommandSpec = {
  name: 'profile',
  summary:
    "Reads TS 24.484 mcptt-user-profile documents and prints each as the simulator's Profile in JSON (CONTRACT.md §5).",
  operands: '<profile.xml | ->',
  operandHelp: [
    '<profile.xml | ->  a document, or - for standard input; several documents one after the other (each with its',
    '                   XML declaration, as sim --format xml writes them) give a JSON array of Profiles',
  ],
  options: [],
  notes: ['Elements the simulator does not map are kept in the Profile\'s "xml" and written back on export.'],
  examples: ['examples/profile.xml', '- < examples/profile.xml'],
};

/**
 * The documents of a text: one, or several one after the other as `sim --format xml` writes them, each starting with
 * its XML declaration. A text without declarations is one document.
 */
export function splitDocuments(text: string): string[] {
  const parts = text.split(/(?=<\?xml[\s?])/).filter((part) => part.trim() !== '');
  return parts.length ? parts : [text];
}

/**
 * CONTRACT.md §5 and §14: reads TS 24.484 `mcptt-user-profile` documents and prints the Profile (several: a list)
 * as JSON. The document is kept in the profile's `xml` field, so the elements the mapping does not know are written
 * back on export.
 */
export function main(argv: string[], io: Io): number {
  return runCli(
    'profile',
    () => {
      const args = parseCommandLine(PROFILE, argv);
      if (args.help) {
        io.out(helpText(PROFILE));
        return 0;
      }
      const file = oneOperand(PROFILE, args, 'profile document');
      const text = readInput(file, io, {
        bytes: LIMITS.documentBytes,
        message: (bytes) => tooLarge('document', bytes),
      });
      const documents = splitDocuments(text);
      const problems: string[] = [];
      const profiles: Profile[] = [];
      documents.forEach((document, i) => {
        const which = documents.length > 1 ? ` (document ${i + 1} of ${documents.length})` : '';
        try {
          profiles.push(parseProfileXml(document));
        } catch (error) {
          if (!(error instanceof ProfileXmlError)) throw error;
          problems.push(`${inputName(file)}${which}: ${error.message}`);
        }
      });
      const [first] = problems;
      if (first !== undefined) {
        const more = problems.length > 1 ? ` (and ${problems.length - 1} more; --all-errors lists them)` : '';
        if (args.allErrors && problems.length > 1)
          throw new UsageError(`${problems.length} problems`, problems);
        throw new UsageError(`${first}${more}`);
      }
      io.out(`${JSON.stringify(profiles.length === 1 ? profiles[0] : profiles, null, 2)}\n`);
      return 0;
    },
    io,
  );
}

runEntry(import.meta.url, 'profile', main);
