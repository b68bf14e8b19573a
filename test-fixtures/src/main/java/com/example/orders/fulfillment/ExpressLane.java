package com.example.orders.fulfillment;

import java.util.Comparator;
import java.util.concurrent.PriorityBlockingQueue;

/** Express orders skip the line: the oldest paid express order is packed first. */
final class ExpressLane {
  private final PriorityBlockingQueue<PaidOrder> waiting =
      new PriorityBlockingQueue<>(64, Comparator.comparing(PaidOrder::paidAt));

  void add(PaidOrder order) {
    waiting.add(order);
  }

  PaidOrder poll() {
    return waiting.poll();
  }
}
