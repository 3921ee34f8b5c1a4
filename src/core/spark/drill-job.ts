/**
 * The job a failover drill keeps running across the fault: rounds of small Pi stages, one second each,
 * until the requested time has passed. The driver keeps scheduling work through the whole failover, so a
 * driver that lost the cluster fails the drill. Prints the same "Pi is roughly" line as Spark's example.
 * Given a second argument, it creates that file once its first round has run on the executors: the drill
 * faults only then (a failover while the first executors are still being launched can leave the new
 * master relaunching an executor id the worker already runs, and the application waiting for good).
 * The marker holds the job's UI address (when its UI is on). Given a third, it goes on until that file exists too. At its end it prints how many of its tasks failed,
 * from its own REST API (when its UI is on), and why each failed.
 */
export const DRILL_JOB_FILE = 'spark_azure_drill_job.py';

export const DRILL_JOB_SOURCE = `import os
import random
import sys
import time
from operator import add

from pyspark.sql import SparkSession

seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 30.0
first_round_marker = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None
# A third argument: a file whose appearance ends the job (after its seconds), so that it spans whatever a
# drill does however slow the machine.
end_marker = sys.argv[3] if len(sys.argv) > 3 else None
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
while rounds == 0 or time.time() - started < seconds or (end_marker and not os.path.exists(end_marker)):
    inside += context.parallelize(range(4), 4).map(samples).reduce(add)
    total += 4 * 20000
    rounds += 1
    if rounds == 1 and first_round_marker:
        # The marker holds the job's UI address, where a drill reads the executors from the job's REST API.
        with open(first_round_marker + ".partial", "w") as marker:
            marker.write(context.uiWebUrl or "")
        os.rename(first_round_marker + ".partial", first_round_marker)
print("Pi is roughly %f" % (4.0 * inside / total))
print("Rounds: %d" % rounds)
if context.uiWebUrl:
    import json
    import urllib.request

    # Generous: on a loaded machine the driver's UI answers a long job's stage list slowly, and a timeout
    # here would fail a job that did all its work.
    stages = json.load(urllib.request.urlopen("%s/api/v1/applications/%s/stages" % (context.uiWebUrl, context.applicationId), timeout=120))
    print("Failed tasks: %d" % sum(stage.get("numFailedTasks", 0) for stage in stages))
    # Why each failed, so that a drill or test that fails on the count says what happened.
    for stage in (stage for stage in stages if stage.get("numFailedTasks", 0)):
        url = "%s/api/v1/applications/%s/stages/%d/%d/taskList?status=FAILED" % (context.uiWebUrl, context.applicationId, stage["stageId"], stage["attemptId"])
        for task in json.load(urllib.request.urlopen(url, timeout=120)):
            reason = (task.get("errorMessage") or "").strip().splitlines()[:1]
            print("Failed task: stage %d, executor %s, launched %s: %s" % (stage["stageId"], task.get("executorId"), task.get("launchTime"), reason[0] if reason else "no message"))
spark.stop()
`;
