package com.example.dispatch;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/** Asks two carriers for a shipping quote and takes the cheap one when it answers in time. */
final class CarrierQuotes {
  private static final Logger log = Logger.getLogger(CarrierQuotes.class.getName());

  interface CarrierApi {
    long quote(String carrier, String order);
  }

  private final CarrierApi api;
  private final ExecutorService pool;
  private Long lastQuote;

  CarrierQuotes(CarrierApi api, ExecutorService pool) {
    this.api = api;
    this.pool = pool;
  }

  private CompletableFuture<Long> quote(String carrier, String order) {
    return CompletableFuture.supplyAsync(() -> api.quote(carrier, order), pool);
  }

  long quoteFor(String order) {
    CompletableFuture<Long> express = quote("express", order);
    CompletableFuture<Long> economy = quote("economy", order);
    try {
      return economy.get(2, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      economy.cancel(true);
      return express.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a quote", e);
    } catch (ExecutionException e) {
      return express.join();
    }
  }

  void refresh(String order) {
    try {
      lastQuote = quote("express", order).join();
    } catch (CancellationException e) {
      log.info("quote cancelled");
    }
    publish(order, lastQuote);
  }

  private void publish(String order, Long quote) {
    log.info(order + " ships for " + quote);
  }
}
