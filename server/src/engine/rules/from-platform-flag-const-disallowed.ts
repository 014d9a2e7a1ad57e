import { buildCheckUrl } from './correctness-helpers';
import type { Rule } from './types';

const OSES = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'illumos', 'ios', 'js', 'linux', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows']);
const ARCH_ALIASES: Record<string, string> = { x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm', armel: 'arm', i386: '386', i686: '386' };

/** The OS and architecture of a platform string as containerd's `platforms.Parse` normalises them, or undefined when it is not one. */
export function parsePlatform(value: string): { os: string; arch: string } | undefined {
  const parts = value.toLowerCase().split('/');
  if (parts.length > 3 || parts.some((p) => !/^[a-z0-9._-]+$/.test(p))) return undefined;
  const normalize = (arch: string) => ARCH_ALIASES[arch] ?? arch;
  if (parts.length === 1) return OSES.has(parts[0]) ? { os: parts[0], arch: 'amd64' } : { os: 'linux', arch: normalize(parts[0]) };
  const os = parts[0] === 'macos' ? 'darwin' : parts[0];
  return { os, arch: normalize(parts[1]) };
}

export const fromPlatformFlagConstDisallowed: Rule = {
  id: 'from-platform-flag-const-disallowed',
  category: 'correctness',
  defaultSeverity: 'warning',
  fixAvailability: 'none',
  docs: {
    summary: '`FROM --platform=` with a constant platform',
    what:
      'Reports `FROM --platform=linux/amd64` (any value without a variable) unless the stage name contains the platform\'s OS or architecture ' +
      '(`AS build-amd64`), which marks a deliberately platform-specific stage. This is BuildKit\'s `FromPlatformFlagConstDisallowed` build check.',
    why:
      'A constant platform pins the stage to one architecture whatever the build asks for: `docker build --platform linux/arm64` (or a ' +
      'multi-platform build) still gets amd64 binaries and wheels, which fail with "exec format error" on ARM machines or run under slow emulation.',
    example: 'FROM --platform=linux/amd64 python:3.12-slim\nRUN pip install --no-cache-dir numpy',
    useInstead: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir numpy',
    fixSafety:
      'No automatic fix: drop the flag and pass `--platform` on the command line, use `--platform=$BUILDPLATFORM` for a cross-compiling builder, ' +
      'or name the stage after its platform when it really is platform-specific.',
    references: [buildCheckUrl('from-platform-flag-const-disallowed'), 'https://docs.docker.com/build/building/multi-platform/'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const flag of stage.from.flags) {
        if (flag.name !== 'platform' || flag.value === undefined || flag.value.includes('$')) continue;
        const platform = parsePlatform(flag.value);
        if (!platform) continue;
        const name = (stage.name ?? '').toLowerCase();
        if (name.includes(platform.os) || name.includes(platform.arch)) continue;
        report({
          span: flag.span,
          message: `FROM --platform flag should not use constant value "${flag.value}": the stage is built for ${platform.os}/${platform.arch} whatever platform the build targets`,
        });
      }
    }
  },
};
