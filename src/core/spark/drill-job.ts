/**
 * The job a failover drill keeps running across the fault: rounds of small Pi stages, one second each,
 * until the requested time has passed. The driver keeps scheduling work through the whole failover, so a
 * driver that lost the cluster fails the drill. Prints the same "Pi is roughly" line as Spark's example.
 * Given a second argument, it creates that file once its first round has run on the executors: the drill
 * faults only then (a failover while the first executors are still being launched can leave the new
 * master relaunching an executor id the worker already runs, and the application waiting for good).
 */
export const DRILL_JOB_FILE = 'spark_azure_drill_job.py';

export const DRILL_JOB_SOURCE = `import random
import sys
import time
from operator import add

from pyspark.sql import SparkSession

seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 30.0
first_round_marker = sys.argv[2] if len(sys.argv) > 2 else None
spark = SparkSession.builder.appName("spark-azure failover drill job").getOrCreate()
context = spark.sparkContext


def samples(_):
    time.sleep(1.0)
    hits = 0
    for _ in range(20000):
        x, y = random.random() * 2 - 1, random.random() * 2 - 1
        hits += 1 if x * x + y * y <= 1 else 0
    return hits


started = time.time()
inside = total = rounds = 0
while rounds == 0 or time.time() - started < seconds:
    inside += context.parallelize(range(4), 4).map(samples).reduce(add)
    total += 4 * 20000
    rounds += 1
    if rounds == 1 and first_round_marker:
        open(first_round_marker, "w").close()
print("Pi is roughly %f" % (4.0 * inside / total))
print("Rounds: %d" % rounds)
spark.stop()
`;
