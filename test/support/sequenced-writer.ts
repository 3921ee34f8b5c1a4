import { ZooKeeperSession } from '../../src/core/zookeeper/zookeeper-session.js';
import { sleep } from '../../src/core/wait.js';

const STALL_MS = 200;

/**
 * A ZooKeeper client that writes sequenced znodes continuously (one every `intervalMs`, about 100 a second:
 * an unthrottled loop would starve a 2-core machine), and remembers every write ZooKeeper acknowledged
 * and every moment it could not write.
 */
export class SequencedWriter {
  readonly acknowledged: string[] = [];
  /**
   * Stalls: gaps between consecutive acknowledged writes longer than STALL_MS, minus the write interval.
   * A client queues requests while it reconnects, so a stall shows up as a late acknowledgement, not
   * always as a failed write.
   */
  readonly outagesMs: number[] = [];
  private running = true;
  private readonly loop: Promise<void>;

  private constructor(
    private readonly zk: ZooKeeperSession,
    readonly path: string,
    private readonly intervalMs: number,
    private readonly clusterSecret: string | undefined,
  ) {
    this.loop = this.write();
  }

  /** clusterSecret: a closed cluster's ensemble turns away sessions that do not authenticate. */
  static async start(connect: string, path: string, options: { clusterSecret: string | undefined; intervalMs?: number }): Promise<SequencedWriter> {
    const { clusterSecret, intervalMs = 10 } = options;
    return new SequencedWriter(await ZooKeeperSession.open(connect, { sessionTimeoutMs: 6000, clusterSecret }), path, intervalMs, clusterSecret);
  }

  private async write(): Promise<void> {
    let lastAcknowledged = Date.now();
    let sequence = 0;
    while (this.running) {
      try {
        this.acknowledged.push(await this.zk.create(`${this.path}/write-`, String(sequence++), 'persistent-sequential'));
        const gap = Date.now() - lastAcknowledged;
        if (gap > STALL_MS) this.outagesMs.push(gap - this.intervalMs);
        lastAcknowledged = Date.now();
        await sleep(this.intervalMs);
      } catch {
        await sleep(20);
      }
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** Acknowledged writes that are not in ZooKeeper now (read through a fresh session). */
  async missing(connect: string): Promise<string[]> {
    const reader = await ZooKeeperSession.open(connect, { clusterSecret: this.clusterSecret });
    try {
      const present = new Set((await reader.children(this.path)) ?? []);
      return this.acknowledged.filter((written) => !present.has(written.slice(this.path.length + 1)));
    } finally {
      reader.close();
      this.zk.close();
    }
  }
}
