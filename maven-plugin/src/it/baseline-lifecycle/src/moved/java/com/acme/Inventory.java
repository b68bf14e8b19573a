package com.acme;

/** The same finding as in the original, further down the file. */
public class Inventory {
  private int stock;

  public synchronized int stock() {
    return stock;
  }

  public synchronized void refresh() throws InterruptedException {
    Thread.sleep(100);
    stock = 0;
  }
}
