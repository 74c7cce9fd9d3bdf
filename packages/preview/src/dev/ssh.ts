/**
 * ssh for `planar dev --device`: the arguments every call shares, and what a failure means in
 * words a person can act on. Every call runs in batch mode (a key, never a password prompt) with
 * a connection timeout, so an unreachable panel fails in seconds instead of hanging.
 */
import { spawn } from 'node:child_process';

export interface SshTarget {
  /** `user@host` (or a Host alias of ~/.ssh/config). */
  destination: string;
  /** The ssh port (default: ssh's own, 22 or the config's). */
  port?: number;
  /** A private key file (ssh -i). */
  identity?: string;
  /** Extra ssh options, `Key=Value` each (ssh -o). */
  options?: string[];
}

/** The ssh command line for running `remoteCommand` on the target. */
export function sshArgs(target: SshTarget, remoteCommand: string): string[] {
  return [
    '-o', 'BatchMode=yes', '-o', 'ConnectTimeout=10', '-o', 'ServerAliveInterval=5', '-o', 'ServerAliveCountMax=3',
    ...(target.port !== undefined ? ['-p', String(target.port)] : []),
    ...(target.identity ? ['-i', target.identity, '-o', 'IdentitiesOnly=yes'] : []),
    ...(target.options ?? []).flatMap((o) => ['-o', o]),
    target.destination, remoteCommand,
  ];
}

/** Quotes a word for the remote POSIX shell. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** What went wrong, from ssh's exit code (255: ssh itself failed) and its stderr, with what to do. */
export function explainSshFailure(target: SshTarget, stderr: string): string {
  const where = `${target.destination}${target.port !== undefined ? ` (port ${target.port})` : ''}`;
  const said = stderr.trim().split(/\r?\n/).filter((l) => !/^Warning: Permanently added/.test(l)).join('\n  ');
  const because = said ? `\n  ssh said: ${said}` : '';
  if (/Permission denied|Too many authentication failures/i.test(stderr)) {
    return `cannot log in to ${where}: the device refused the key. Install yours there once with \`ssh-copy-id ${target.destination}\` (or give --identity FILE); planar dev never asks for a password.${because}`;
  }
  if (/Could not resolve hostname|Name or service not known|nodename nor servname/i.test(stderr)) {
    return `cannot find the device ${where}: the host name does not resolve. Check the spelling, or use its IP address.${because}`;
  }
  if (/Connection refused/i.test(stderr)) {
    return `the device ${where} refused the connection: is its ssh server running and on this port? (on the device: sudo systemctl enable --now ssh)${because}`;
  }
  if (/timed out|No route to host|Network is unreachable|Connection closed|Connection reset/i.test(stderr)) {
    return `cannot reach the device ${where}: check that it is powered, on the same network, and that the address is right.${because}`;
  }
  if (/Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED/i.test(stderr)) {
    return `the host key of ${where} is unknown or changed: connect once with \`ssh ${target.destination}\` to check and accept it.${because}`;
  }
  return `ssh to ${where} failed.${because || ' (ssh printed nothing)'}`;
}

export interface SshResult { code: number; stdout: string; stderr: string }

/** Runs a short command on the target and collects its output. */
export function sshRun(target: SshTarget, remoteCommand: string): Promise<SshResult> {
  return new Promise((resolve) => {
    const child = spawn('ssh', sshArgs(target, remoteCommand), { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('error', (error) => resolve({ code: 255, stdout, stderr: `cannot run ssh: ${error.message} (install the OpenSSH client)` }));
    child.on('close', (code) => resolve({ code: code ?? 255, stdout, stderr }));
  });
}
