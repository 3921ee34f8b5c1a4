package io.sparkazure.recovery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cluster's ZooKeeper credentials: the digest user {@value #USER}, whose password is derived from the
 * cluster secret (HMAC-SHA256 of {@value #PURPOSE}, base64url). Digest authentication sends the password in
 * clear, so what crosses the network to ZooKeeper is never the secret Spark authenticates with. Free of
 * Curator and Spark, so that the latch release, which runs with the ZooKeeper client's jars only, can use it.
 */
final class ClusterCredentials {
  /** The digest user every spark-azure client (masters, the latch release, the pipelines' tools) is. */
  static final String USER = "spark-azure";
  /** What the password is derived for (ZooKeeperSession derives it the same way: a static test keeps them equal). */
  static final String PURPOSE = "spark-azure zookeeper password";

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
    return (USER + ":" + password(secret)).getBytes(StandardCharsets.UTF_8);
  }

  static String password(String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(PURPOSE.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /** The ACL id ZooKeeper gives a session that authenticated with these credentials: user:base64(sha1(user:password)). */
  static String digestId(byte[] credentials) throws NoSuchAlgorithmException {
    byte[] hash = MessageDigest.getInstance("SHA1").digest(credentials);
    return USER + ":" + Base64.getEncoder().encodeToString(hash);
  }
}
