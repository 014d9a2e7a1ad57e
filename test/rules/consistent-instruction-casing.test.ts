import { consistentInstructionCasing } from '../../server/src/engine/rules/consistent-instruction-casing';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(consistentInstructionCasing, {
  valid: [
    dockerfile('FROM alpine', 'RUN echo hello > /greeting.txt', 'ENTRYPOINT ["cat", "/greeting.txt"]'),
    dockerfile('from alpine', 'run echo hello > /greeting.txt', 'entrypoint ["cat", "/greeting.txt"]'),
    // Words inside a heredoc or a continuation are not keywords.
    dockerfile('FROM alpine', 'RUN <<EOF', 'run this', 'EOF', 'RUN echo \\', '  copy that'),
    // ../shared/corpus/moby__buildkit__Dockerfile
    dockerfile('# syntax=docker/dockerfile-upstream:master', 'ARG GO_VERSION=1.26', 'FROM golang:${GO_VERSION}-alpine AS golatest', 'COPY --link --from=golatest / /'),
  ],
  invalid: [
    {
      code: dockerfile('From alpine', 'Run echo hello > /greeting.txt', 'EntRYpOiNT ["cat", "/greeting.txt"]'),
      lines: [1, 2, 3],
      message: 'uppercase',
      output: dockerfile('FROM alpine', 'RUN echo hello > /greeting.txt', 'ENTRYPOINT ["cat", "/greeting.txt"]'),
    },
    {
      // ../shared/corpus/Mounish137__Build-python-container__Dockerfile: the majority is lower case.
      code: dockerfile('from ubuntu:latest', 'copy hello_world.py /', 'cmd pwd', 'RUN apt-get update', 'entrypoint [ "python3", "-s"]'),
      lines: [4],
      message: "Command 'RUN' should match the case of the command majority (lowercase)",
      output: dockerfile('from ubuntu:latest', 'copy hello_world.py /', 'cmd pwd', 'run apt-get update', 'entrypoint [ "python3", "-s"]'),
    },
    {
      // A tie goes to upper case.
      code: dockerfile('FROM alpine', 'run true'),
      lines: [2],
      output: dockerfile('FROM alpine', 'RUN true'),
    },
  ],
});
