package com.acme.core;

public interface PriceSource {
  String price(String item);
}
