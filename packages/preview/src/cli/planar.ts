#!/usr/bin/env node
/**
 * The `planar` command: `planar dev`, `planar stories`, `planar new`, `planar build`. Each subcommand lives in its
 * own module, loaded only when asked for, and returns its exit code.
 */
const HELP = `Usage: planar <command> [options]

Commands:
  dev <entry>      run an app with hot swapping in the browser preview, or on a device over ssh
  stories [dir]    browse the stories (*.stories.tsx) in the browser preview
  new <name>       make a new app from the template
  build <entry>    bundle an app into one file that starts fast (with V8's code cache)

planar <command> --help tells more.`;

type Command = { main(argv: string[]): Promise<number> };

const COMMANDS: Record<string, () => Promise<Command>> = {
  dev: () => import('../dev/cli.js'),
  stories: () => import('../stories/cli.js'),
  new: () => import('../scaffold/cli.js'),
  build: () => import('../bundler/cli.js'),
};

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP);
    return command === undefined ? 2 : 0;
  }
  const load = COMMANDS[command];
  if (!load) {
    console.error(`planar: unknown command "${command}" (known: ${Object.keys(COMMANDS).join(', ')}; see planar --help)`);
    return 2;
  }
  return (await load()).main(rest);
}

run(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    console.error(`planar: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
