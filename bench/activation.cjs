// Activation cost, run by bench.mjs in a fresh process: how long `require` of
// the bundled extension client takes, with a stand-in `vscode` module (every
// property is a callable no-op), i.e. the load cost the extension adds to VS
// Code's extension host before `activate` runs.
//
//   node bench/activation.cjs <client.js>   → JSON on stdout

const Module = require('node:module');

function stub() {
  const target = function () {};
  const proxy = new Proxy(target, {
    get: (_, key) => (key === 'then' || typeof key === 'symbol' ? undefined : proxy),
    apply: () => proxy,
    construct: () => proxy,
  });
  return proxy;
}

const vscode = stub();
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};

const t0 = process.hrtime.bigint();
const extension = require(require('node:path').resolve(process.argv[2]));
const requireMs = Number(process.hrtime.bigint() - t0) / 1e6;
process.stdout.write(JSON.stringify({ requireMs, exportsActivate: typeof extension.activate === 'function', heapMiB: process.memoryUsage().heapUsed / 2 ** 20 }));
