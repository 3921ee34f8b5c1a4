package io.sparkazure.recovery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;

/**
 * The cluster's identity in ZooKeeper. A closed cluster ({@code spark.authenticate=true}) authenticates every
 * session as the digest user of ClusterCredentials with the cluster secret, and keeps every znode it creates to that
 * user alone ({@code CREATOR_ALL_ACL}): an anonymous client is turned away by the servers (they enforce
 * digest authentication), and one that authenticates as anyone else can neither read the recovery state nor
 * create, delete or change a node under the cluster's directory, so it cannot move the leadership.
 *
 * <p>Spark's own ZooKeeper client has neither credentials nor ACLs, which is why the recovery plugin brings
 * its own persistence engine as well as its own election (docs/security.md).
 */
final class ClusterZooKeeper {
  // ZooKeeper's CREATOR_ALL_ACL: "auth" stands for the creating session's own ids, i.e. the cluster's user.
  // An ArrayList: ZooKeeper asks the list whether it contains null, which List.of refuses to answer.
  private static final List<ACL> CLUSTER_ONLY = new ArrayList<>(Collections.singletonList(new ACL(ZooDefs.Perms.ALL, new Id("auth", ""))));
  private static final ACLProvider CLUSTER_ONLY_PROVIDER =
      new ACLProvider() {
        @Override
        public List<ACL> getDefaultAcl() {
          return CLUSTER_ONLY;
        }

        @Override
        public List<ACL> getAclForPath(String path) {
          return CLUSTER_ONLY;
        }
      };

  private ClusterZooKeeper() {}

  /** A Curator client for the ensemble, authenticated and creating cluster-only nodes when credentials are given. */
  static CuratorFrameworkFactory.Builder builder(String connectString, byte[] credentials) {
    CuratorFrameworkFactory.Builder builder =
        CuratorFrameworkFactory.builder().connectString(connectString).retryPolicy(new ExponentialBackoffRetry(500, 10, 5_000));
    if (credentials != null) builder.authorization("digest", credentials).aclProvider(CLUSTER_ONLY_PROVIDER);
    return builder;
  }

  /**
   * Makes {@code path} exist and belong to the cluster alone: created cluster-only when missing, its ACL reset
   * when an earlier open cluster (or anyone) left it world-writable. Fails when someone else owns it, since
   * whoever holds the election's parent node can remove the latch and move the leadership.
   */
  static void claim(CuratorFramework client, String path, byte[] credentials) throws Exception {
    try {
      try {
        client.create().creatingParentContainersIfNeeded().forPath(path);
      } catch (KeeperException.NodeExistsException exists) {
        // Created before: by this cluster, an open one before it, or someone else (checked next).
      }
      if (credentials == null) return;
      String cluster = ClusterCredentials.digestId(credentials);
      Stat stat = new Stat();
      List<ACL> current = client.getACL().storingStatIn(stat).forPath(path);
      if (current.stream().allMatch(acl -> acl.getId().getScheme().equals("digest") && acl.getId().getId().equals(cluster))) return;
      client.setACL().withVersion(stat.getAversion()).withACL(CLUSTER_ONLY).forPath(path);
    } catch (KeeperException.BadVersionException concurrent) {
      // Another master of this cluster re-ACL'd it at the same moment: check what it left.
      claim(client, path, credentials);
    } catch (KeeperException.NoAuthException foreign) {
      throw new IllegalStateException(
          path
              + " in ZooKeeper is not this cluster's: it was made with another cluster secret or by someone else. Check the secret this master has; if it is"
              + " the cluster's, remove the node as ZooKeeper's super user, then restart this master",
          foreign);
    }
  }
}
