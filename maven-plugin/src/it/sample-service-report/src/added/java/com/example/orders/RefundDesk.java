package com.example.orders;

/** Added after the baseline was taken: its finding is the one new finding of the report. */
final class RefundDesk {
  private final Object refunds = new Object();

  void refund(String order) throws InterruptedException {
    synchronized (refunds) {
      Thread.sleep(50); // waits for the payment provider's rate limit while holding the refunds lock
    }
  }
}
