import { exposeInvalidFormat } from '../../server/src/engine/rules/expose-invalid-format';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(exposeInvalidFormat, {
  valid: [
    dockerfile('FROM alpine', 'EXPOSE 80'),
    dockerfile('FROM alpine', 'EXPOSE 8000-8010/tcp 53/udp'),
    // ../shared/corpus/saleor__saleor__Dockerfile
    dockerfile('FROM python:3.12-slim', 'EXPOSE 8000'),
    // ../shared/corpus/mealie-recipes__mealie__docker_Dockerfile
    dockerfile('FROM python:3.10-slim', 'EXPOSE ${APP_PORT}'),
  ],
  invalid: [
    {
      code: dockerfile('FROM alpine', 'EXPOSE 127.0.0.1:80:80'),
      lines: [2],
      message: "found '127.0.0.1:80:80'",
      unsafe: true,
      output: dockerfile('FROM alpine', 'EXPOSE 80'),
    },
    {
      code: dockerfile('FROM alpine', 'EXPOSE 80:80 8443:443/tcp'),
      lines: [2, 2],
      unsafe: true,
      output: dockerfile('FROM alpine', 'EXPOSE 80 443/tcp'),
    },
    {
      code: dockerfile('FROM alpine', 'EXPOSE [::1]:8080:8080'),
      lines: [2],
      unsafe: true,
      output: dockerfile('FROM alpine', 'EXPOSE 8080'),
    },
  ],
});
