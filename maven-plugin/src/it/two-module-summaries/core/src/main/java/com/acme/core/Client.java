package com.acme.core;

/** The service's client of the price server. */
public class Client {
  private final Http http = new Http("prices.internal", 8080);

  public String fetch(String item) {
    return http.get("/price/" + item);
  }
}
