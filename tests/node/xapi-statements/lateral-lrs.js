// lateral-lrs.js: Learning Locker's xapi-statements service, bound to loopback
//
// Copyright 2026 The Lateral authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The service calls app.listen(port) and so listens on every interface.
// Lateral's tests must send traffic nowhere but this machine, so every
// server it creates is made to listen on 127.0.0.1 only, whatever it asks.
// Configuration is the service's own environment (tests/test-lrs.py sets
// it: memory storage, test auth, EXPRESS_PORT, folders in the test's dir).
'use strict';

const http = require('http');

const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (...args) {
  const port = typeof args[0] === 'object' && args[0] !== null ? args[0].port : args[0];
  const callback = args.find((arg) => typeof arg === 'function');
  return listen.call(this, { port: Number(port), host: '127.0.0.1' }, callback);
};

require('xapi-statements/dist/server');
