package com.example.orders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/** Prices by SKU. The cache itself does no I/O; its miss path waits for the shared pricing lock. */
final class PriceCache {
  private final Map<String, Long> prices = new HashMap<>();
  private final ReentrantLock pricingLock = new ReentrantLock();

  synchronized long priceOf(String sku) {
    Long cached = prices.get(sku);
    if (cached != null) {
      return cached;
    }
    long price = computePrice(sku);
    prices.put(sku, price);
    return price;
  }

  private long computePrice(String sku) {
    pricingLock.lock();
    try {
      return sku.length() * 100L;
    } finally {
      pricingLock.unlock();
    }
  }

  /**
   * The repricing job holds the same lock while it reads the price list, outside the cache's monitor: a
   * miss can wait for the file.
   */
  long reprice(Path priceList) throws IOException {
    pricingLock.lock();
    try {
      long total = 0;
      for (String line : Files.readAllLines(priceList)) {
        total += line.length() * 100L;
      }
      return total;
    } finally {
      pricingLock.unlock();
    }
  }
}
