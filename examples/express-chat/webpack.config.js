'use strict';

const path = require('node:path');

module.exports = {
  mode: 'development',
  entry: './client/index.js',
  output: { path: path.join(__dirname, 'public', 'js'), filename: 'bundle.js' },
};
