package io.sparkazure.recovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The cluster's ZooKeeper credentials: the digest user {@value #USER} with the cluster secret as its password.
 * Free of Curator and Spark, so that the latch release, which runs with the ZooKeeper client's jars only,
 * can use it.
 */
final class ClusterCredentials {
  /** The digest user every spark-azure client (masters, the latch release, the pipelines' tools) is. */
  static final String USER = "spark-azure";

  private ClusterCredentials() {}

  /**
   * {@code spark-azure:<secret>} on a closed cluster, null on an open one. A closed cluster without its secret
   * is a configuration error the master must not start with: it could not join the election.
   */
  static byte[] of(String authenticate, String secret) {
    if (!Boolean.parseBoolean(authenticate)) return null;
    if (secret == null || secret.isEmpty()) {
      throw new IllegalStateException("spark.authenticate is true but spark.authenticate.secret is empty: the master cannot authenticate with ZooKeeper");
    }
    return (USER + ":" + secret).getBytes(StandardCharsets.UTF_8);
  }

  /** The ACL id ZooKeeper gives a session that authenticated with these credentials: user:base64(sha1(user:password)). */
  static String digestId(byte[] credentials) throws NoSuchAlgorithmException {
    byte[] hash = MessageDigest.getInstance("SHA1").digest(credentials);
    return USER + ":" + Base64.getEncoder().encodeToString(hash);
  }
}
