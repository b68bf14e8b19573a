package com.example.dispatch;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/** Moves returned parcels from the returns inbox back into stock. */
final class ReturnsPoller implements Runnable {
  private final Queue<String> returnsInbox;
  private final Set<String> stock;

  ReturnsPoller(Queue<String> returnsInbox, Set<String> stock) {
    this.returnsInbox = returnsInbox;
    this.stock = stock;
  }

  @Override
  public void run() {
    while (true) {
      String parcel = returnsInbox.poll();
      if (parcel == null) {
        LockSupport.parkNanos(50_000_000L);
        continue;
      }
      restock(parcel);
    }
  }

  private void restock(String parcel) {
    Thread.interrupted();
    stock.add(parcel);
  }
}
