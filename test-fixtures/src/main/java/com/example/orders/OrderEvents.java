package com.example.orders;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/** Server-sent events to the clients watching an order. */
final class OrderEvents {
  private final List<Writer> subscribers = new ArrayList<>();
  private final List<String> history = new ArrayList<>();
  private final ExecutorService delivery;

  OrderEvents(ExecutorService delivery) {
    this.delivery = delivery;
  }

  void publish(String event) throws IOException {
    synchronized (this) {
      history.add(event);
      for (Writer subscriber : subscribers) {
        subscriber.write("data: " + event + "\n\n");
      }
    }
  }

  /** Correct: the lambda runs later on the delivery pool, not under this monitor. */
  synchronized void publishLater(String event) {
    history.add(event);
    List<Writer> targets = new ArrayList<>(subscribers);
    delivery.execute(
        () -> {
          for (Writer target : targets) {
            try {
              target.write("data: " + event + "\n\n");
            } catch (IOException e) {
              // the client went away; delivery to the others goes on
            }
          }
        });
  }

  synchronized void subscribe(Writer subscriber) {
    subscribers.add(subscriber);
  }
}
