#!/usr/bin/env node
// The spark-azure command line: the shared bundle, committed beside this file.
require('./spark-azure.cjs').runCli(process.argv);
