package io.sparkazure.recovery;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.state.SessionConnectionStateErrorPolicy;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.master.LeaderElectable;
import org.apache.spark.deploy.master.LeaderElectionAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spark's ZooKeeper leader election (a Curator LeaderLatch under {@code <dir>/leader_election}), except that
 * only a LOST session revokes leadership.
 *
 * <p>Spark's own agent uses Curator's default policy, under which SUSPENDED (the TCP connection to one
 * ZooKeeper server dropped) already revokes leadership, and the Master then exits. So restarting the
 * ZooKeeper server the ALIVE master is connected to, or the ensemble's leader, costs a failover. Here the
 * client reconnects to another server within its session and keeps its latch node: leadership is kept.
 * It is revoked when the session is lost, when ZooKeeper has given the latch to the next master in line.
 */
final class SuspensionTolerantLeaderElectionAgent implements LeaderElectionAgent, LeaderLatchListener {
  private static final Logger LOG = LoggerFactory.getLogger(SuspensionTolerantLeaderElectionAgent.class);

  // The same session request as Spark's own client: the servers' maxSessionTimeout decides the real value.
  private static final int SESSION_TIMEOUT_MS = 60_000;
  private static final int CONNECTION_TIMEOUT_MS = 15_000;
  // Curator declares the session LOST once the whole negotiated timeout has passed SUSPENDED: no earlier
  // than the ensemble itself expires it. (At 50 % a master gave up a session the ensemble still held while
  // ZooKeeper re-elected its leader, and a rolling update lost its ALIVE master for 6 s.)
  private static final int SIMULATED_EXPIRATION_PERCENT = 100;

  private final LeaderElectable master;
  private final CuratorFramework client;
  private final LeaderLatch latch;
  private boolean leading;

  SuspensionTolerantLeaderElectionAgent(LeaderElectable master, SparkConf conf) {
    this.master = master;
    String clusterDirectory = conf.get("spark.deploy.zookeeper.dir", "/spark");
    String directory = clusterDirectory + "/leader_election";
    byte[] credentials = ClusterCredentials.of(conf.get("spark.authenticate", "false"), conf.get("spark.authenticate.secret", ""));
    this.client =
        ClusterZooKeeper.builder(conf.get("spark.deploy.zookeeper.url"), credentials)
            .sessionTimeoutMs(SESSION_TIMEOUT_MS)
            .connectionTimeoutMs(CONNECTION_TIMEOUT_MS)
            .connectionStateErrorPolicy(new SessionConnectionStateErrorPolicy())
            .simulatedSessionExpirationPercent(SIMULATED_EXPIRATION_PERCENT)
            .build();
    client.start();
    try {
      // Whoever may delete children of the election's node may remove the leader's latch node.
      ClusterZooKeeper.claim(client, clusterDirectory, credentials);
      ClusterZooKeeper.claim(client, directory, credentials);
    } catch (Exception e) {
      client.close();
      throw new IllegalStateException("cannot take " + directory + " in ZooKeeper for the leader election: " + e.getMessage(), e);
    }
    // The participant id (this master's host:port) is the latch node's data: it lets the master's supervisor
    // find and release this master's node when the JVM has died (ReleaseLeaderLatch).
    this.latch = new LeaderLatch(client, directory, conf.get(ReleaseLeaderLatch.PARTICIPANT_ID_KEY, ""));
    latch.addListener(this);
    try {
      latch.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot join the leader election under " + directory, e);
    }
    LOG.info("Joined the leader election under {} (only a lost session revokes leadership)", directory);
  }

  @Override
  public LeaderElectable masterInstance() {
    return master;
  }

  @Override
  public synchronized void isLeader() {
    // Leadership may already be gone again by the time this listener runs.
    if (!latch.hasLeadership() || leading) return;
    leading = true;
    LOG.info("We have gained leadership");
    master.electedLeader();
  }

  @Override
  public synchronized void notLeader() {
    if (latch.hasLeadership() || !leading) return;
    leading = false;
    LOG.info("We have lost leadership");
    master.revokedLeadership();
  }

  @Override
  public void stop() {
    try {
      latch.close();
    } catch (Exception e) {
      LOG.warn("closing the leader latch", e);
    }
    client.close();
  }
}
