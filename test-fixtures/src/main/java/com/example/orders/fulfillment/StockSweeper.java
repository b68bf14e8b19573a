package com.example.orders.fulfillment;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Releases stock reservations for orders that were never packed, once a minute. */
final class StockSweeper implements AutoCloseable {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  StockSweeper(Runnable sweep) {
    timer.scheduleAtFixedRate(sweep, 1, 1, TimeUnit.MINUTES);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
