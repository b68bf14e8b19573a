package com.acme;

public class Inventory {
  private int stock;

  public void refresh() throws InterruptedException {
    Thread.sleep(100);
    synchronized (this) {
      stock = 0;
    }
  }
}
