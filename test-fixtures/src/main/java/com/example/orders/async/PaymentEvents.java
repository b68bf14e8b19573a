package com.example.orders.async;

import dev.deadbolt.annotations.NonBlocking;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;

/** Callbacks the payment provider's client invokes on its single I/O thread. */
final class PaymentEvents {
  private final BlockingQueue<String> receipts = new ArrayBlockingQueue<>(1000);
  private final PricingClient pricing;
  private final Executor pricingPool;
  private int dropped;

  PaymentEvents(PricingClient pricing, Executor pricingPool) {
    this.pricing = pricing;
    this.pricingPool = pricingPool;
  }

  /** A bug: when the receipts queue is full, put() stalls the provider's I/O thread. */
  @NonBlocking
  void onPaymentConfirmed(String orderId) throws InterruptedException {
    receipts.put(orderId);
  }

  /** Correct: offer() never waits; a full queue drops the receipt and counts it. */
  @NonBlocking
  void onPaymentRefunded(String orderId) {
    if (!receipts.offer("refund:" + orderId)) {
      dropped++;
    }
  }

  /** Correct: the repricing runs later on the pricing pool, not on the I/O thread. */
  @NonBlocking
  void onPriceDisputed(String sku) {
    pricingPool.execute(() -> receipts.offer("repriced:" + pricing.price(sku).cents()));
  }

  /** A bug: reprices right here, an HTTP round trip on the I/O thread. */
  @NonBlocking
  long onPartialCapture(String sku) {
    return pricing.price(sku).cents();
  }

  int dropped() {
    return dropped;
  }
}
