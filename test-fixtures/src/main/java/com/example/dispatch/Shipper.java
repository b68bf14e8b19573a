package com.example.dispatch;

/** The warehouse's shipping desk: hands parcels to a carrier when a loading slot frees up. */
interface Shipper {
  /** Waits for a free loading slot. */
  void awaitSlot() throws InterruptedException;

  /** Hands the order to a carrier; false when the carrier refused it for now. */
  boolean tryShip(String order);
}
