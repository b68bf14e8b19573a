package com.example.dispatch;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Takes paid orders off the queue and ships them, one at a time, until the pool stops it. */
final class DispatchWorker implements Runnable {
  private static final Logger log = Logger.getLogger(DispatchWorker.class.getName());

  private final BlockingQueue<String> paidOrders;
  private final Shipper shipper;
  private volatile boolean running = true;

  DispatchWorker(BlockingQueue<String> paidOrders, Shipper shipper) {
    this.paidOrders = paidOrders;
    this.shipper = shipper;
  }

  @Override
  public void run() {
    while (running) {
      try {
        ship(paidOrders.take());
      } catch (Exception e) {
        log.log(Level.WARNING, "dispatch failed, taking the next order", e);
      }
    }
  }

  void stop() {
    running = false;
  }

  private void ship(String order) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      shipper.awaitSlot();
      if (shipper.tryShip(order)) {
        return;
      }
      backOff(attempt);
    }
  }

  private static void backOff(int attempt) {
    try {
      TimeUnit.MILLISECONDS.sleep(100L * attempt);
    } catch (InterruptedException e) {
      log.fine("back-off interrupted");
    }
  }

  /** Correct: gives up the wait and keeps the interrupt for the caller to see. */
  String nextOrder(long timeoutMillis) {
    try {
      return paidOrders.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Correct: a broad catch that restores the interrupt before reporting the failure. */
  boolean shipNow(String order) {
    try {
      shipper.awaitSlot();
      return shipper.tryShip(order);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      log.log(Level.WARNING, "could not ship " + order, e);
      return false;
    }
  }
}
