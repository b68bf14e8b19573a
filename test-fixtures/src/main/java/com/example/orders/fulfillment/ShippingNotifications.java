package com.example.orders.fulfillment;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Tells customers their parcel has left: an email, a push message, and an SMS for express orders. */
public final class ShippingNotifications {
  // Looks like it grows to 8 threads under load; with an unbounded queue it never passes 2.
  private final ExecutorService email =
      new ThreadPoolExecutor(2, 8, 30L, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
  private final ExecutorService push = Executors.newCachedThreadPool();
  // Bounded: when the SMS provider throttles us, the submitting packer sends the SMS itself.
  private final ExecutorService sms =
      new ThreadPoolExecutor(
          1, 2, 30L, TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(200),
          new ThreadPoolExecutor.CallerRunsPolicy());
  private final NotificationGateway gateway;

  public ShippingNotifications(NotificationGateway gateway) {
    this.gateway = gateway;
  }

  void shipped(PaidOrder order, String trackingNumber) {
    String message = "Your order " + order.id() + " is on its way: " + trackingNumber;
    email.execute(() -> gateway.email(order.id(), message));
    push.execute(() -> gateway.push(order.id(), message));
    if (order.express()) {
      sms.execute(() -> gateway.sms(order.id(), message));
    }
  }
}
