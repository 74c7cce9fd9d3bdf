/**
 * Type checks in the background: `tsc --noEmit -p <tsconfig>` after each build, never blocking a
 * swap. A check still running when the next build lands is stopped and started again, so the
 * result always speaks of the newest code.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The project's own tsc (node_modules/.bin/tsc in its folder or a folder above), or null. */
export function findTsc(root: string): string | null {
  let dir = root;
  for (;;) {
    const tsc = path.join(dir, 'node_modules', '.bin', 'tsc');
    if (existsSync(tsc)) return tsc;
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** The error lines of tsc's output (`file(line,col): error TS…: text`), in order. */
export function typeErrorsOf(output: string): string[] {
  return output.split(/\r?\n/).filter((line) => /\berror TS\d+:/.test(line));
}

export class TypeChecker {
  private child: ChildProcess | null = null;

  /** `report` gets the error lines of each finished check (empty when the project type checks). */
  constructor(private readonly tsc: string, private readonly tsconfig: string, private readonly report: (errors: string[]) => void) {}

  /** Starts a check, stopping one still running. */
  run(): void {
    this.stop();
    let output = '';
    const child = spawn(this.tsc, ['--noEmit', '--pretty', 'false', '-p', this.tsconfig], { cwd: path.dirname(this.tsconfig), stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.on('error', (error) => {
      if (this.child === child) this.report([`cannot run ${this.tsc}: ${error.message}`]);
    });
    child.on('close', (code, signal) => {
      if (this.child !== child || signal) return;
      this.child = null;
      const errors = typeErrorsOf(output);
      this.report(code !== 0 && errors.length === 0 ? [output.trim() || `tsc exited with code ${code}`] : errors);
    });
  }

  /** Stops a running check (safe to call twice). */
  stop(): void {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null && child.pid !== undefined) child.kill();
  }
}
