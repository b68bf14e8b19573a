package com.acme.app;

import com.acme.core.PriceSource;

/** Shows prices through core's interface: its one implementation there fetches them remotely. */
public class Board {
  private final PriceSource prices;

  public Board(PriceSource prices) {
    this.prices = prices;
  }

  public synchronized String show(String item) {
    return prices.price(item);
  }
}
