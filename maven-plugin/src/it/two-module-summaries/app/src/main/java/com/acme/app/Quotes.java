package com.acme.app;

import com.acme.core.RemotePrices;

public class Quotes {
  private final RemotePrices source = new RemotePrices();
  private final Object lock = new Object();

  public String quote(String item) {
    synchronized (lock) {
      return source.price(item);
    }
  }
}
