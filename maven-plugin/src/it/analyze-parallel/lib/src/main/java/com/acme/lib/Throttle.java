package com.acme.lib;

public final class Throttle {
  private final Object lock = new Object();

  public void pause() throws InterruptedException {
    synchronized (lock) {
      Thread.sleep(10);
    }
  }
}
