package com.example.orders.fulfillment;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Takes paid orders from the checkout callback and packs them on a worker pool. Checkout hands over an
 * order in microseconds; packing calls the warehouse and takes seconds. On a sale day every backlog
 * ends up in {@code paid} and in the packers' queue, until the heap is gone.
 */
public final class FulfillmentPipeline implements AutoCloseable {
  private static final int PACKERS = 8;

  private final BlockingQueue<PaidOrder> paid = new LinkedBlockingQueue<>();
  private final ExecutorService packers = Executors.newFixedThreadPool(PACKERS);
  private final ExpressLane express = new ExpressLane();
  private final WarehouseClient warehouse;
  private final ShippingNotifications notifications;
  private final Thread dispatcher;

  public FulfillmentPipeline(WarehouseClient warehouse, ShippingNotifications notifications) {
    this.warehouse = warehouse;
    this.notifications = notifications;
    this.dispatcher = new Thread(this::dispatch, "fulfillment-dispatcher");
  }

  public void start() {
    dispatcher.start();
  }

  /** Called by checkout for every captured payment; must never block checkout. */
  public void onPaid(PaidOrder order) {
    if (order.express()) {
      express.add(order);
    } else {
      paid.add(order);
    }
  }

  private void dispatch() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        PaidOrder next = express.poll();
        PaidOrder order = next != null ? next : paid.poll(100, TimeUnit.MILLISECONDS);
        if (order != null) {
          packers.execute(() -> notifications.shipped(order, warehouse.pack(order)));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    dispatcher.interrupt();
    packers.shutdown();
    packers.awaitTermination(30, TimeUnit.SECONDS);
  }
}
