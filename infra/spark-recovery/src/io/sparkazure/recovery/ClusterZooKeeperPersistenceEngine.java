package io.sparkazure.recovery;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.master.PersistenceEngine;
import org.apache.spark.serializer.Serializer;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Spark's ZooKeeper persistence of the recovery state (one znode per application, driver and worker under
 * {@code <dir>/master_status}, the same names and serialized form as Spark's own engine), through the
 * cluster's authenticated client: on a closed cluster the records are the cluster's alone, so nobody can
 * plant an application or a worker the next ALIVE master would recover, or read the ones there.
 */
final class ClusterZooKeeperPersistenceEngine extends PersistenceEngine {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterZooKeeperPersistenceEngine.class);

  private final Serializer serializer;
  private final String directory;
  private final CuratorFramework client;

  ClusterZooKeeperPersistenceEngine(SparkConf conf, Serializer serializer) {
    this.serializer = serializer;
    this.directory = conf.get("spark.deploy.zookeeper.dir", "/spark") + "/master_status";
    byte[] credentials = ClusterCredentials.of(conf.get("spark.authenticate", "false"), conf.get("spark.authenticate.secret", ""));
    this.client = ClusterZooKeeper.builder(conf.get("spark.deploy.zookeeper.url"), credentials).sessionTimeoutMs(60_000).connectionTimeoutMs(15_000).build();
    client.start();
    try {
      ClusterZooKeeper.claim(client, directory, credentials);
      // Records an open cluster left are world-writable: this cluster's alone from now on.
      if (credentials != null) for (String child : client.getChildren().forPath(directory)) ClusterZooKeeper.claim(client, directory + "/" + child, credentials);
    } catch (Exception e) {
      client.close();
      throw new IllegalStateException("cannot take " + directory + " in ZooKeeper for the recovery state: " + e.getMessage(), e);
    }
  }

  @Override
  public void persist(String name, Object value) {
    ByteBuffer serialized = serializer.newInstance().serialize(value, ClassTag$.MODULE$.AnyRef());
    byte[] bytes = new byte[serialized.remaining()];
    serialized.get(bytes);
    try {
      client.create().withMode(CreateMode.PERSISTENT).forPath(directory + "/" + name, bytes);
    } catch (Exception e) {
      throw new IllegalStateException("cannot persist " + name + " under " + directory, e);
    }
  }

  @Override
  public void unpersist(String name) {
    try {
      client.delete().forPath(directory + "/" + name);
    } catch (KeeperException.NoNodeException gone) {
      // Already gone: what unpersist wants.
    } catch (Exception e) {
      throw new IllegalStateException("cannot unpersist " + name + " under " + directory, e);
    }
  }

  @Override
  public <T> scala.collection.immutable.Seq<T> read(String prefix, ClassTag<T> type) {
    List<T> records = new ArrayList<>();
    try {
      for (String child : client.getChildren().forPath(directory)) {
        if (!child.startsWith(prefix)) continue;
        String path = directory + "/" + child;
        byte[] bytes;
        try {
          bytes = client.getData().forPath(path);
        } catch (KeeperException.NoNodeException gone) {
          continue;
        }
        try {
          records.add(serializer.newInstance().deserialize(ByteBuffer.wrap(bytes), type));
        } catch (Exception unreadable) {
          // As Spark's own engine: a record that does not deserialize is dropped, not recovered.
          LOG.warn("Deleting {}: it does not deserialize", path, unreadable);
          client.delete().forPath(path);
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the recovery state under " + directory, e);
    }
    return CollectionConverters.asScala(records).toList();
  }

  @Override
  public void close() {
    client.close();
  }
}
