import { startLongJob } from './test/support/long-job.ts';
import { testCluster } from './test/support/test-cluster.ts';
const cluster = testCluster();
const job = await startLongJob(cluster, 'spark://127.0.0.21:7077,127.0.0.22:7077', 60);
const r = await job.result;
console.log('exit', r.exitCode, r.stdout.split('\n').filter((l) => /Pi|Failed|Rounds/.test(l)).join(' | '));
console.log(r.stderr.split('\n').filter((l) => /ecommission|ailed|Lost|lost/.test(l)).slice(0, 30).join('\n'));
