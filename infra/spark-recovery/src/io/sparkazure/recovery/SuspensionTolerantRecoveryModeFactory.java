package io.sparkazure.recovery;

import org.apache.spark.SparkConf;
import org.apache.spark.deploy.master.LeaderElectable;
import org.apache.spark.deploy.master.LeaderElectionAgent;
import org.apache.spark.deploy.master.ZooKeeperRecoveryModeFactory;
import org.apache.spark.serializer.Serializer;

/**
 * Spark's ZooKeeper recovery, with a leader election that survives a ZooKeeper server restart.
 *
 * <p>Enable with {@code spark.deploy.recoveryMode=CUSTOM} and
 * {@code spark.deploy.recoveryMode.factory=io.sparkazure.recovery.SuspensionTolerantRecoveryModeFactory}. State
 * is persisted exactly as with {@code ZOOKEEPER} (same znodes); only the leader election differs.
 */
public final class SuspensionTolerantRecoveryModeFactory extends ZooKeeperRecoveryModeFactory {
  private final SparkConf conf;

  public SuspensionTolerantRecoveryModeFactory(SparkConf conf, Serializer serializer) {
    super(conf, serializer);
    this.conf = conf;
  }

  @Override
  public LeaderElectionAgent createLeaderElectionAgent(LeaderElectable master) {
    return new SuspensionTolerantLeaderElectionAgent(master, conf);
  }
}
