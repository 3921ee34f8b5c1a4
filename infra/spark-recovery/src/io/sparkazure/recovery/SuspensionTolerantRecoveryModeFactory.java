package io.sparkazure.recovery;

import org.apache.spark.SparkConf;
import org.apache.spark.deploy.master.LeaderElectable;
import org.apache.spark.deploy.master.LeaderElectionAgent;
import org.apache.spark.deploy.master.PersistenceEngine;
import org.apache.spark.deploy.master.ZooKeeperRecoveryModeFactory;
import org.apache.spark.serializer.Serializer;

/**
 * Spark's ZooKeeper recovery, with a leader election that survives a ZooKeeper server restart, and both the
 * election and the recovery state kept to the cluster alone on a closed cluster (ClusterZooKeeper).
 *
 * <p>Enable with {@code spark.deploy.recoveryMode=CUSTOM} and
 * {@code spark.deploy.recoveryMode.factory=io.sparkazure.recovery.SuspensionTolerantRecoveryModeFactory}. The
 * znodes and their contents are those of {@code ZOOKEEPER}; the election's rule and the ACLs differ.
 */
public final class SuspensionTolerantRecoveryModeFactory extends ZooKeeperRecoveryModeFactory {
  private final SparkConf conf;
  private final Serializer serializer;

  public SuspensionTolerantRecoveryModeFactory(SparkConf conf, Serializer serializer) {
    super(conf, serializer);
    this.conf = conf;
    this.serializer = serializer;
  }

  @Override
  public PersistenceEngine createPersistenceEngine() {
    return new ClusterZooKeeperPersistenceEngine(conf, serializer);
  }

  @Override
  public LeaderElectionAgent createLeaderElectionAgent(LeaderElectable master) {
    return new SuspensionTolerantLeaderElectionAgent(master, conf);
  }
}
