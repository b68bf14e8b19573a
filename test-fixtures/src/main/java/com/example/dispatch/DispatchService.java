package com.example.dispatch;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs the dispatch workers, the returns poller and the heartbeat, and stops them on close. */
final class DispatchService implements AutoCloseable {
  private final ExecutorService workers;
  private final ExecutorService background;

  DispatchService(ExecutorService workers, ExecutorService background) {
    this.workers = workers;
    this.background = background;
  }

  void start(
      BlockingQueue<String> paidOrders,
      Shipper shipper,
      Queue<String> returnsInbox,
      Set<String> stock,
      Heartbeat.Coordinator coordinator) {
    for (int i = 0; i < 4; i++) {
      workers.execute(new DispatchWorker(paidOrders, shipper));
    }
    background.execute(new ReturnsPoller(returnsInbox, stock));
    background.execute(new Heartbeat(coordinator, "dispatch-1"));
  }

  @Override
  public void close() throws InterruptedException {
    workers.shutdown();
    if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
      workers.shutdownNow();
    }
    background.shutdownNow();
  }
}
