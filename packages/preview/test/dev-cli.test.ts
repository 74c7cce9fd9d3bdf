/**
 * `planar dev`'s arguments and its ssh failures, as a person meets them: what was understood,
 * and errors that say what to do.
 */
import { describe, expect, it } from 'vitest';
import { DEV_HELP, parseDevArgs, UsageError } from '../src/dev/cli.js';
import { explainSshFailure, shellQuote, sshArgs } from '../src/dev/ssh.js';

describe('planar dev arguments', () => {
  it.each([
    ['desktop', ['src/main.tsx'], { entry: 'src/main.tsx', typeCheck: true, open: false, sshOptions: [] }],
    ['desktop-port-and-host', ['--port=7070', '--host', '0.0.0.0', '--token', 's3', 'src/main.tsx'], { port: 7070, host: '0.0.0.0', token: 's3' }],
    ['no-type-check', ['--no-type-check', 'src/main.tsx'], { typeCheck: false }],
    ['device', ['--device', 'pi@panel', '--backend=kms', '--port', '2222', 'src/main.tsx'], { device: 'pi@panel', backend: 'kms', port: 2222 }],
    ['device-ssh-options', ['--device=pi@panel', '--identity', 'k', '--ssh-option', 'A=1', '--ssh-option=B=2', '--remote-dir', '~/app', 'e.tsx'], { identity: 'k', sshOptions: ['A=1', 'B=2'], remoteDir: '~/app' }],
    ['help', ['--help'], { help: true }],
  ] as const)('%s', (_name, argv, expected) => {
    expect(parseDevArgs(argv, {})).toMatchObject(expected);
  });

  it.each([
    ['token-from-env', ['src/main.tsx'], { PLANAR_PREVIEW_TOKEN: 'from-the-environment-0' }, 'from-the-environment-0'],
    ['token-flag-wins', ['--token', 'from-the-command-line', 'src/main.tsx'], { PLANAR_PREVIEW_TOKEN: 'from-the-environment-0' }, 'from-the-command-line'],
    ['token-env-ignored-on-device', ['--device', 'pi@x', 'src/main.tsx'], { PLANAR_PREVIEW_TOKEN: 'from-the-environment-0' }, undefined],
    ['token-env-empty', ['src/main.tsx'], { PLANAR_PREVIEW_TOKEN: '' }, undefined],
  ] as const)('%s', (_name, argv, env, token) => {
    expect(parseDevArgs(argv, env).token).toBe(token);
  });

  it('help: a ~ in an example is quoted, the token has a way that ps cannot show, and restarts are advised', () => {
    expect(DEV_HELP).toContain("--remote-dir '~/my-app'");
    expect(DEV_HELP).not.toMatch(/--remote-dir ~/);
    expect(DEV_HELP).toContain('PLANAR_PREVIEW_TOKEN');
    expect(DEV_HELP).toMatch(/restart planar dev after many hundreds of saves/);
  });

  it.each([
    ['no-entry', [], /the entry module is missing, e\.g\. planar dev src\/main\.tsx/],
    ['two-entries', ['a.tsx', 'b.tsx'], /takes one entry, got a\.tsx b\.tsx/],
    ['unknown-option', ['--watch', 'a.tsx'], /unknown option --watch/],
    ['port-not-a-number', ['--port', 'http', 'a.tsx'], /--port must be a port number from 0 to 65535, got "http"/],
    ['port-missing', ['a.tsx', '--port'], /--port needs a value/],
    ['backend-unknown', ['--device', 'pi@x', '--backend=fbdev', 'a.tsx'], /--backend must be one of auto, kms, wayland, headless/],
    ['backend-without-device', ['--backend=kms', 'a.tsx'], /go with --device user@host/],
    ['open-with-device', ['--device', 'pi@x', '--open', 'a.tsx'], /for the desktop preview, not --device/],
    ['ssh-option-malformed', ['--device', 'pi@x', '--ssh-option', 'nonsense', 'a.tsx'], /--ssh-option takes Key=Value/],
  ] as const)('%s', (_name, argv, message) => {
    expect(() => parseDevArgs(argv, {})).toThrow(UsageError);
    expect(() => parseDevArgs(argv, {})).toThrow(message);
  });
});

describe('ssh', () => {
  const target = { destination: 'pi@panel.local', port: 2222 };

  it.each([
    ['auth', 'pi@panel.local: Permission denied (publickey).', /refused the key\. Install yours there once with `ssh-copy-id pi@panel\.local`/],
    ['unresolved', 'ssh: Could not resolve hostname panel.local: Name or service not known', /host name does not resolve/],
    ['refused', 'ssh: connect to host panel.local port 2222: Connection refused', /refused the connection: is its ssh server running and on this port\?/],
    ['unreachable', 'ssh: connect to host 10.0.0.9 port 22: No route to host', /cannot reach the device .*powered, on the same network/],
    ['timeout', 'ssh: connect to host 10.0.0.9 port 22: Connection timed out', /cannot reach the device/],
    ['host-key', 'Host key verification failed.', /host key .* unknown or changed/],
    ['other', 'kex_exchange_identification: something odd', /ssh to pi@panel\.local \(port 2222\) failed\.\n  ssh said: kex_exchange/],
  ] as const)('failure-%s', (_name, stderr, explained) => {
    expect(explainSshFailure(target, stderr)).toMatch(explained);
  });

  it('args: batch mode, a timeout, the port, the key and the options before the destination', () => {
    const args = sshArgs({ ...target, identity: '/k', options: ['StrictHostKeyChecking=accept-new'] }, 'node --version');
    expect(args).toContain('BatchMode=yes');
    expect(args.slice(-2)).toEqual(['pi@panel.local', 'node --version']);
    expect(args.join(' ')).toContain('-p 2222 -i /k -o IdentitiesOnly=yes -o StrictHostKeyChecking=accept-new');
  });

  it('quote: words the remote shell would split or expand are quoted', () => {
    expect(shellQuote('planar-dev/app')).toBe('planar-dev/app');
    expect(shellQuote("my app's dir")).toBe(`'my app'\\''s dir'`);
    expect(shellQuote('$(rm -rf /)')).toBe("'$(rm -rf /)'");
  });
});
