package com.example.orders.async;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Prices a cart without holding the request thread. */
final class AsyncCheckout {
  private final PricingClient pricing;
  private final Executor pricingPool;

  AsyncCheckout(PricingClient pricing, Executor pricingPool) {
    this.pricing = pricing;
    this.pricingPool = pricingPool;
  }

  /** A bug: the HTTP call runs on the common ForkJoinPool, which every async stage shares. */
  CompletableFuture<PriceQuote> quote(String sku) {
    return CompletableFuture.supplyAsync(() -> pricing.price(sku))
        .thenApply(q -> q.withTax(20));
  }

  /** Correct: the HTTP call runs on the pool sized for it. */
  CompletableFuture<PriceQuote> quoteOnThePricingPool(String sku) {
    return CompletableFuture.supplyAsync(() -> pricing.price(sku), pricingPool)
        .thenApplyAsync(q -> q.withTax(20), pricingPool);
  }

  /** A bug: a parallel stream's lambdas run on the common ForkJoinPool too. */
  long cartTotal(List<String> skus) {
    return skus.parallelStream().mapToLong(sku -> pricing.price(sku).cents()).sum();
  }

  /** Correct: an in-memory sum in parallel blocks nothing. */
  long sumOf(List<PriceQuote> quotes) {
    return quotes.parallelStream().mapToLong(PriceQuote::cents).sum();
  }
}
