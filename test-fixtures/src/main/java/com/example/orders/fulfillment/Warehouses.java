package com.example.orders.fulfillment;

import dev.deadbolt.annotations.BoundedBy;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Loading docks, one per warehouse, and the returns that come back through them. */
final class Warehouses {
  @BoundedBy("one entry per warehouse in the config file, read once at startup")
  private final BlockingQueue<String> freeDocks = new LinkedBlockingQueue<>();
  private final BlockingQueue<PaidOrder> returns;

  Warehouses(List<String> warehouses, int returnsCapacity) {
    freeDocks.addAll(warehouses);
    returns = new LinkedBlockingQueue<>(returnsCapacity);
  }

  String takeDock() throws InterruptedException {
    return freeDocks.take();
  }

  void releaseDock(String warehouse) {
    freeDocks.add(warehouse);
  }

  boolean acceptReturn(PaidOrder order) {
    return returns.offer(order);
  }
}
