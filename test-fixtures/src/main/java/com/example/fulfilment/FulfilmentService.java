package com.example.fulfilment;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Runs the fulfilment workers, the returns poller and the heartbeat, and stops them on close. */
final class FulfilmentService implements AutoCloseable {
  private final ExecutorService workers = Executors.newFixedThreadPool(4);
  private final ExecutorService background = Executors.newFixedThreadPool(2);

  void start(
      BlockingQueue<String> paidOrders,
      Shipper shipper,
      Queue<String> returnsInbox,
      Set<String> stock,
      Heartbeat.Coordinator coordinator) {
    for (int i = 0; i < 4; i++) {
      workers.execute(new FulfilmentWorker(paidOrders, shipper));
    }
    background.execute(new ReturnsPoller(returnsInbox, stock));
    background.execute(new Heartbeat(coordinator, "fulfilment-1"));
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
