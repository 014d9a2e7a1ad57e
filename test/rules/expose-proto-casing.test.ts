import { exposeProtoCasing } from '../../server/src/engine/rules/expose-proto-casing';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(exposeProtoCasing, {
  valid: [
    dockerfile('FROM alpine', 'EXPOSE 80/tcp'),
    dockerfile('FROM alpine', 'EXPOSE 80 443/tcp 53/udp'),
    dockerfile('FROM alpine', 'ENV PROTO=TCP', 'EXPOSE 80/$PROTO'),
    // ../shared/corpus/open-webui__open-webui__Dockerfile
    dockerfile('FROM python:3.11-slim-bookworm AS base', 'EXPOSE 8080'),
  ],
  invalid: [
    {
      code: dockerfile('FROM alpine', 'EXPOSE 80/TcP'),
      lines: [2],
      message: "Defined protocol '80/TcP' in EXPOSE instruction should be lowercase",
      output: dockerfile('FROM alpine', 'EXPOSE 80/tcp'),
    },
    {
      code: dockerfile('FROM alpine', 'EXPOSE 8000/TCP 8001/udp 53/UDP'),
      lines: [2, 2],
      output: dockerfile('FROM alpine', 'EXPOSE 8000/tcp 8001/udp 53/udp'),
    },
  ],
});
