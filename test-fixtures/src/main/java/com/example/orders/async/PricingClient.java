package com.example.orders.async;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The pricing service's HTTP API: a round trip per call, seconds when the service is slow. */
final class PricingClient {
  private final HttpClient http;
  private final URI base;

  PricingClient(HttpClient http, URI base) {
    this.http = http;
    this.base = base;
  }

  PriceQuote price(String sku) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/prices/" + sku)).build();
    try {
      String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
      return new PriceQuote(sku, Long.parseLong(body.trim()));
    } catch (IOException e) {
      throw new IllegalStateException("pricing unavailable for " + sku, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted pricing " + sku, e);
    }
  }
}
