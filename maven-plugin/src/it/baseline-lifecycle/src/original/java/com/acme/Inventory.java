package com.acme;

public class Inventory {
  private int stock;

  public synchronized void refresh() throws InterruptedException {
    Thread.sleep(100);
    stock = 0;
  }
}
