package io.sparkazure.recovery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * Run by a master's supervisor after the master's JVM exited (systemd's {@code ExecStopPost=}; the local
 * cluster's supervisor): removes the latch nodes this master left under {@code <dir>/leader_election}, so
 * the next master in line leads at once instead of after the session timeout.
 *
 * <p>The master registers no shutdown hook, so its ephemeral latch node outlives the JVM until ZooKeeper
 * expires the session. Its host knows at once that the process is gone. A node is removed only when it
 * carries this master's participant id and its owning session is attached to no ZooKeeper server (asked of
 * every server with {@code cons}): a live master's session is always attached somewhere. "Every server" is
 * the ensemble's membership now (its {@code /zookeeper/config}, which a reconfig changes) together with the
 * servers this master was configured with (a joiner not yet added may hold sessions too). Any of them that
 * does not answer makes that unknowable, and nothing is removed: the session then expires as it would have.
 *
 * <p>Usage: {@code ReleaseLeaderLatch <spark-master.properties>}. Exit 0 when done (removed or nothing to
 * remove), 1 when it could not tell or reach ZooKeeper.
 */
public final class ReleaseLeaderLatch {
  static final String PARTICIPANT_ID_KEY = "spark.azure.leaderElection.participantId";
  private static final int TIMEOUT_MS = 4_000;
  private static final Pattern SESSION_ID = Pattern.compile("sid=0x([0-9a-fA-F]+)");
  private static final Pattern MEMBER = Pattern.compile("(?m)^server\\.\\d+=([^:;\\s]+):\\d+:\\d+(?::\\w+)?;(?:([^;\\s]+):)?(\\d+)\\s*$");

  private ReleaseLeaderLatch() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: ReleaseLeaderLatch <spark-master.properties>");
      System.exit(2);
    }
    Properties conf = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      conf.load(reader);
    }
    String connectString = conf.getProperty("spark.deploy.zookeeper.url", "");
    String latchPath = conf.getProperty("spark.deploy.zookeeper.dir", "/spark") + "/leader_election";
    String participantId = conf.getProperty(PARTICIPANT_ID_KEY, "");
    if (connectString.isEmpty() || participantId.isEmpty()) {
      System.err.println("spark-azure latch release: " + args[0] + " sets no spark.deploy.zookeeper.url or " + PARTICIPANT_ID_KEY + ": nothing released");
      System.exit(1);
    }
    byte[] credentials = ClusterCredentials.of(conf.getProperty("spark.authenticate", "false"), conf.getProperty("spark.authenticate.secret", ""));
    try {
      int removed = release(connectString, credentials, latchPath, participantId);
      System.err.println("spark-azure latch release: removed " + removed + " latch node(s) of " + participantId + " under " + latchPath);
    } catch (Exception e) {
      System.err.println("spark-azure latch release: nothing released (" + e + "); ZooKeeper expires the session instead");
      System.exit(1);
    }
  }

  static int release(String connectString, byte[] credentials, String latchPath, String participantId) throws Exception {
    ZooKeeper zk = connect(connectString);
    // On a closed cluster the latch nodes and their parent are the cluster's alone (ClusterZooKeeper).
    if (credentials != null) zk.addAuthInfo("digest", credentials);
    try {
      int removed = 0;
      Set<Long> attached = null;
      for (String child : zk.getChildren(latchPath, false)) {
        String path = latchPath + "/" + child;
        Stat stat = new Stat();
        byte[] data;
        try {
          data = zk.getData(path, false, stat);
        } catch (KeeperException.NoNodeException gone) {
          continue;
        }
        if (stat.getEphemeralOwner() == 0 || !participantId.equals(new String(data == null ? new byte[0] : data, StandardCharsets.UTF_8))) continue;
        // Asked after the node was read: a session attached now was attached when the node was read.
        if (attached == null) attached = attachedSessions(ensembleServers(zk, connectString));
        if (attached.contains(stat.getEphemeralOwner())) continue;
        try {
          zk.delete(path, stat.getVersion());
          removed++;
        } catch (KeeperException.NoNodeException gone) {
          // Expired meanwhile.
        }
      }
      return removed;
    } finally {
      zk.close();
    }
  }

  private static ZooKeeper connect(String connectString) throws IOException, InterruptedException {
    CountDownLatch connected = new CountDownLatch(1);
    ZooKeeper zk =
        new ZooKeeper(
            connectString,
            TIMEOUT_MS,
            event -> {
              if (event.getState() == Watcher.Event.KeeperState.SyncConnected) connected.countDown();
            });
    if (!connected.await(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
      zk.close();
      throw new IOException("no ZooKeeper server of " + connectString + " answered within " + TIMEOUT_MS + " ms");
    }
    return zk;
  }

  /**
   * The configured servers and every member of the ensemble's current membership, as host:port client
   * addresses. A membership line reads {@code server.N=host:quorum:election[:role];[clientHost:]clientPort}.
   */
  static Set<String> ensembleServers(ZooKeeper zk, String connectString) throws KeeperException, InterruptedException {
    Set<String> servers = new LinkedHashSet<>();
    for (String server : connectString.split(",")) servers.add(server.trim());
    String membership = new String(zk.getConfig(false, null), StandardCharsets.UTF_8);
    Matcher member = MEMBER.matcher(membership);
    while (member.find()) {
      String clientHost = member.group(2) == null || member.group(2).equals("0.0.0.0") ? member.group(1) : member.group(2);
      servers.add(clientHost + ":" + member.group(3));
    }
    return servers;
  }

  /** Every session attached to any of these servers; throws when a server does not answer. */
  static Set<Long> attachedSessions(Set<String> servers) throws IOException {
    Set<Long> sessions = new HashSet<>();
    for (String hostPort : servers) {
      int colon = hostPort.lastIndexOf(':');
      String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      int port = colon < 0 ? 2181 : Integer.parseInt(hostPort.substring(colon + 1));
      Matcher matcher = SESSION_ID.matcher(fourLetterWord(host, port, "cons"));
      while (matcher.find()) sessions.add(Long.parseUnsignedLong(matcher.group(1), 16));
    }
    return sessions;
  }

  private static String fourLetterWord(String host, int port, String word) throws IOException {
    try {
      return ask(host, port, word);
    } catch (IOException e) {
      throw new IOException("cannot ask " + host + ":" + port + " which sessions it holds (" + e.getMessage() + ")", e);
    }
  }

  private static String ask(String host, int port, String word) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
      socket.setSoTimeout(TIMEOUT_MS);
      OutputStream out = socket.getOutputStream();
      out.write(word.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream reply = new ByteArrayOutputStream();
      in.transferTo(reply);
      String text = reply.toString(StandardCharsets.UTF_8);
      if (text.contains("is not executed because it is not in the whitelist")) throw new IOException(host + ":" + port + " does not allow 'cons'");
      return text;
    }
  }
}
