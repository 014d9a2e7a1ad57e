import { maintainerDeprecated } from '../../server/src/engine/rules/maintainer-deprecated';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(maintainerDeprecated, {
  valid: [
    dockerfile('FROM alpine', 'LABEL org.opencontainers.image.authors="moby@example.com"'),
    // ../shared/corpus/pypa__manylinux__docker_Dockerfile
    dockerfile('FROM quay.io/pypa/manylinux_2_28_base', 'LABEL maintainer="The ManyLinux project"'),
  ],
  invalid: [
    {
      code: dockerfile('FROM alpine', 'MAINTAINER moby@example.com'),
      lines: [2],
      message: 'Maintainer instruction is deprecated',
      output: dockerfile('FROM alpine', 'LABEL org.opencontainers.image.authors="moby@example.com"'),
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'maintainer Jane "JD" Doe <jane@example.com> $5'),
      lines: [2],
      output: dockerfile('FROM python:3.12-slim', 'label org.opencontainers.image.authors="Jane \\"JD\\" Doe <jane@example.com> \\$5"'),
    },
    {
      code: '# escape=`\r\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\r\nMAINTAINER C:\\Users\\me "x"\r\n',
      lines: [3],
      output: '# escape=`\r\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\r\nLABEL org.opencontainers.image.authors="C:\\Users\\me `"x`""\r\n',
    },
  ],
});
