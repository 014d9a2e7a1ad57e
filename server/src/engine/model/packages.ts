// Recognises package-manager calls in shell commands: apt-get/apt, apk,
// pip (pip, pip3, pip3.12, python -m pip, /opt/venv/bin/pip), uv and poetry,
// with their options, operands and requirement files.

import type { Instruction, PackageInvocation, PackageManager, ShellCommand, ShellWord } from './types';

/** Words that may precede the program without being it. */
const WRAPPERS = new Set(['sudo', 'env', 'exec', 'time', 'nohup', 'command', 'then', 'else', 'do', 'if', 'elif', 'while', 'until', '!', 'xargs']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Options that take the next word as their value, per manager. */
const VALUE_OPTIONS: Record<PackageManager, Set<string>> = {
  apt: new Set(['-o', '-t', '-c', '--target-release', '--option', '--config-file']),
  apk: new Set(['-t', '--virtual', '-X', '--repository', '-p', '--root', '--arch', '--cache-dir', '--keys-dir', '--repositories-file']),
  pip: new Set([
    '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links',
    '-t', '--target', '--prefix', '--root', '--trusted-host', '--platform', '--python-version', '--only-binary', '--no-binary',
    '--progress-bar', '--cache-dir', '--src', '--upgrade-strategy', '--abi', '--implementation', '--log', '--proxy', '--timeout',
    '--retries', '--python', '--report', '--config-settings', '-C', '--group',
  ]),
  uv: new Set([
    '-r', '--requirement', '-c', '--constraint', '--override', '-p', '--python', '--index-url', '-i', '--extra-index-url', '--index',
    '--default-index', '-f', '--find-links', '--group', '--only-group', '--no-group', '--extra', '--package', '--cache-dir',
    '--target', '--prefix', '--link-mode', '--python-platform', '--directory', '--project', '-e', '--editable', '--no-install-package',
    '--exclude-newer', '--config-file', '--keyring-provider',
  ]),
  poetry: new Set(['--only', '--with', '--without', '-E', '--extras', '-f', '--format', '-o', '--output', '-C', '--directory', '--group', '-G']),
};

export function findPackageInvocations(commands: ShellCommand[]): PackageInvocation[] {
  const found: PackageInvocation[] = [];
  for (const command of commands) {
    const invocation = recognise(command);
    if (invocation) found.push(invocation);
  }
  return found.slice();
}

/** Index of the first word that is the program, skipping assignments and wrappers. */
export function programIndex(words: ShellWord[]): number {
  let i = 0;
  while (i < words.length) {
    const v = words[i].value;
    if (ASSIGNMENT.test(words[i].raw) || WRAPPERS.has(v)) {
      i++;
      // `sudo -u user` / `env -i`: skip their own options.
      while (i < words.length && (words[i - 1].value === 'sudo' || words[i - 1].value === 'env') && words[i].value.startsWith('-')) i++;
      continue;
    }
    break;
  }
  return i;
}

function baseName(program: string): string {
  const slash = program.lastIndexOf('/');
  return slash < 0 ? program : program.slice(slash + 1);
}

function recognise(command: ShellCommand): PackageInvocation | undefined {
  const words = command.words;
  const p = programIndex(words);
  if (p >= words.length) return undefined;
  const name = baseName(words[p].value);
  let manager: PackageManager | undefined;
  let program = name;
  let next = p + 1;
  if (name === 'apt-get' || name === 'apt' || name === 'aptitude') manager = 'apt';
  else if (name === 'apk') manager = 'apk';
  else if (/^pip(3(\.\d+)?)?$/.test(name)) manager = 'pip';
  else if (/^python(3(\.\d+)?)?$/.test(name)) {
    // python -m pip …  (python options such as -u or -I may come first)
    let j = next;
    while (j < words.length && words[j].value.startsWith('-') && words[j].value !== '-m') j++;
    if (words[j]?.value === '-m' && words[j + 1]?.value === 'pip') {
      manager = 'pip';
      program = `${name} -m pip`;
      next = j + 2;
    }
  } else if (name === 'uv') {
    manager = 'uv';
    if (words[next]?.value === 'pip') {
      program = 'uv pip';
      next++;
    }
  } else if (name === 'poetry') manager = 'poetry';
  if (!manager) return undefined;

  const values = VALUE_OPTIONS[manager];
  const options: ShellWord[] = [];
  const packages: ShellWord[] = [];
  const requirementFiles: ShellWord[] = [];
  let subcommand = '';
  let subcommandIndex = next - 1;
  for (let i = next; i < words.length; i++) {
    const word = words[i];
    const v = word.value;
    if (v.startsWith('-') && v.length > 1) {
      options.push(word);
      const eq = v.indexOf('=');
      const optName = eq < 0 ? v : v.slice(0, eq);
      if (eq < 0 && values.has(optName) && i + 1 < words.length) {
        const value = words[++i];
        options.push(value);
        if (optName === '-r' || optName === '--requirement') requirementFiles.push(value);
      } else if (eq > 0 && (optName === '--requirement')) {
        requirementFiles.push({ ...word, value: v.slice(eq + 1) });
      } else if (/^-r./.test(v) && manager !== 'apt' && manager !== 'apk') {
        requirementFiles.push({ ...word, value: v.slice(2) });
      }
      continue;
    }
    if (/^[0-9]*[<>]/.test(v)) {
      // A redirection ends the operands that matter.
      break;
    }
    if (!subcommand) {
      subcommand = v;
      subcommandIndex = i;
      if (manager === 'poetry' && subcommand === 'config') break;
      continue;
    }
    packages.push(word);
  }
  return { manager, program, subcommand, command, subcommandIndex, options: options.slice(), packages: packages.slice(), requirementFiles: requirementFiles.slice() };
}

export function hasOption(invocation: PackageInvocation, ...names: string[]): boolean {
  return invocation.options.some((o) => {
    const eq = o.value.indexOf('=');
    const name = eq < 0 ? o.value : o.value.slice(0, eq);
    return names.includes(name);
  });
}

/** Value of `--name value` or `--name=value`. */
export function optionValue(invocation: PackageInvocation, ...names: string[]): string | undefined {
  const opts = invocation.options;
  for (let i = 0; i < opts.length; i++) {
    const v = opts[i].value;
    const eq = v.indexOf('=');
    if (eq > 0 && names.includes(v.slice(0, eq))) return v.slice(eq + 1);
    if (names.includes(v) && i + 1 < opts.length && !opts[i + 1].value.startsWith('-')) return opts[i + 1].value;
  }
  return undefined;
}

/** apt-get / apk / pip "install"-like subcommands. */
export function isInstall(invocation: PackageInvocation): boolean {
  switch (invocation.manager) {
    case 'apt':
      return invocation.subcommand === 'install';
    case 'apk':
      return invocation.subcommand === 'add';
    case 'pip':
      return invocation.subcommand === 'install';
    case 'uv':
      return invocation.program === 'uv pip' ? invocation.subcommand === 'install' || invocation.subcommand === 'sync' : invocation.subcommand === 'sync';
    case 'poetry':
      return invocation.subcommand === 'install';
  }
}

/** A Python dependency install (pip/uv/poetry), as opposed to installing a tool such as pip itself, uv or poetry. */
export function isPythonDependencyInstall(invocation: PackageInvocation): boolean {
  if (invocation.manager === 'apt' || invocation.manager === 'apk') return false;
  if (!isInstall(invocation)) return false;
  if (invocation.manager === 'pip' || (invocation.manager === 'uv' && invocation.program === 'uv pip')) {
    if (invocation.requirementFiles.length > 0) return true;
    const names = invocation.packages.map((p) => p.value.toLowerCase());
    if (names.length === 0) return false;
    return !names.every((n) => /^(pip|setuptools|wheel|uv|poetry|pipenv|pdm|hatch|virtualenv)([<>=!~\s].*)?$/.test(n));
  }
  return true;
}

/** System packages (and apk virtual groups) that a RUN purges or deletes again, version pins dropped. */
export function packagesRemovedInRun(instruction: Instruction): Set<string> {
  const removed = new Set<string>();
  for (const invocation of instruction.run?.packages ?? []) {
    const removes =
      (invocation.manager === 'apt' && (invocation.subcommand === 'purge' || invocation.subcommand === 'remove' || invocation.subcommand === 'autoremove')) ||
      (invocation.manager === 'apk' && invocation.subcommand === 'del');
    if (!removes) continue;
    for (const word of invocation.packages) {
      const eq = word.value.indexOf('=');
      removed.add(eq < 0 ? word.value : word.value.slice(0, eq));
    }
  }
  return removed;
}
