package com.acme.app;

import com.acme.core.Client;
import java.util.HashMap;
import java.util.Map;

public class PriceCache {
  private final Client client = new Client();
  private final Map<String, String> prices = new HashMap<>();

  public synchronized String price(String item) {
    String known = prices.get(item);
    return known != null ? known : load(item);
  }

  private String load(String item) {
    String price = client.fetch(item);
    prices.put(item, price);
    return price;
  }
}
