// validate.js: every statement of a JSON array, through xapi-validation
//
// Copyright 2026 The Lateral authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Usage: node validate.js FILE
// Prints one line per problem (statement index, path, message) and exits 1
// when there is any; prints "N statements valid" and exits 0 otherwise.
'use strict';

const fs = require('fs');
const validate = require('@learninglocker/xapi-validation').default;

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate.js FILE');
  process.exit(2);
}
const statements = JSON.parse(fs.readFileSync(file, 'utf8'));
if (!Array.isArray(statements)) {
  console.error(`${file}: not a JSON array of statements`);
  process.exit(1);
}

let problems = 0;
statements.forEach((statement, index) => {
  for (const warning of validate(statement)) {
    problems++;
    const path = (warning.path || []).join('.');
    console.log(`${file}: [${index}] ${path}: ${warning.message || warning.constructor.name}`);
  }
});
if (problems > 0) {
  console.log(`${problems} problems in ${statements.length} statements`);
  process.exit(1);
}
console.log(`${statements.length} statements valid`);
