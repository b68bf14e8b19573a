package com.acme.tc;

public final class Flusher {
  private final Object lock = new Object();

  public void flush() throws InterruptedException {
    synchronized (lock) {
      Thread.sleep(10);
    }
  }
}
