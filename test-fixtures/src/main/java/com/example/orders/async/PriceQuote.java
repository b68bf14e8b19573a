package com.example.orders.async;

/** A price for one item, in cents. */
record PriceQuote(String sku, long cents) {
  PriceQuote withTax(int percent) {
    return new PriceQuote(sku, cents + cents * percent / 100);
  }
}
