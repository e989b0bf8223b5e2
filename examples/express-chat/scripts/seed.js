'use strict';

// A one-off script, not part of the service process: ignored by the audit.
const fs = require('node:fs');

const fixtures = [{ name: 'ada' }, { name: 'grace' }];
fs.mkdirSync('data', { recursive: true });
fs.writeFileSync('data/users.json', JSON.stringify(fixtures, null, 2));
