package com.example.orders.ledger;

/** Fees charged per settlement batch. */
final class FeeSchedule {
  final Object lock = new Object();
  private long charged;

  void charge(long fee) {
    synchronized (lock) {
      charged += fee;
    }
  }

  /** Takes the fee lock, then the batch's: the opposite of Settlement.settle(). */
  void refundAll(Settlement settlement) {
    synchronized (lock) {
      synchronized (settlement.batchLock) {
        charged = 0;
      }
    }
  }
}
