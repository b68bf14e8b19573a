package com.example.orders.ledger;

/** Closes a batch of payments. Nothing declares an order between the batch and fee locks. */
final class Settlement {
  final Object batchLock = new Object();
  private final FeeSchedule fees;
  private int open;

  Settlement(FeeSchedule fees) {
    this.fees = fees;
  }

  void settle() {
    synchronized (batchLock) {
      open = 0;
      fees.charge(25);
    }
  }
}
