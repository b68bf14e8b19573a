package com.acme.core;

/** core's implementation of the interface app programs against. */
public class RemotePrices implements PriceSource {
  private final Client client = new Client();

  @Override
  public String price(String item) {
    return client.fetch(item);
  }
}
