package com.acme.only;

final class RelayDriver {
  private final Object lock = new Object();

  void drive() throws InterruptedException {
    synchronized (lock) {
      Thread.sleep(10);
    }
  }
}
