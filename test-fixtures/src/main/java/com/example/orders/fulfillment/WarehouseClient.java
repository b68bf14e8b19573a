package com.example.orders.fulfillment;

/** The warehouse system's HTTP API: each call takes a second or more. */
public interface WarehouseClient {
  /** Reserves stock and prints the packing slip; returns the tracking number. */
  String pack(PaidOrder order);
}
