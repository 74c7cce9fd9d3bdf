/**
 * `planar new <name>` (and `npm run new-app -- <name>` at the repository's root): creates
 * apps/<name> from the template, adds it to the workspaces, runs `npm install` and prints
 * what to run next.
 */
import { ScaffoldError, scaffoldApp } from './index.js';

const USAGE = `usage: planar new <name> [--no-install]

Creates apps/<name>: a Planar app with a screen (src/App.tsx), its entry (src/main.tsx),
a story, a test with its golden, and the scripts dev, start, build, test and stories.
The name is lower-case letters, digits and dashes, starting with a letter.

  --no-install   add the app to the workspaces but do not run npm install
  --help         show this`;

/** Runs the command with its arguments (those after `new`); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const args = argv[0] === 'new' && argv.length > 1 ? argv.slice(1) : argv;
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const unknown = args.filter((arg) => arg.startsWith('-') && arg !== '--no-install');
  const names = args.filter((arg) => !arg.startsWith('-'));
  if (unknown.length) return usageError(`unknown option ${unknown.join(', ')}`);
  if (names.length !== 1) return usageError(names.length ? `one name at a time (got ${names.join(', ')})` : 'give the app a name, e.g. planar new kitchen-panel');

  try {
    const app = scaffoldApp({ name: names[0]!, install: !args.includes('--no-install'), log: (line) => console.log(line) });
    const width = Math.max(...app.nextSteps.map((step) => step.command.length));
    console.log(`\nYour app is in ${app.dir}. Next, from ${app.registered ? 'the repository root' : 'there'}:`);
    for (const step of app.nextSteps) console.log(`  ${step.command.padEnd(width)}   # ${step.what}`);
    return 0;
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    console.error(`planar new: ${error.message}`);
    return 1;
  }
}

function usageError(message: string): number {
  console.error(`planar new: ${message}\n\n${USAGE}`);
  return 2;
}
